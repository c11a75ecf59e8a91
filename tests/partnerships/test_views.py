"""Officers edit the register in the browser: forms keep what was typed, errors sit beside fields."""

import datetime as dt

import pytest
from django.urls import reverse

from partnerships.models import Budget, Membership, Partnership
from tests.factories import BudgetFactory, MembershipFactory, PartnershipFactory, PersonFactory


def date_fields(name, day):
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}


def test_an_officer_adds_a_member(officer_client, cast):
    person = PersonFactory(first_name="Grace", last_name="Hopper", organisation=cast.council)
    url = reverse("partnerships:membership_add", args=[cast.partnership.slug])
    found = officer_client.get(url, {"q": "hopp"})
    assert "Grace Hopper" in found.content.decode()
    response = officer_client.post(
        url,
        {
            "person": person.pk,
            "organisation": cast.council.pk,
            "role": "member",
            "is_voting": "on",
            **date_fields("start_date", dt.date(2023, 4, 1)),
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(person=person)
    assert (membership.partnership, membership.start_date, membership.is_voting) == (
        cast.partnership,
        dt.date(2023, 4, 1),
        True,
    )
    assert membership.history.first().history_user == cast.users["officer"]


def test_a_refused_member_keeps_everything_typed(officer_client, cast):
    person = PersonFactory(organisation=cast.council)
    response = officer_client.post(
        reverse("partnerships:membership_add", args=[cast.partnership.slug]),
        {
            "person": person.pk,
            "organisation": cast.council.pk,
            "role": "observer",
            "is_voting": "on",
            "notes": "Leader of the opposition",
            **date_fields("start_date", dt.date(2023, 4, 1)),
            **date_fields("end_date", dt.date(2023, 3, 1)),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "An observer contributes to the debate but does not hold a vote." in page
    assert "The end date must be on or after the start date." in page
    assert "Leader of the opposition" in page
    assert 'name="end_date_year" value="2023"' in page
    assert not Membership.objects.filter(person=person).exists()


def test_a_half_typed_date_says_what_is_missing(officer_client, cast):
    response = officer_client.post(
        reverse("partnerships:membership_edit", args=[cast.membership.pk]),
        {
            "organisation": cast.council.pk,
            "role": "member",
            "is_voting": "on",
            "version": 1,
            "start_date_day": "3",
            "start_date_month": "",
            "start_date_year": "2023",
        },
    )
    page = response.content.decode()
    assert "The date must include a month." in page
    assert 'name="start_date_day" value="3"' in page


def test_a_second_lead_for_the_same_organisation_is_refused(officer_client, cast):
    person = PersonFactory(organisation=cast.council)
    response = officer_client.post(
        reverse("partnerships:membership_add", args=[cast.partnership.slug]),
        {
            "person": person.pk,
            "organisation": cast.council.pk,
            "role": "member",
            "is_voting": "on",
            "is_lead_representative": "on",
        },
    )
    assert (
        f"Riverside City Council already has a lead representative for these dates: {cast.member_person}"
        in response.content.decode()
    )


def test_ending_a_seat_asks_first_and_keeps_the_record(officer_client, cast):
    url = reverse("partnerships:membership_end", args=[cast.membership.pk])
    confirm = officer_client.get(url)
    assert "End Ada Member" in confirm.content.decode()
    cast.membership.refresh_from_db()
    assert cast.membership.end_date is None
    response = officer_client.post(
        url, {**date_fields("end_date", dt.date(2024, 3, 31)), "end_reason": "Moved on", "version": 1}
    )
    assert response.status_code == 302
    cast.membership.refresh_from_db()
    assert cast.membership.end_date == dt.date(2024, 3, 31)
    earlier = officer_client.get(
        reverse("partnerships:membership_list", args=[cast.partnership.slug]), {"as_at": "2023-06-01"}
    )
    assert "Ada Member" in earlier.content.decode()
    today = officer_client.get(reverse("partnerships:membership_list", args=[cast.partnership.slug]))
    assert "Ada Member" not in today.content.decode().split("Seats that have ended")[0]


def test_htmx_gets_only_the_fragment_it_swaps(officer_client, cast):
    url = reverse("partnerships:membership_end", args=[cast.membership.pk])
    confirm = officer_client.get(url, headers={"HX-Request": "true"})
    page = confirm.content.decode()
    assert page.lstrip().startswith(f'<tr class="govuk-table__row" id="membership-{cast.membership.pk}">')
    assert "<html" not in page
    done = officer_client.post(
        url, {**date_fields("end_date", dt.date(2024, 3, 31)), "version": 1}, headers={"HX-Request": "true"}
    )
    assert f'id="membership-{cast.membership.pk}"' in done.content.decode()
    assert "Ended 31 Mar 2024" in done.content.decode() or "Ends 31 Mar 2024" in done.content.decode()
    listing = officer_client.get(
        reverse("partnerships:partnership_list"), {"q": "River"}, headers={"HX-Request": "true"}
    )
    assert listing.content.decode().lstrip().startswith('<div id="results"')


def test_a_stale_edit_is_refused_showing_both_versions_and_starts_again_from_the_saved_one(client, cast):
    from tests.factories import make_officer

    second_officer = make_officer(cast.partnership, username="second@example.org")
    client.force_login(cast.users["officer"])
    url = reverse("partnerships:partnership_edit", args=[cast.partnership.slug])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "reports_to"}
    data.update(
        version=1,
        name="Riverside Strategic Partnership",
        kind="strategic",
        meeting_frequency="quarterly",
        voting_rule="simple_majority",
        quorum=0,
    )
    # Another officer saves first.
    client.force_login(second_officer)
    assert client.post(url, {**data, "vision": "A greener river"}).status_code == 302
    client.force_login(cast.users["officer"])
    response = client.post(url, {**data, "mission": "Mine"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "second@example.org saved this partnership" in page
    assert "Your changes have not been saved yet" in page
    conflicts = {c.label: c for c in response.context["form"].conflicts}
    assert conflicts["Vision"].theirs == "A greener river"
    assert conflicts["Vision"].kept == "theirs"
    cast.partnership.refresh_from_db()
    assert (cast.partnership.vision, cast.partnership.mission) == ("A greener river", "")
    # The form now carries their vision, the officer's own mission and the current version.
    rebased = response.context["form"].data
    assert rebased["vision"] == "A greener river"
    assert rebased["mission"] == "Mine"
    assert rebased["version"] == "2"
    assert client.post(url, rebased).status_code == 302
    cast.partnership.refresh_from_db()
    assert (cast.partnership.vision, cast.partnership.mission) == ("A greener river", "Mine")


def test_a_field_both_officers_changed_keeps_yours_in_the_form_beside_theirs(client, cast):
    from tests.factories import make_officer

    second_officer = make_officer(cast.partnership, username="second@example.org")
    url = reverse("partnerships:partnership_edit", args=[cast.partnership.slug])
    data = {
        "version": 1,
        "name": "Riverside Strategic Partnership",
        "kind": "strategic",
        "meeting_frequency": "quarterly",
        "voting_rule": "simple_majority",
        "quorum": 0,
    }
    client.force_login(second_officer)
    assert client.post(url, {**data, "vision": "Theirs"}).status_code == 302
    client.force_login(cast.users["officer"])
    response = client.post(url, {**data, "vision": "Yours"})
    conflict = next(c for c in response.context["form"].conflicts if c.label == "Vision")
    assert (conflict.theirs, conflict.yours, conflict.kept) == ("Theirs", "Yours", "yours")
    page = response.content.decode()
    assert 'id="conflicts"' in page and "Theirs" in page and "Yours" in page
    cast.partnership.refresh_from_db()
    assert cast.partnership.vision == "Theirs"


def test_the_history_shows_who_changed_what(officer_client, cast):
    officer_client.post(
        reverse("partnerships:membership_edit", args=[cast.membership.pk]),
        {
            "organisation": cast.council.pk,
            "role": "deputy_chair",
            "is_voting": "on",
            "is_lead_representative": "on",
            "version": 1,
            **date_fields("start_date", dt.date(2022, 1, 1)),
        },
    )
    page = officer_client.get(reverse("partnerships:membership_history", args=[cast.membership.pk])).content.decode()
    assert "officer@example.org" in page
    assert "Role: member → deputy_chair" in page


def test_an_officer_adds_a_sub_group_under_what_they_look_after(officer_client, cast):
    response = officer_client.post(
        reverse("partnerships:partnership_create") + f"?parent={cast.partnership.slug}",
        {
            "name": "Riverside Skills Board",
            "parent": cast.partnership.pk,
            "kind": "strategic",
            "meeting_frequency": "quarterly",
            "voting_rule": "simple_majority",
            "quorum": 0,
        },
    )
    assert response.status_code == 302
    group = Partnership.objects.get(name="Riverside Skills Board")
    assert group.parent == cast.partnership
    assert officer_client.get(reverse("partnerships:partnership_edit", args=[group.slug])).status_code == 200


def test_a_partnership_cannot_sit_under_its_own_sub_group(client, cast):
    client.force_login(cast.users["admin"])
    form = client.get(reverse("partnerships:partnership_edit", args=[cast.partnership.slug])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "reports_to"}
    response = client.post(
        reverse("partnerships:partnership_edit", args=[cast.partnership.slug]),
        {**data, "parent": cast.sub_group.pk, "quorum": 0},
    )
    assert "cannot be a sub-group of itself or of one of its own sub-groups" in response.content.decode()


def test_a_second_budget_for_the_same_year_is_refused_beside_the_year(officer_client, cast):
    BudgetFactory(partnership=cast.partnership, year=2022)
    response = officer_client.post(
        reverse("partnerships:money_add", args=[cast.partnership.slug, "budget"]),
        {"year": 2022, "amount": "15000", "notes": "Revised"},
    )
    assert "already has a budget for that year" in response.content.decode()
    assert 'value="Revised"' in response.content.decode()
    assert Budget.objects.filter(partnership=cast.partnership).count() == 1


def test_the_public_sees_members_but_not_contact_details(client, db):
    partnership = PartnershipFactory(is_public=True, contact_email="team@example.org")
    MembershipFactory(
        partnership=partnership, person__first_name="Sam", person__last_name="Public", person__email="sam@example.org"
    )
    page = client.get(reverse("partnerships:partnership_detail", args=[partnership.slug])).content.decode()
    assert "Sam Public" in page
    assert "sam@example.org" not in page and "team@example.org" not in page
    assert reverse("partnerships:partnership_money", args=[partnership.slug]) not in page
    assert client.get(reverse("partnerships:partnership_money", args=[partnership.slug])).status_code == 403


def test_a_denied_page_says_so_plainly(client, cast):
    client.force_login(cast.users["member"])
    response = client.get(reverse("partnerships:partnership_edit", args=[cast.partnership.slug]))
    assert response.status_code == 403
    assert "You do not have permission to do that" in response.content.decode()


def test_the_tree_shows_sub_groups(officer_client, cast):
    PartnershipFactory(name="Riverside Retrofit Sprint", parent=cast.sub_group, is_public=False)
    page = officer_client.get(reverse("partnerships:partnership_tree", args=[cast.partnership.slug])).content.decode()
    assert page.index("Riverside Zero Carbon") < page.index("Riverside Retrofit Sprint")


@pytest.mark.parametrize("query,found", [("member", True), ("nobody", False)])
def test_people_search(officer_client, cast, query, found):
    page = officer_client.get(reverse("partnerships:person_list"), {"q": query}).content.decode()
    assert ("Ada Member" in page) is found


def test_an_officer_lists_only_the_people_they_may_open(officer_client, cast):
    """Every name in the list opens: people on partnerships the officer does not look after are left out."""
    from tests.factories import MembershipFactory as Seat

    elsewhere = Seat(partnership=cast.other_partnership, person__first_name="Hal", person__last_name="Elsewhere")
    newcomer = PersonFactory(first_name="Nia", last_name="Newcomer")
    page = officer_client.get(reverse("partnerships:person_list")).content.decode()
    assert "Ada Member" in page and "Nia Newcomer" in page
    assert "Hal Elsewhere" not in page
    assert officer_client.get(reverse("partnerships:person_detail", args=[newcomer.pk])).status_code == 200
    assert officer_client.get(reverse("partnerships:person_detail", args=[elsewhere.person.pk])).status_code == 404
