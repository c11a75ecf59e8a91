"""A member of the public finds a decision by searching and opens the meeting that took it."""

import datetime as dt
import re

from playwright.sync_api import expect

from meetings.models import Decision, Meeting
from meetings.services import agenda_publish
from tests.browser.conftest import check_accessibility
from tests.meetings.factories import AgendaItemFactory, MeetingFactory


def test_the_public_finds_a_decision_and_opens_it(page, cast):
    cast.partnership.is_public = True
    cast.partnership.save()
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 3, 12))
    item = AgendaItemFactory(meeting=meeting, title="Community energy")
    Decision.objects.create(item=item, resolution="Fund the solar rooftops programme for schools.")
    agenda_publish(meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED)

    # The plain form in the header works on its own.
    page.goto("/")
    page.get_by_role("search").get_by_label("Search").fill("rooftops")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.locator("#results-decisions")).to_have_text("Decisions")
    expect(page.locator("#search-results mark").first).to_have_text("rooftops")
    check_accessibility(page)

    # Typing on the results page swaps the results in place.
    page.locator("#search-q").fill("solar programme")
    expect(page.locator("#search-summary")).to_contain_text("solar programme")
    expect(page).to_have_url(re.compile(r"q=solar"))
    check_accessibility(page)

    page.get_by_role("link", name="Agreed: Community energy").click()
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Fund the solar rooftops programme for schools.")
    check_accessibility(page)
