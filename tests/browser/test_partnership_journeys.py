"""An officer keeps a partnership's membership; the public reads a published partnership."""

import re

from playwright.sync_api import expect

from partnerships.models import Membership
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import MembershipFactory, PartnershipFactory, PersonFactory


def test_officer_adds_a_member_ends_a_seat_and_views_an_earlier_date(page, cast):
    PersonFactory(first_name="Grace", last_name="Hopper", job_title="Chief Executive", organisation=cast.council)
    leaving = MembershipFactory(partnership=cast.partnership, person__first_name="Lin", person__last_name="Leaving")
    sign_in(page, "officer@example.org")
    check_accessibility(page)

    page.goto(f"/partnerships/{cast.partnership.slug}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Riverside Strategic Partnership")
    check_accessibility(page)

    page.get_by_role("link", name="Add a member").first.click()
    check_accessibility(page)
    page.get_by_label("Search the register by name").fill("Hopper")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Grace Hopper").click()
    check_accessibility(page)
    page.get_by_label("Member", exact=True).check()
    page.get_by_role("group", name="Start date").get_by_label("Day").fill("1")
    page.get_by_role("group", name="Start date").get_by_label("Month").fill("4")
    page.get_by_role("group", name="Start date").get_by_label("Year").fill("2023")
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_text("Grace Hopper has been added")).to_be_visible()
    check_accessibility(page)

    # Ending a seat asks for confirmation inline, then keeps the record.
    page.get_by_role("link", name="End seat of Lin Leaving").click()
    expect(page.get_by_role("heading", name=re.compile("End Lin Leaving's seat"))).to_be_visible()
    check_accessibility(page)
    group = page.get_by_role("group", name="Date the seat ends")
    group.get_by_label("Day").fill("31")
    group.get_by_label("Month").fill("12")
    group.get_by_label("Year").fill("2023")
    page.get_by_role("button", name="End seat").click()
    expect(page.locator(f"#membership-{leaving.pk}")).to_contain_text("Ended 31 Dec 2023")
    leaving.refresh_from_db()
    assert str(leaving.end_date) == "2023-12-31"

    # As at an earlier date, the ended seat is still there and the new member is not yet.
    page.goto(f"/partnerships/{cast.partnership.slug}/members/")
    group = page.get_by_role("group", name="Show the membership as at")
    group.get_by_label("Day").fill("1")
    group.get_by_label("Month").fill("6")
    group.get_by_label("Year").fill("2022")
    page.get_by_role("button", name="Show membership").click()
    members = page.locator("#members")
    expect(members).to_contain_text("Membership as at 1 June 2022")
    expect(members).to_contain_text("Lin Leaving")
    expect(members).not_to_contain_text("Grace Hopper")
    check_accessibility(page)
    assert Membership.objects.filter(person__last_name="Hopper", partnership=cast.partnership).exists()


def test_officer_sees_errors_beside_fields_and_keeps_what_was_typed(page, cast):
    sign_in(page, "officer@example.org")
    page.goto(f"/memberships/{cast.membership.pk}/edit/")
    group = page.get_by_role("group", name="End date")
    group.get_by_label("Day").fill("1")
    group.get_by_label("Month").fill("1")
    group.get_by_label("Year").fill("2020")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.locator(".govuk-error-message").first).to_contain_text("on or after the start date")
    expect(group.get_by_label("Year")).to_have_value("2020")
    check_accessibility(page)


def test_the_public_reads_a_published_partnership(page, db):
    partnership = PartnershipFactory(
        name="Harbour City Partnership", slug="harbour", is_public=True, purpose="Working together for the harbour."
    )
    MembershipFactory(
        partnership=partnership, person__first_name="Sam", person__last_name="Public", person__email="sam@example.org"
    )
    page.goto("/")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("Harbour City Partnership")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Harbour City Partnership")
    expect(page.get_by_text("Sam Public")).to_be_visible()
    expect(page.get_by_text("sam@example.org")).to_have_count(0)
    check_accessibility(page)
    page.get_by_role("link", name="Members", exact=True).click()
    check_accessibility(page)
