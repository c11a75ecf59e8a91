"""An officer runs a meeting from scheduling to the pack; a member and the public read what they may."""

import datetime as dt
import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import Meeting, MeetingPack
from partnerships.pdf import html_to_pdf
from tests.browser.conftest import check_accessibility, sign_in


def _paper(tmp_path, name: str, text: str):
    html = f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{text}</title></head><body><p>{text}</p></body></html>'
    path = tmp_path / name
    path.write_bytes(html_to_pdf(html))
    return path


def _pdf_text(page, url: str) -> str:
    response = page.request.get(url)
    assert response.status == 200, f"{url}: {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_officer_runs_a_meeting_and_members_and_the_public_get_their_packs(page, cast, tmp_path):
    cast.partnership.is_public = True
    cast.partnership.save()
    today = dt.date.today()

    sign_in(page, "officer@example.org")
    page.goto(f"/partnerships/{cast.partnership.slug}/meetings/")
    check_accessibility(page)

    # Schedule a meeting: it starts from the standing items.
    page.get_by_role("link", name="Add a meeting").click()
    check_accessibility(page)
    page.get_by_label("Regular meeting").check()
    date = page.get_by_role("group", name="Date")
    date.get_by_label("Day").fill(str(today.day))
    date.get_by_label("Month").fill(str(today.month))
    date.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Add meeting").click()
    expect(page.get_by_text("has been added with the standing items")).to_be_visible()
    expect(page.locator("#agenda")).to_contain_text("Matters arising")
    check_accessibility(page)
    meeting = Meeting.objects.get(partnership=cast.partnership)

    # Build the agenda: add an item, then move it up by keyboard (htmx swaps the agenda in place).
    page.get_by_role("link", name="Add an item").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("Local Plan 2040")
    page.get_by_label("Duration in minutes").fill("40")
    page.get_by_role("button", name="Add item").click()
    expect(page.locator("#agenda")).to_contain_text("5. Local Plan 2040")
    page.get_by_role("button", name="Move up Local Plan 2040").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#agenda")).to_contain_text("4. Local Plan 2040")
    expect(page.get_by_role("button", name="Move up Local Plan 2040")).to_be_focused()
    check_accessibility(page)

    # Upload two papers, one confidential.
    for title, confidential, file in [
        ("Consultation summary", False, _paper(tmp_path, "summary.pdf", "PUBLIC CONSULTATION SUMMARY")),
        ("Site options", True, _paper(tmp_path, "sites.pdf", "CONFIDENTIAL SITE OPTIONS")),
    ]:
        page.get_by_role("link", name="Add a paper to Local Plan 2040").click()
        check_accessibility(page)
        page.get_by_label("Title of the paper").fill(title)
        page.get_by_label(
            "Confidential: members only" if confidential else "Public: anyone who may see the meeting"
        ).check()
        page.get_by_label("Upload a PDF").set_input_files(str(file))
        page.get_by_role("button", name="Upload paper").click()
        expect(page.get_by_text(f"“{title}” has been added")).to_be_visible()
    expect(page.locator("#agenda").get_by_text("Confidential", exact=True)).to_be_visible()

    # Publish: the order is frozen and the packs are prepared.
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_text("The agenda has been published")).to_be_visible()
    expect(page.get_by_role("button", name="Move up Local Plan 2040")).to_have_count(0)
    check_accessibility(page)

    # Attendance in one click per person.
    page.get_by_role("link", name="Attendance").click()
    check_accessibility(page)
    page.get_by_role("button", name="Present for Ada Member").click()
    expect(page.get_by_role("button", name="Present for Ada Member")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Present for Olu Observer").click()
    expect(page.get_by_role("button", name="Present for Olu Observer")).to_have_attribute("aria-pressed", "true")
    check_accessibility(page)

    # A decision by a named vote, then an action.
    page.get_by_role("link", name="Back to the meeting").click()
    page.get_by_role("link", name="Record a decision on Local Plan 2040").click()
    check_accessibility(page)
    page.get_by_label("What was resolved").fill("The partnership will respond to the Local Plan 2040 consultation.")
    page.get_by_label("By a vote, recording how each person voted").check()
    page.get_by_label("Ada Member").select_option("for")
    check_accessibility(page)
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("has been recorded (carried)")).to_be_visible()
    page.get_by_role("link", name="Add an action on Local Plan 2040").click()
    check_accessibility(page)
    page.get_by_label("What is to be done").fill("Draft the partnership's consultation response")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Draft the partnership's consultation response")).to_be_visible()
    check_accessibility(page)

    # No one prepares the pack: even with none stored, the link gives the PDF.
    MeetingPack.objects.filter(meeting=meeting, variant="members").delete()
    href = page.get_by_role("link", name="Members' pack (PDF)").get_attribute("href")
    assert "CONFIDENTIAL SITE OPTIONS" in _pdf_text(page, href)
    page.get_by_role("button", name="Sign out").click()

    # A member downloads the members' pack from "My meetings" and finds the confidential paper in it.
    sign_in(page, "member@example.org")
    page.goto("/my-meetings/")
    check_accessibility(page)
    link = page.get_by_role("link", name=re.compile("Members' pack"))
    members_pack = _pdf_text(page, link.first.get_attribute("href"))
    assert "CONFIDENTIAL SITE OPTIONS" in members_pack
    assert "PUBLIC CONSULTATION SUMMARY" in members_pack
    page.get_by_role("button", name="Sign out").click()

    # An anonymous visitor gets the public pack without it.
    page.goto(f"/meetings/{meeting.pk}/")
    check_accessibility(page)
    expect(page.get_by_text("Site options")).to_have_count(0)
    expect(page.get_by_role("link", name="Members' pack (PDF)")).to_have_count(0)
    public_pack = _pdf_text(page, page.get_by_role("link", name="Public pack (PDF)").get_attribute("href"))
    assert "PUBLIC CONSULTATION SUMMARY" in public_pack
    assert "CONFIDENTIAL SITE OPTIONS" not in public_pack
    assert "Site options" not in public_pack


