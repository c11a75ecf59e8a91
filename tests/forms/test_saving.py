"""Saving through one path: stale saves refused on every versioned record, double sendings make one record,
database rules and bad input answered beside the field."""

import datetime as dt

import pytest
from django.urls import reverse

from meetings.models import Meeting
from partnerships.models import Budget, Organisation
from tests.factories import BudgetFactory, MembershipFactory, PersonFactory
from tests.taskgroups.factories import MilestoneFactory, TaskGroupFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db


def day(name, when):
    return {f"{name}_day": str(when.day), f"{name}_month": str(when.month), f"{name}_year": str(when.year)}


def _token(client, url):
    return client.get(url).context["form"]["submission_token"].value()


def test_sending_a_new_meeting_twice_makes_one_meeting(officer_client, cast):
    url = reverse("meetings:meeting_create", args=[cast.partnership.slug])
    data = {
        "kind": "regular",
        **day("date", dt.date(2030, 5, 14)),
        "start_time": "14:00",
        "end_time": "16:00",
        "submission_token": _token(officer_client, url),
    }
    first = officer_client.post(url, data)
    second = officer_client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Meeting.objects.filter(partnership=cast.partnership, date=dt.date(2030, 5, 14)).count() == 1


def test_sending_a_new_organisation_twice_makes_one_and_never_a_500(officer_client, cast):
    url = reverse("partnerships:organisation_create")
    data = {"name": "Riverside Trust", "sector": "representative", "submission_token": _token(officer_client, url)}
    assert officer_client.post(url, data).status_code == 302
    assert officer_client.post(url, data).status_code == 302
    assert Organisation.objects.filter(name="Riverside Trust").count() == 1
    # A fresh form with the same name is told beside the name.
    again = officer_client.post(url, {"name": "Riverside Trust", "sector": "representative"})
    assert again.status_code == 200 and "name" in again.context["form"].errors


def test_a_theme_title_used_twice_is_an_error_beside_the_title_not_a_500(officer_client, cast):
    url = reverse("themes:theme_add", args=[cast.partnership.slug])
    data = {"title": "Low carbon", "status": "priority", "order": 1}
    assert officer_client.post(url, data).status_code == 302
    response = officer_client.post(url, data)
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert Theme.objects.filter(partnership=cast.partnership, title="Low carbon").count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"year": "2023", "amount": "-5"}, "amount"),
        ({"year": "0", "amount": "5"}, "year"),
        ({"year": "99999999999999999999", "amount": "5"}, "year"),
        ({"year": "2023", "amount": "99999999999999999999"}, "amount"),
    ],
)
def test_money_errors_sit_beside_their_field_in_plain_words(officer_client, cast, data, field):
    url = reverse("partnerships:money_add", args=[cast.partnership.slug, "budget"])
    response = officer_client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    page = response.content.decode()
    assert "budget_not_negative" not in page and "Constraint" not in page


def test_a_stale_budget_is_refused_and_the_form_starts_from_the_saved_one(client, cast):
    from tests.factories import make_officer

    budget = BudgetFactory(partnership=cast.partnership, year=2023, amount=14000)
    url = reverse("partnerships:money_edit", args=[cast.partnership.slug, "budget", budget.pk])
    client.force_login(make_officer(cast.partnership, username="second@example.org"))
    assert client.post(url, {"year": 2023, "amount": "15000", "notes": "", "version": 1}).status_code == 302
    client.force_login(cast.users["officer"])
    response = client.post(url, {"year": 2023, "amount": "14000", "notes": "Agreed", "version": 1})
    assert response.status_code == 200
    assert Budget.objects.get(pk=budget.pk).amount == 15000
    assert response.context["form"].data["amount"] == "15000.00"
    assert response.context["form"].data["notes"] == "Agreed"
    assert client.post(url, response.context["form"].data).status_code == 302
    budget.refresh_from_db()
    assert (budget.amount, budget.notes) == (15000, "Agreed")


def test_a_stale_milestone_is_refused(client, cast):
    from tests.factories import make_officer

    group = TaskGroupFactory(partnership=cast.partnership)
    milestone = MilestoneFactory(group=group, title="Survey", due_on=dt.date(2023, 6, 1))
    url = reverse("taskgroups:milestone_edit", args=[milestone.pk])
    base = {"title": "Survey", **day("due_on", dt.date(2023, 6, 1)), "status": milestone.status, "version": 1}
    client.force_login(make_officer(cast.partnership, username="second@example.org"))
    assert client.post(url, {**base, "title": "Survey of businesses"}).status_code == 302
    client.force_login(cast.users["officer"])
    response = client.post(url, {**base, "title": "Survey of residents"})
    assert response.status_code == 200
    milestone.refresh_from_db()
    assert milestone.title == "Survey of businesses"


def test_a_seat_added_twice_is_an_error_on_the_page_not_a_500(officer_client, cast):
    person = PersonFactory(organisation=cast.council)
    MembershipFactory(partnership=cast.partnership, person=person, organisation=cast.council)
    url = reverse("partnerships:membership_add", args=[cast.partnership.slug]) + f"?person={person.pk}"
    response = officer_client.post(
        url,
        {
            "organisation": cast.council.pk,
            "role": "member",
            "is_voting": "on",
            **day("start_date", dt.date(2024, 1, 1)),
        },
    )
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    "path",
    [
        lambda c: reverse("partnerships:membership_add", args=[c.partnership.slug]) + "?person=abc",
        lambda c: reverse("partnerships:membership_add", args=[c.partnership.slug]) + "?person=99999999999999999999",
        lambda c: reverse("meetings:meeting_schedule", args=[c.partnership.slug]) + "?first_date=9999-12-01",
        lambda c: reverse("themes:achievement_list", args=[c.partnership.slug]) + "?year=99999999999999999999",
        lambda c: reverse("partnerships:person_list") + "?q=a%00b",
    ],
)
def test_known_bad_addresses_are_answered_without_a_500(officer_client, cast, path):
    assert officer_client.get(path(cast)).status_code in (200, 404)


def test_scheduling_from_the_last_day_of_9999_is_an_error_beside_the_date(officer_client, cast):
    url = reverse("meetings:meeting_schedule", args=[cast.partnership.slug])
    response = officer_client.post(url, day("first_date", dt.date(9999, 12, 31)))
    assert response.status_code == 200
    assert response.context["form"].errors["first_date"] == ["The date must be between 1990 and 2100."]


def test_a_date_error_says_what_to_do_and_its_summary_link_lands_on_the_day_box(officer_client, cast):
    url = reverse("meetings:meeting_create", args=[cast.partnership.slug])
    response = officer_client.post(url, {"kind": "regular"})
    page = response.content.decode()
    assert "Enter the date of the meeting." in page
    assert 'href="#id_date_0"' in page and 'id="id_date_0"' in page
