"""A member of the public finds a partnership's decisions and attendance, then downloads its open data."""

import json
import re

from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import PartnershipFactory, make_officer
from tests.reporting.api.conftest import build_record


def test_the_public_reads_the_registers_and_downloads_popolo(page, transactional_db):
    record = build_record(PartnershipFactory(name="Northgate Partnership", slug="northgate", is_public=True))
    page.goto("/open-data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data")
    expect(page.get_by_text("Open Government Licence v3.0")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Decisions of Northgate Partnership").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decisions register")
    expect(page.get_by_text(f"{record.alternate.person.display_name}, alternate for")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Outcome").select_option(label="Lost")
    page.get_by_role("button", name="Show decisions").click()
    expect(page.get_by_text("No decisions match.")).to_be_visible()
    expect(page.get_by_label("Outcome")).to_have_value("lost")

    page.goto("/open-data/")
    page.get_by_role("link", name=re.compile(r"attendance at Northgate")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Attendance, 2022/23")
    check_accessibility(page)

    page.goto("/open-data/")
    with page.expect_download() as download:
        page.get_by_role("link", name="JSON for Northgate Partnership").click()
    with open(download.value.path(), encoding="utf-8") as handle:
        export = json.load(handle)
    assert any(vote["on_behalf_of_id"] for vote in export["votes"])

    page.goto("/api/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Roundtable open data API")
    check_accessibility(page)


def test_an_officer_makes_a_token_on_the_tokens_page(page, transactional_db):
    make_officer(PartnershipFactory(), username="officer@example.org")
    sign_in(page, "officer@example.org")
    page.goto("/api/tokens/")
    page.get_by_role("button", name="Make a token").click()
    expect(page.get_by_text("Enter what the token is for.").first).to_be_visible()
    check_accessibility(page)
    page.get_by_label("What is this token for?").fill("Harvester")
    page.get_by_role("button", name="Make a token").click()
    expect(page.get_by_role("heading", name="Your new token")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Revoke Harvester").click()
    expect(page.get_by_text("has been revoked")).to_be_visible()


def test_the_public_finds_a_decision_opens_its_minutes_and_downloads_the_open_data(page, transactional_db):
    partnership = PartnershipFactory(name="Northgate Partnership", slug="northgate", is_public=True)
    record = build_record(partnership)
    # The search box is in every page's header.
    page.goto("/open-data/")
    page.get_by_role("search").get_by_label("Search").fill("adopt the plan")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Carried: Climate plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(record.held.name)

    page.get_by_role("link", name="The minutes in full").click()
    expect(page.get_by_text(f"{record.alternate.person.display_name}, alternate for")).to_be_visible()
    expect(page.get_by_text("To adopt the plan.")).to_be_visible()
    expect(page.get_by_text("Circulate the climate plan")).to_be_visible()
    check_accessibility(page)
    pdf = page.request.get(
        page.get_by_role("link", name=re.compile("Download the minutes as a PDF")).get_attribute("href")
    )
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    page.goto("/partnerships/northgate/meetings/")
    page.get_by_role("link", name="Get email alerts").click()
    check_accessibility(page)
    page.get_by_label("Email address").fill("reader@example.com")
    page.get_by_role("button", name="Get email alerts").click()
    expect(page.get_by_text("We have sent a link to reader@example.com")).to_be_visible()

    page.goto("/open-data/")
    with page.expect_download() as download:
        page.get_by_role("link", name="JSON for Northgate Partnership").click()
    with open(download.value.path(), encoding="utf-8") as handle:
        export = json.load(handle)
    assert any(motion["text"] == "To adopt the plan." for motion in export["motions"])
