"""The challenges programme: stage history, ordering and filters."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from taskgroups.models import Challenge, ChallengeStageChange
from taskgroups.services import challenge_move, challenge_raise
from tests.factories import PartnershipFactory

from .factories import ChallengeFactory


def _raise(partnership, **fields):
    fields.setdefault("title", "Housing delivery")
    fields.setdefault("description", "New housing delivery in Oxford")
    fields.setdefault("raised_on", dt.date(2023, 1, 10))
    return challenge_raise(challenge=Challenge(partnership=partnership, **fields))


def test_raising_a_challenge_records_its_first_stage(cast):
    challenge = _raise(cast.partnership)
    change = challenge.stage_changes.get()
    assert (change.stage, change.changed_on) == (Challenge.Stage.HIGHLIGHTED, dt.date(2023, 1, 10))


def test_every_change_of_stage_is_dated_and_kept(cast):
    user = cast.users["officer"]
    challenge = _raise(cast.partnership)
    challenge_move(challenge=challenge, stage="influence", on=dt.date(2023, 3, 1), note="Raised with OxLEP", user=user)
    challenge_move(challenge=challenge, stage="action", on=dt.date(2023, 6, 1), user=user)
    challenge.refresh_from_db()
    assert challenge.stage == "action" and challenge.stage_changed_on == dt.date(2023, 6, 1)
    history = list(challenge.stage_changes.values_list("stage", "changed_on", "note"))
    assert history == [
        ("highlighted", dt.date(2023, 1, 10), "Raised"),
        ("influence", dt.date(2023, 3, 1), "Raised with OxLEP"),
        ("action", dt.date(2023, 6, 1), ""),
    ]


def test_a_stage_change_cannot_be_dated_before_the_last_one(cast):
    challenge = _raise(cast.partnership)
    challenge_move(challenge=challenge, stage="influence", on=dt.date(2023, 3, 1))
    with pytest.raises(ValidationError) as error:
        challenge_move(challenge=challenge, stage="action", on=dt.date(2023, 2, 1))
    assert "on or after that" in error.value.message_dict["changed_on"][0]
    assert ChallengeStageChange.objects.filter(challenge=challenge).count() == 2


def test_moving_to_the_same_stage_or_into_the_future_is_refused(cast):
    challenge = _raise(cast.partnership)
    with pytest.raises(ValidationError) as error:
        challenge_move(challenge=challenge, stage="highlighted", on=dt.date(2023, 3, 1))
    assert "already at" in error.value.message_dict["stage"][0]
    with pytest.raises(ValidationError) as error:
        challenge_move(challenge=challenge, stage="action", on=dt.date.today() + dt.timedelta(days=1))
    assert "cannot be in the future" in error.value.message_dict["changed_on"][0]


def test_a_follow_on_must_belong_to_the_same_partnership(cast):
    elsewhere = ChallengeFactory(partnership=PartnershipFactory())
    with pytest.raises(ValidationError) as error:
        _raise(cast.partnership, follows_from=elsewhere)
    assert "same partnership" in error.value.message_dict["follows_from"][0]


def test_officer_moves_a_challenge_through_the_page(officer_client, cast):
    challenge = _raise(cast.partnership)
    url = reverse("taskgroups:challenge_move", args=[challenge.pk])
    response = officer_client.post(
        url,
        {"stage": "influence", "changed_on_day": "1", "changed_on_month": "2", "changed_on_year": "2023", "note": "x"},
    )
    assert response.status_code == 302
    page = officer_client.get(challenge.get_absolute_url()).content.decode()
    assert "Influence exerted" in page and "1 February 2023" in page


def test_a_refused_stage_change_shows_beside_the_field_and_keeps_what_was_typed(officer_client, cast):
    challenge = _raise(cast.partnership)
    url = reverse("taskgroups:challenge_move", args=[challenge.pk])
    response = officer_client.post(
        url,
        {"stage": "action", "changed_on_day": "1", "changed_on_month": "1", "changed_on_year": "2020", "note": "kept"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "the date of the change must be on or after that" in page
    assert 'value="2020"' in page and "kept" in page


def test_officer_raises_a_challenge(officer_client, cast):
    url = reverse("taskgroups:challenge_create", args=[cast.partnership.slug])
    response = officer_client.post(
        url,
        {
            "title": "Cost of living crisis",
            "description": "Support for communities",
            "raised_on_day": "5",
            "raised_on_month": "1",
            "raised_on_year": "2023",
            "priority": "1",
            "raised_by": cast.member_person.pk,
        },
    )
    challenge = Challenge.objects.get(title="Cost of living crisis")
    assert response["Location"] == challenge.get_absolute_url()
    assert challenge.raised_by == cast.member_person and challenge.stage_changes.count() == 1


def test_the_list_filters_and_orders_by_stage_and_priority(officer_client, cast):
    ChallengeFactory(partnership=cast.partnership, title="Low one", priority=3)
    ChallengeFactory(partnership=cast.partnership, title="High one", priority=1)
    ChallengeFactory(partnership=cast.partnership, title="Unset one", priority=None, stage="action")
    ChallengeFactory(partnership=cast.partnership, title="Closed one", stage="closed")
    url = reverse("taskgroups:challenge_list", args=[cast.partnership.slug])
    page = officer_client.get(url).content.decode()
    assert page.index("High one") < page.index("Low one") < page.index("Unset one")
    assert "Closed one" not in page
    page = officer_client.get(url, {"stage": "action"}).content.decode()
    assert "Unset one" in page and "High one" not in page
    page = officer_client.get(url, {"priority": "none"}).content.decode()
    assert "Unset one" in page and "Low one" not in page
    page = officer_client.get(url, {"show": "closed"}).content.decode()
    assert "Closed one" in page and "High one" not in page
    page = officer_client.get(url, {"order": "stage"}).content.decode()
    assert page.index("High one") < page.index("Unset one")


def test_the_list_answers_htmx_with_the_results_only(officer_client, cast):
    ChallengeFactory(partnership=cast.partnership, title="Housing delivery")
    url = reverse("taskgroups:challenge_list", args=[cast.partnership.slug])
    page = officer_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="results"') and "Housing delivery" in page


def test_open_for_gives_a_partnerships_open_challenges(cast):
    open_one = ChallengeFactory(partnership=cast.partnership)
    ChallengeFactory(partnership=cast.partnership, stage="closed")
    ChallengeFactory(partnership=cast.other_partnership)
    assert list(Challenge.objects.open_for(cast.partnership)) == [open_one]


def test_the_challenge_list_keeps_its_query_count_as_challenges_grow(officer_client, cast, django_assert_num_queries):
    """The count (the session, login and partnership are cached), rows, their themes, theme choices, open groups.

    Guards against a query per challenge for who raised it or the themes it touches.
    """
    url = reverse("taskgroups:challenge_list", args=[cast.partnership.slug])
    theme = _theme(cast.partnership, "Stronger Communities")
    ChallengeFactory(partnership=cast.partnership, raised_by=cast.member_person).themes.add(theme)
    officer_client.get(url)
    with django_assert_num_queries(5):
        officer_client.get(url)
    for challenge in ChallengeFactory.create_batch(15, partnership=cast.partnership, raised_by=cast.member_person):
        challenge.themes.add(theme)
    with django_assert_num_queries(5):
        officer_client.get(url)


def _theme(partnership, title):
    from themes.models import Theme

    return Theme.objects.create(partnership=partnership, title=title)


def test_a_challenge_records_the_themes_it_touches_and_the_list_filters_by_theme(officer_client, cast):
    low_carbon = _theme(cast.partnership, "Low Carbon City")
    safer = _theme(cast.sub_group, "Safer Communities")
    _theme(cast.other_partnership, "Not this partnership's")
    response = officer_client.post(
        reverse("taskgroups:challenge_create", args=[cast.partnership.slug]),
        {
            "title": "Retrofit at scale",
            "description": "Homes of every tenure",
            "raised_on_day": "5",
            "raised_on_month": "1",
            "raised_on_year": "2023",
            "themes": [low_carbon.pk, safer.pk],
        },
    )
    challenge = Challenge.objects.get(title="Retrofit at scale")
    assert response.status_code == 302
    assert set(challenge.themes.all()) == {low_carbon, safer}
    ChallengeFactory(partnership=cast.partnership, title="Untouched")
    url = reverse("taskgroups:challenge_list", args=[cast.partnership.slug])
    page = officer_client.get(url).content.decode()
    assert "Not this partnership's" not in page
    page = officer_client.get(url, {"theme": str(low_carbon.pk)}).content.decode()
    assert "Retrofit at scale" in page and "Untouched" not in page
    assert "Low Carbon City" in officer_client.get(challenge.get_absolute_url()).content.decode()


def test_a_theme_from_another_partnership_is_refused(officer_client, cast):
    elsewhere = _theme(cast.other_partnership, "Elsewhere")
    response = officer_client.post(
        reverse("taskgroups:challenge_create", args=[cast.partnership.slug]),
        {
            "title": "Retrofit",
            "description": "x",
            "raised_on_day": "5",
            "raised_on_month": "1",
            "raised_on_year": "2023",
            "themes": [elsewhere.pk],
        },
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
