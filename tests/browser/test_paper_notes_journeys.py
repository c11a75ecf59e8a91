"""A member opens the next meeting's pack at once, notes a sentence of a paper, and finds it on another device."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import AgendaItem, MeetingPack
from meetings.services import agenda_item_add, agenda_publish, paper_add
from partnerships.pdf import html_to_pdf
from tests.browser.conftest import check_accessibility, sign_in
from tests.meetings.factories import MeetingFactory

SENTENCE = "The partnership will fund twelve new apprenticeships."


def _next_meeting(cast):
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date.today() + dt.timedelta(days=14))
    item = agenda_item_add(item=AgendaItem(meeting=meeting, title="Skills programme", kind=AgendaItem.Kind.MAJOR))
    html = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Skills programme</title></head>'
        f"<body><h1>Skills programme</h1><p>{SENTENCE}</p><p>Places open in September.</p></body></html>"
    )
    upload = SimpleUploadedFile("skills.pdf", html_to_pdf(html), content_type="application/pdf")
    paper = paper_add(item=item, title="Skills programme update", is_confidential=False, upload=upload)
    # Publishing builds both packs (the live server's database commits, so the build runs at once).
    agenda_publish(meeting=meeting)
    return meeting, paper


def _watch(page):
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def _select(page, text: str) -> None:
    """Select the words as a reader would drag across them in the viewer's text layer."""
    page.evaluate(
        """(text) => {
            const spans = Array.from(document.querySelectorAll('.textLayer span'));
            const span = spans.find((s) => s.textContent.includes(text));
            const node = span.firstChild;
            const start = node.textContent.indexOf(text);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + text.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        text,
    )


def test_a_member_reads_the_pack_notes_a_paper_and_finds_the_note_on_another_device(page, browser, live_server, cast):
    meeting, paper = _next_meeting(cast)
    assert meeting.packs.filter(status=MeetingPack.Status.DONE).count() == 2

    sign_in(page, "member@example.org")
    page.goto(meeting.get_absolute_url())
    check_accessibility(page)

    # The pack is a PDF straight away: no one had to prepare it.
    href = page.get_by_role("link", name="Members' pack (PDF)").get_attribute("href")
    response = page.request.get(href)
    assert response.headers["content-type"] == "application/pdf"
    assert "twelve new apprenticeships" in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages
    )

    # It reads in the browser too.
    page.get_by_role("link", name="Read the members' pack in the browser").click()
    expect(page.locator("[data-paper-viewer][data-ready=true]")).to_be_attached(timeout=20_000)
    check_accessibility(page)
    page.goto(meeting.get_absolute_url())

    # The paper opens in the viewer under the strict content security policy (a violation fails the test).
    page.get_by_role("link", name="Read and make notes on Skills programme update").click()
    expect(page.locator("[data-paper-viewer][data-ready=true]")).to_be_attached(timeout=20_000)
    expect(page.locator(".textLayer span", has_text="apprenticeships").first).to_be_attached()
    check_accessibility(page)

    _select(page, SENTENCE)
    page.get_by_role("button", name="Note the selected passage").click()
    expect(page.get_by_label("Passage")).to_have_value(SENTENCE)
    expect(page.locator("#id_text")).to_be_focused()
    page.locator("#id_text").fill("Ask which employers have signed up.")
    page.get_by_role("button", name="Save the note").click()
    expect(page.get_by_text("Your note has been saved")).to_be_visible()
    expect(page.locator(".rt-highlight").first).to_be_attached(timeout=20_000)
    check_accessibility(page)

    # Another device: a fresh browser, signed in again, finds the note and its highlight.
    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        device = other.new_page()
        problems = _watch(device)
        sign_in(device, "member@example.org")
        device.goto(f"/papers/{paper.pk}/read/")
        expect(device.get_by_text("Ask which employers have signed up.")).to_be_visible()
        expect(device.locator("[data-note-quote][data-marked=true]")).to_have_count(1, timeout=20_000)
        check_accessibility(device)
        assert not problems, problems
    finally:
        other.close()