def test_a_bad_upload_is_refused_and_the_title_kept(page, cast, tmp_path):
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(partnership=cast.partnership)
    renamed = tmp_path / "budget.pdf"
    renamed.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    sign_in(page, "officer@example.org")
    page.goto(f"/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Add a paper to Matters arising").click()
    page.get_by_label("Title of the paper").fill("Budget monitoring")
    page.get_by_label("Confidential: members only").check()
    page.get_by_label("Upload a PDF").set_input_files(str(renamed))
    page.get_by_role("button", name="Upload paper").click()
    expect(page.get_by_role("alert")).to_contain_text("it looks like a Windows program")
    expect(page.get_by_label("Title of the paper")).to_have_value("Budget monitoring")
    expect(page.get_by_label("Confidential: members only")).to_be_checked()
    check_accessibility(page)


def test_an_officer_reorders_the_agenda_by_dragging(page, cast):
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(partnership=cast.partnership)
    sign_in(page, "officer@example.org")
    page.goto(f"/meetings/{meeting.pk}/")
    rows = page.locator("#agenda [data-item]")
    expect(rows.first).to_contain_text("Apologies")
    # The whole agenda in view, so the mouse can reach both rows.
    page.set_viewport_size({"width": 1200, "height": 2400})
    rows.last.locator(".rt-agenda__handle").drag_to(rows.first)
    expect(page.locator("#agenda [data-item]").first).to_contain_text("1. Any other business")
    check_accessibility(page)
    titles = list(meeting.items.order_by("position").values_list("title", flat=True))
    assert titles[0] == "Any other business"
    page.goto(f"/partnerships/{cast.partnership.slug}/standing-items/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Standing items")
    check_accessibility(page)
    page.goto(f"/meetings/{meeting.pk}/history/")
    check_accessibility(page)
