"""An officer takes a challenge from being raised to a group's reviewed outcomes and a follow-on challenge."""

import datetime as dt
import re

from playwright.sync_api import expect

from taskgroups.models import Challenge, TaskGroup
from tests.browser.conftest import check_accessibility, sign_in


def _date(page, group_name, day, month, year):
    group = page.get_by_role("group", name=group_name)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def test_officer_takes_a_challenge_from_raised_to_reviewed_outcomes(page, cast):
    today = dt.date.today()
    sign_in(page, "officer@example.org")

    # Raise a challenge from the partnership's tab.
    page.goto(f"/partnerships/{cast.partnership.slug}/")
    page.get_by_role("link", name="Challenges and groups").click()
    expect(page.get_by_role("heading", name="Challenges programme")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Raise a challenge").click()
    check_accessibility(page)
    page.get_by_label("Title").fill("Retrofitting homes at scale")
    page.get_by_label("Description").fill("Net zero needs retrofit whatever the tenure.")
    page.get_by_label("High").check()
    page.get_by_role("button", name="Raise the challenge").click()
    expect(page.get_by_text("has been added to the challenges programme")).to_be_visible()
    check_accessibility(page)

    # Establish a task-and-finish group for it.
    page.get_by_role("link", name="Establish a task-and-finish group").click()
    check_accessibility(page)
    page.get_by_label("Name of the group").fill("Retrofit sprint group")
    page.get_by_label("Objectives").fill("Understand local requirements\nSet the ground work for funding bids")
    page.get_by_label("Lead organisation").select_option(label="Riverside City Council")
    page.get_by_label("Link member").select_option(label="Ada Member (Riverside City Council)")
    _date(page, "Start date", 1, 1, today.year - 1)
    _date(page, "Required end date", 31, 12, today.year + 1)
    page.get_by_role("button", name="Establish the group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retrofit sprint group")
    check_accessibility(page)

    # Add someone from outside the partnership, on the spot.
    page.get_by_role("link", name="Add a member").click()
    check_accessibility(page)
    page.get_by_label("Search the register by name").fill("Rowan")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.locator("#results")).to_contain_text("Nobody in the register matches")
    page.get_by_label("First name").fill("Rowan")
    page.get_by_label("Last name").fill("Retrofit")
    page.get_by_label("Or an organisation not yet in the register").fill("Lucy Group")
    page.get_by_label("Sector of the new organisation").select_option(label="Private sector")
    page.get_by_role("button", name="Add to the register and continue").click()
    expect(page.get_by_role("heading", name="Add Rowan Retrofit to the group")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Add to the group").click()
    expect(page.get_by_text("From outside the partnership")).to_be_visible()
    check_accessibility(page)

    # Draft, then agree, the exact definition of the problem.
    page.get_by_role("link", name="Write the definition").click()
    check_accessibility(page)
    page.get_by_label("Exact definition of the problem").fill("How can homes of every tenure be retrofitted at scale?")
    page.get_by_role("button", name="Agree the definition").click()
    expect(page.get_by_text("The definition of the problem has been agreed")).to_be_visible()
    page.get_by_label("Active").check()
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("The group is now “Active”")).to_be_visible()

    # Record milestones; one already overdue shows as a warning, and is marked done in place.
    for title, due in (
        ("Local requirements understood", today - dt.timedelta(days=3)),
        ("Bid submitted", today + dt.timedelta(days=60)),
    ):
        page.get_by_role("link", name="Add a milestone").click()
        check_accessibility(page)
        page.get_by_label("Title").fill(title)
        _date(page, "Due date", due.day, due.month, due.year)
        page.get_by_role("button", name="Add the milestone").click()
        expect(page.get_by_text(f"The milestone “{title}” has been added")).to_be_visible()
    expect(page.locator("#task-group-warnings")).to_contain_text("Local requirements understood")
    check_accessibility(page)
    row = page.locator("tr", has_text="Local requirements understood")
    row.get_by_role("button", name=re.compile("Mark as done")).click()
    expect(row).to_contain_text("Done")
    check_accessibility(page)

    # Close the group with its outcomes reviewed, and raise a follow-on challenge.
    page.get_by_role("link", name="Review outcomes and close").click()
    check_accessibility(page)
    page.get_by_role("button", name="Close the group").click()
    expect(page.get_by_role("alert")).to_contain_text("Review the outcomes against the objectives")
    check_accessibility(page)
    page.get_by_label("Outcomes against the objectives").fill("Requirements understood; two bids won.")
    page.get_by_label("Evidence").fill("£75,000 from Innovate UK.")
    page.get_by_label("New challenge the group identified").fill("A one stop shop for retrofit")
    page.get_by_label("Describe the new challenge").fill("Test a delivery model in one area.")
    page.get_by_role("button", name="Close the group").click()
    expect(page.get_by_text("has closed with its outcomes reviewed")).to_be_visible()
    expect(page.get_by_role("heading", name="Outcomes reviewed")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="A one stop shop for retrofit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A one stop shop for retrofit")
    expect(page.get_by_text(re.compile("Follows on from"))).to_be_visible()
    check_accessibility(page)

    group = TaskGroup.objects.get(name="Retrofit sprint group")
    assert group.status == "closed" and group.members.get().person.last_name == "Retrofit"
    first = Challenge.objects.get(title="Retrofitting homes at scale")
    assert first.stage == "review"
    assert list(first.stage_changes.values_list("stage", flat=True)) == ["highlighted", "review"]


def test_members_read_the_challenges_programme_and_the_officer_overview(page, cast):
    sign_in(page, "officer@example.org")
    page.goto("/task-and-finish/")
    expect(page.get_by_role("heading", name="Task-and-finish work")).to_be_visible()
    check_accessibility(page)
    page.goto(f"/partnerships/{cast.partnership.slug}/task-and-finish-groups/")
    check_accessibility(page)
