"""Error-summary links land on the control they name: the first radio of a group, the day box of a date."""

from playwright.sync_api import expect

from tests.browser.conftest import check_accessibility, sign_in
from tests.taskgroups.factories import ChallengeFactory


def test_summary_links_move_focus_to_the_first_radio_and_the_day_box(page, cast):
    challenge = ChallengeFactory(partnership=cast.partnership)
    sign_in(page, "officer@example.org")
    page.goto(f"/challenges/{challenge.pk}/stage/")
    page.get_by_role("group", name="Date the stage changed").get_by_label("Day").fill("")
    page.get_by_role("group", name="Date the stage changed").get_by_label("Month").fill("")
    page.get_by_role("group", name="Date the stage changed").get_by_label("Year").fill("")
    page.get_by_role("button", name="Record the change").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    check_accessibility(page)

    summary.get_by_role("link", name="Choose the stage the challenge moves to.").click()
    expect(page.locator("#id_stage_0")).to_be_focused()

    summary.get_by_role("link", name="Enter the date the stage changed.").click()
    expect(page.locator("#id_changed_on_0")).to_be_focused()
