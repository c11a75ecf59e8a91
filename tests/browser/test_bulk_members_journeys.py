"""An officer adds 40 members from a CSV in one step, ends two seats at once and gives a member a login."""

import re

from playwright.sync_api import expect

from partnerships.models import Membership, PartnershipOfficer, Person
from tests.browser.conftest import check_accessibility, sign_in
from tests.factories import MembershipFactory


def _csv(council: str) -> bytes:
    lines = ["First name,Last name,Email,Organisation,Role,Start date"]
    lines += [f"Newcomer{n},Member{n},newcomer{n}@example.org,{council},Member,01/04/2026" for n in range(40)]
    return "\n".join(lines).encode()


def test_officer_adds_40_members_from_a_csv_in_one_step(page, cast):
    sign_in(page, "officer@example.org")
    page.goto(f"/partnerships/{cast.partnership.slug}/members/")
    page.get_by_role("link", name="Add members from a list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add members from a list")
    check_accessibility(page)

    # A row that is wrong stops the whole list, and says so beside the row; the text stays in the box.
    page.get_by_label("Paste the list").fill("First name,Last name,Organisation\nAda,Lovelace,Nowhere Ltd")
    page.get_by_role("button", name="Check the list").click()
    expect(page.get_by_role("heading", name="1 of 1 rows need correcting")).to_be_visible()
    expect(page.locator("#row-1")).to_contain_text("No organisation called “Nowhere Ltd”")
    expect(page.get_by_label("Paste the list")).to_have_value(re.compile("Ada,Lovelace,Nowhere Ltd"))
    check_accessibility(page)

    page.get_by_label("Paste the list").fill("")
    page.get_by_label("Or choose a CSV or XLSX file").set_input_files(
        {"name": "members.csv", "mimeType": "text/csv", "buffer": _csv(cast.council.name)}
    )
    page.get_by_role("button", name="Check the list").click()
    expect(page.get_by_role("heading", name="40 members ready to add")).to_be_visible()
    expect(page.locator("#row-40")).to_contain_text("New person")
    check_accessibility(page)
    assert not Person.objects.filter(first_name__startswith="Newcomer").exists()

    page.get_by_role("button", name="Add 40 members").click()
    expect(page.get_by_text("40 members have been added")).to_be_visible()
    check_accessibility(page)
    assert (
        Membership.objects.filter(partnership=cast.partnership, person__first_name__startswith="Newcomer").count() == 40
    )


def test_officer_ends_two_seats_at_once_and_gives_a_member_a_login(page, cast):
    first = MembershipFactory(partnership=cast.partnership, person__first_name="Pat", person__last_name="Parting")
    second = MembershipFactory(partnership=cast.partnership, person__first_name="Quin", person__last_name="Quitting")
    staying = MembershipFactory(
        partnership=cast.partnership,
        person__first_name="Rae",
        person__last_name="Remaining",
        person__email="rae@example.org",
    )
    sign_in(page, "officer@example.org")
    page.goto(f"/partnerships/{cast.partnership.slug}/members/")
    page.get_by_text("End several seats at once").click()
    form = page.locator("#end-several")
    form.get_by_label(re.compile("^Pat Parting")).check()
    form.get_by_label(re.compile("^Quin Quitting")).check()
    group = form.get_by_role("group", name="Date the seats end")
    group.get_by_label("Day").fill("31")
    group.get_by_label("Month").fill("3")
    group.get_by_label("Year").fill("2026")
    form.get_by_label("Reason (optional)").fill("Organisation left the partnership")
    check_accessibility(page)
    form.get_by_role("button", name="End the chosen seats").click()
    expect(page.get_by_text("2 seats end on 31 March 2026")).to_be_visible()
    check_accessibility(page)
    first.refresh_from_db()
    second.refresh_from_db()
    staying.refresh_from_db()
    assert (str(first.end_date), str(second.end_date), staying.end_date) == ("2026-03-31", "2026-03-31", None)

    page.get_by_role("link", name="Give a login to Rae Remaining").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Give Rae Remaining a login")
    check_accessibility(page)
    expect(page.get_by_label("Email address for the login")).to_have_value("rae@example.org")
    page.get_by_label("Officer of this partnership").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(
        page.get_by_text("An invitation as officer of Riverside Strategic Partnership is on its way")
    ).to_be_visible()
    check_accessibility(page)
    staying.person.refresh_from_db()
    assert PartnershipOfficer.objects.filter(user=staying.person.user, partnership=cast.partnership).exists()
