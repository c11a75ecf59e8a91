"""The report pages: asking, progress, preview, narrative; and gathering in a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse

from partnerships import dataset
from reporting import gather
from reporting.models import Kind, Narrative, Report
from tests.factories import ContributionFactory, MembershipFactory, PersonFactory

from .factories import ReportFactory


def test_an_officer_asks_for_a_report_and_lands_on_its_progress(
    officer_client, cast, django_capture_on_commit_callbacks
):
    url = reverse("reporting:partnership_reports", args=[cast.partnership.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"year": "2022"})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.as_at == dt.date(2023, 3, 31) and report.requested_by == cast.users["officer"]
    page = officer_client.get(report.get_absolute_url()).content.decode()
    assert "The report is ready" in page and "Download the PDF" in page
    # Asked again with nothing changed: the worker keeps the same PDF, and the page says so.
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, {"year": "2022"})
    again = Report.objects.exclude(pk=report.pk).get()
    assert again.reused_from == report and again.file.name == report.file.name
    assert (
        "Nothing in this report has changed since it was made"
        in officer_client.get(response["Location"]).content.decode()
    )


def test_a_wrong_as_at_date_is_shown_beside_its_field_and_what_was_typed_is_kept(officer_client, cast):
    url = reverse("reporting:partnership_reports", args=[cast.partnership.slug])
    response = officer_client.post(url, {"year": "2022", "as_at_day": "1", "as_at_month": "1", "as_at_year": "2022"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "must be on or after 1 April 2022" in page
    assert 'value="2022"' in page and not Report.objects.exists()


def test_progress_is_polled_as_a_fragment_until_the_report_is_finished(officer_client, cast):
    report = ReportFactory(partnership=cast.partnership, status=Report.Status.RUNNING, progress=30, step="Making it")
    response = officer_client.get(report.get_absolute_url(), headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="report-status"')
    assert 'hx-trigger="every 2s"' in fragment and 'value="30"' in fragment and "Making it" in fragment
    report.status, report.progress = Report.Status.DONE, 100
    report.save()
    fragment = officer_client.get(report.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in fragment and "Download the PDF" in fragment


def test_a_failed_report_shows_why_and_offers_a_retry(officer_client, cast):
    report = ReportFactory(partnership=cast.partnership, status=Report.Status.FAILED, error="The disk was full.")
    page = officer_client.get(report.get_absolute_url()).content.decode()
    assert "The report could not be made" in page and "The disk was full." in page and "Try again" in page


def test_the_officer_writes_the_narrative_and_the_preview_shows_it(officer_client, cast):
    url = reverse("reporting:annual_update_narrative", args=[cast.partnership.slug, 2022])
    response = officer_client.post(
        url,
        {
            "purpose": "To note the Riverside annual update",
            "legal": "There are no legal implications.\n\nThe partnership has no statutory role.",
            "author": cast.member_person.pk,
            "author_telephone": "01234 567890",
        },
    )
    assert response.status_code == 302
    narrative = Narrative.objects.get()
    assert narrative.kind == Kind.ANNUAL_UPDATE and narrative.year == 2022
    page = officer_client.get(reverse("reporting:annual_update_preview", args=[cast.partnership.slug, 2022]))
    text = page.content.decode()
    assert "To note the Riverside annual update" in text
    assert "The partnership has no statutory role." in text and "01234 567890" in text
    assert "Preview of the report as it would be made now" in text


def test_a_second_officer_saving_a_stale_narrative_is_told(officer_client, cast):
    narrative = Narrative.objects.create(kind=Kind.ANNUAL_UPDATE, partnership=cast.partnership, year=2022)
    url = reverse("reporting:annual_update_narrative", args=[cast.partnership.slug, 2022])
    officer_client.post(url, {"version": narrative.version, "legal": "First"})
    response = officer_client.post(url, {"version": narrative.version, "legal": "Second"})
    assert response.status_code == 400
    assert "Your changes have not been saved" in response.content.decode()
    narrative.refresh_from_db()
    assert narrative.legal == "First"


def test_a_clerk_writes_the_council_review_and_sees_it(client, cast):
    client.force_login(cast.users["clerk"])
    ContributionFactory(organisation=cast.council, partnership=cast.partnership, year=2023)
    url = reverse("reporting:council_review_narrative", args=[cast.council.slug, 2023])
    assert client.post(url, {"executive_summary": "Riverside's year in partnership."}).status_code == 302
    page = client.get(reverse("reporting:council_review_preview", args=[cast.council.slug, 2023])).content.decode()
    assert "Riverside&#x27;s year in partnership." in page
    assert "Riverside Strategic Partnership (RSP)" in page and "£5,000" in page


def test_unknown_years_are_not_found(officer_client, cast):
    url = reverse("reporting:annual_update_preview", args=[cast.partnership.slug, 1900])
    assert officer_client.get(url).status_code == 404


def test_the_reports_page_lists_what_a_clerk_can_ask_for(client, cast):
    client.force_login(cast.users["clerk"])
    page = client.get(reverse("reporting:report_index")).content.decode()
    assert "Riverside Strategic Partnership" in page and "Riverside City Council" in page
    assert 'href="/reports/"' in client.get("/").content.decode()


def _grow(partnership, organisation, n):
    for _ in range(n):
        person = PersonFactory(organisation=organisation)
        MembershipFactory(partnership=partnership, person=person, organisation=organisation)


@pytest.mark.parametrize("kind", [Kind.ANNUAL_UPDATE, Kind.COUNCIL_REVIEW])
def test_gathering_takes_the_same_number_of_queries_however_much_data(db, kind, django_assert_max_num_queries):
    """Guards against a query per member, per sub-group or per partnership in either report."""
    context = dataset.generate(0.1, seed=7)
    partnership = max(context["partnerships"], key=lambda p: p.memberships.count())
    organisation = partnership.memberships.exclude(organisation=None).first().organisation

    def run():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            if kind == Kind.ANNUAL_UPDATE:
                gather.annual_update(partnership=partnership, year=2022, as_at=dt.date(2023, 3, 31))
            else:
                gather.council_review(organisation=organisation, year=2022, as_at=dt.date(2023, 3, 31))
        return len(queries)

    before = run()
    _grow(partnership, organisation, 15)
    for child in context["partnerships"][:3]:
        _grow(child, organisation, 3)
    assert run() == before
    # Each kind of record the annual update reads as it stood on the as-at date costs a query or two.
    assert before <= (34 if kind == Kind.ANNUAL_UPDATE else 20)


def test_the_reports_list_takes_the_same_number_of_queries_however_many_reports(officer_client, cast):
    """Guards against a query per report (who asked, the subject) on a partnership's reports page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("reporting:partnership_reports", args=[cast.partnership.slug])
    ReportFactory(partnership=cast.partnership, requested_by=cast.users["clerk"])
    officer_client.get(url)
    with CaptureQueriesContext(connection) as few:
        officer_client.get(url)
    for year in (2019, 2020, 2021):
        ReportFactory(partnership=cast.partnership, year=year, requested_by=cast.users["admin"])
    with CaptureQueriesContext(connection) as many:
        page = officer_client.get(url).content.decode()
    assert len(many) == len(few)
    assert page.count("Download PDF") == 4
