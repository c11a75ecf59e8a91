"""A clerk asks for the OSP's annual update report, watches it being made and downloads it."""

import datetime as dt
import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from partnerships import demo as register_demo
from partnerships import jobs
from partnerships.models import Organisation, Person
from reporting import demo, services
from reporting.models import Report
from reporting.tasks import render_report
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import UserFactory, make_clerk, make_officer


def test_a_clerk_asks_for_the_osp_annual_report_watches_it_and_downloads_it(page, transactional_db, monkeypatch):
    demo.seed_narratives(register_demo.seed())
    make_clerk(Organisation.objects.get(name="Oxford City Council"), username="clerk@oxford.example")
    # The job waits in the queue until this test plays the worker, so the page is seen polling.
    queued = []
    monkeypatch.setattr(jobs, "job_dispatch", lambda model, pk: queued.append((pk,)))

    sign_in(page, "clerk@oxford.example")
    page.get_by_role("link", name="Reports", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    check_accessibility(page)

    page.get_by_role("link", name=re.compile(r"^Oxford Strategic Partnership\s*: annual update reports")).click()
    expect(page.get_by_role("heading", name="Ask for the annual update report")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Financial year").select_option(label="2022/23")
    page.get_by_role("button", name="Make the annual update report").click()
    expect(page.get_by_role("status")).to_contain_text("Waiting for its turn")
    check_accessibility(page)

    (report_id,) = queued[0]
    render_report.apply(args=[report_id])
    expect(page.get_by_role("status")).to_contain_text("The report is ready", timeout=15_000)
    check_accessibility(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    with open(download.value.path(), "rb") as handle:
        pdf = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Appendix 1: Oxford Strategic Partnership Membership – March 2023" in text
    assert "Paul James (Chair)" in text
    assert download.value.suggested_filename == "oxford-strategic-partnership-annual-update-2022-23.pdf"
    report = Report.objects.get(pk=report_id)
    assert report.requested_by.username == "clerk@oxford.example"


def test_a_member_reads_a_published_report_from_the_partnerships_reports_tab(page, transactional_db):
    partnerships = register_demo.seed()
    demo.seed_narratives(partnerships)
    member = UserFactory(username="paul.james@example.org")
    Person.objects.filter(first_name="Paul", last_name="James").update(user=member)
    report, _ = services.report_request(
        kind="annual_update", partnership=partnerships["osp"], year=2022, as_at=dt.date(2023, 3, 31)
    )
    services.report_render(report=Report.objects.get(pk=report.pk))
    Report.objects.filter(pk=report.pk).update(published_at=report.requested_at)

    sign_in(page, "paul.james@example.org")
    page.goto(f"/partnerships/{partnerships['osp'].slug}/")
    page.get_by_role("link", name="Reports", exact=True).last.click()
    expect(page.get_by_role("table", name="Annual update reports")).to_contain_text("2022/23")
    expect(page.get_by_role("button", name="Make the annual update report")).to_have_count(0)
    check_accessibility(page)


def test_an_officer_writes_the_narrative_and_previews_the_report(page, transactional_db):
    partnerships = register_demo.seed()
    demo.seed_narratives(partnerships)
    make_officer(partnerships["osp"], username="osp.officer@example.org")

    sign_in(page, "osp.officer@example.org")
    page.goto(f"/partnerships/{partnerships['osp'].slug}/reports/")
    page.get_by_role("link", name=re.compile(r"^Change the narrative\s*for 2022.23")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Narrative for the 2022/23 annual update report")
    check_accessibility(page)
    page.get_by_label("Conclusion").fill("The OSP should continue.\n\nIts members thank the outgoing chair.")
    page.get_by_role("button", name="Save the narrative").click()
    expect(page.get_by_text("The narrative for 2022/23 has been saved.")).to_be_visible()

    page.get_by_role("link", name=re.compile(r"^Preview\s*the 2022.23 report")).click()
    expect(page.locator(".rt-report")).to_contain_text("Its members thank the outgoing chair.")
    expect(page.locator(".rt-report")).to_contain_text("Paul James (Chair)")
    check_accessibility(page)


def test_the_cambridge_clerk_asks_for_the_2023_24_review_and_downloads_it(page, transactional_db, monkeypatch):
    from meetings import demo as meetings_demo

    partnerships = register_demo.seed()
    meetings_demo.seed(partnerships)
    demo.seed_narratives(partnerships)
    make_clerk(Organisation.objects.get(name="Cambridge City Council"), username="clerk@cambridge.example")
    queued = []
    monkeypatch.setattr(jobs, "job_dispatch", lambda model, pk: queued.append((pk,)))

    sign_in(page, "clerk@cambridge.example")
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name=re.compile(r"^Cambridge City Council\s*: annual review")).click()
    expect(page.get_by_role("button", name="Make the review")).to_be_visible()
    check_accessibility(page)

    page.get_by_label("Financial year").select_option(label="2023/24")
    # The review went to committee in July 2024, after the Board meeting of 5 June whose decisions it attaches.
    group = page.get_by_role("group", name="Show the records as at")
    group.get_by_label("Day").fill("1")
    group.get_by_label("Month").fill("7")
    group.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Make the review").click()
    expect(page.get_by_role("status")).to_contain_text("Waiting for its turn")
    check_accessibility(page)

    (report_id,) = queued[0]
    render_report.apply(args=[report_id])
    expect(page.get_by_role("status")).to_contain_text("The report is ready", timeout=15_000)
    check_accessibility(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    with open(download.value.path(), "rb") as handle:
        pdf = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "That the Executive Councillor for Health and Community Safety:" in text
    assert "Cambridge City Council is a member organisation of the Fast Growth Cities group." in text
    assert (
        "Appendix B: Decision Sheet from the Cambridgeshire & Peterborough Combined Authority Board meeting, 5 June 2024"
        in text
    )
    assert download.value.suggested_filename == "cambridge-city-council-partnerships-review-2023-24.pdf"
    assert Report.objects.get(pk=report_id).as_at == dt.date(2024, 7, 1)
