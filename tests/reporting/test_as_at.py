"""Every fact in the annual update is as it stood on the report's as-at date, read from the records' history."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from partnerships.history import by_key_at, moment_after, queryset_at, records_at
from partnerships.models import Membership, Organisation, Partnership, Person
from reporting import gather
from reporting.models import Kind
from reporting.services import report_document
from taskgroups.models import Challenge, ChallengeStageChange
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, PersonFactory
from tests.taskgroups.factories import ChallengeFactory
from tests.themes.factories import AchievementFactory, PlanFactory, PriorityFactory, ThemeFactory
from themes.models import Plan

pytestmark = pytest.mark.django_db

AS_AT = dt.date(2023, 3, 31)


def backdate(record, when: dt.date):
    """Date a record's latest saved version to a day in the past, as if the edit had been made then."""
    version = record.history.order_by("-history_date", "-history_id").first()
    type(version).objects.filter(pk=version.pk).update(
        history_date=timezone.make_aware(dt.datetime.combine(when, dt.time(12)))
    )


def text_of(partnership, as_at=AS_AT) -> str:
    html = report_document(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=as_at)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# The helper ---------------------------------------------------------------------------------------


def test_a_record_is_read_as_it_stood_then(django_assert_num_queries):
    person = PersonFactory(first_name="Ada", job_title="Officer")
    backdate(person, dt.date(2022, 1, 1))
    person.job_title = "Director"
    person.save()
    backdate(person, dt.date(2023, 6, 1))
    with django_assert_num_queries(1):
        then = by_key_at(Person, [person.pk], AS_AT)[person.pk]
    assert then.job_title == "Officer"
    assert by_key_at(Person, [person.pk], dt.date(2023, 6, 2))[person.pk].job_title == "Director"


def test_a_record_entered_after_the_date_is_taken_as_first_entered():
    person = PersonFactory(job_title="Officer")
    person.job_title = "Director"
    person.save()
    assert by_key_at(Person, [person.pk], AS_AT)[person.pk].job_title == "Officer"


def test_records_are_chosen_by_their_state_then_in_a_flat_number_of_queries(django_assert_num_queries):
    osp = PartnershipFactory()
    seats = [MembershipFactory(partnership=osp) for _ in range(5)]
    for seat in seats:
        backdate(seat, dt.date(2022, 1, 1))
    moved = seats[0]
    moved.role = Membership.Role.OBSERVER
    moved.is_voting = False
    moved.save()
    with django_assert_num_queries(2):
        members = records_at(Membership, AS_AT, partnership_id=osp.pk, role=Membership.Role.MEMBER)
    assert {m.pk for m in members} == {s.pk for s in seats}
    assert [m.pk for m in queryset_at(Membership.objects.filter(partnership=osp).order_by("-pk"), AS_AT)] == [
        s.pk for s in reversed(seats)
    ]


def test_a_record_deleted_before_the_date_is_gone_and_one_saved_without_history_is_kept():
    gone = OrganisationFactory()
    gone.delete()
    quiet = Organisation.objects.bulk_create([Organisation(name="Quiet Trust", slug="quiet-trust", sector="public")])[0]
    found = by_key_at(Organisation, [gone.pk, quiet.pk], dt.date.today() + dt.timedelta(days=1))
    assert set(found) == {quiet.pk}
    assert moment_after(AS_AT).date() == dt.date(2023, 4, 1)


# The report ---------------------------------------------------------------------------------------


@pytest.fixture
def osp():
    council = OrganisationFactory(name="Riverside City Council", sector="public")
    osp = PartnershipFactory(name="Riverside Partnership", short_name="RSP", kind=Partnership.Kind.STRATEGIC)
    chair = PersonFactory(first_name="Paul", last_name="James", job_title="Chief Executive", organisation=council)
    MembershipFactory(partnership=osp, person=chair, role=Membership.Role.CHAIR, start_date=dt.date(2022, 10, 1))
    MembershipFactory(
        partnership=osp,
        person=PersonFactory(first_name="Gillian", last_name="Aitken", job_title="Registrar", organisation=council),
    )
    group = PartnershipFactory(name="Harbour Board", short_name="HB", parent=osp)
    officer = PersonFactory(first_name="Mai", last_name="Jarvis", job_title="Lead", organisation=council)
    MembershipFactory(partnership=group, person=officer, role=Membership.Role.SUPPORTING_OFFICER)
    theme = ThemeFactory(partnership=osp, title="Low Carbon City", lead_group=group)
    AchievementFactory(partnership=group, title="Retrofit pilot funded", achieved_on=dt.date(2023, 1, 5))
    challenge = ChallengeFactory(partnership=osp, title="Housing delivery", stage=Challenge.Stage.INFLUENCE)
    ChallengeStageChange.objects.create(
        challenge=challenge, stage=Challenge.Stage.INFLUENCE, changed_on=dt.date(2023, 1, 10)
    )
    plan = PlanFactory(partnership=osp, title="Rolling plan", start_year=2022, adopted_on=dt.date(2022, 11, 1))
    PriorityFactory(plan=plan, title="Affordable homes for the city")
    other = PartnershipFactory(name="Another Board", short_name="AB", parent=osp)
    return {
        "other": other,
        "osp": osp,
        "chair": chair,
        "council": council,
        "group": group,
        "theme": theme,
        "challenge": challenge,
        "plan": plan,
    }


def test_the_report_says_what_the_records_said_on_its_date(osp):
    text = text_of(osp["osp"])
    assert "Paul James – Chief Executive, Riverside City Council" in text
    assert "Housing delivery: partners are using their influence" in text
    assert "Led by the Harbour Board (HB)" in text and "Retrofit pilot funded" in text
    assert "Rolling plan (2022 to 2025), sets these priorities for 2023/24" in text


@pytest.mark.parametrize(
    "change",
    [
        "person_name",
        "job_title",
        "person_organisation",
        "organisation_name",
        "role",
        "challenge_stage",
        "plan",
        "theme_lead",
        "partnership_name",
        "partnership_kind",
        "sub_group_name",
    ],
)
def test_a_change_after_the_as_at_date_does_not_change_the_report(osp, change):
    """A past year's report made again today has the same text as when it was first made."""
    for record in [
        osp["osp"],
        osp["group"],
        osp["other"],
        osp["chair"],
        osp["council"],
        osp["theme"],
        osp["challenge"],
        osp["plan"],
    ]:
        backdate(record, dt.date(2022, 6, 1))
    for seat in Membership.objects.all():
        backdate(seat, dt.date(2022, 6, 1))
    first = text_of(osp["osp"])
    chair, council = osp["chair"], osp["council"]
    if change == "person_name":
        chair.first_name = "Peter"
        chair.save()
    elif change == "job_title":
        chair.job_title = "Vice-Chancellor"
        chair.save()
    elif change == "person_organisation":
        chair.organisation = OrganisationFactory(name="Other Trust")
        chair.save()
    elif change == "organisation_name":
        council.name = "Greater Riverside Council"
        council.save()
    elif change == "role":
        seat = Membership.objects.get(person__first_name="Gillian")
        seat.role, seat.is_voting = Membership.Role.OBSERVER, False
        seat.save()
    elif change == "challenge_stage":
        challenge = osp["challenge"]
        ChallengeStageChange.objects.create(
            challenge=challenge, stage=Challenge.Stage.CLOSED, changed_on=dt.date.today()
        )
        challenge.stage, challenge.stage_changed_on = Challenge.Stage.CLOSED, dt.date.today()
        challenge.save()
    elif change == "plan":
        plan = osp["plan"]
        Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.SUPERSEDED)
        plan.refresh_from_db()
        plan.save()
        newer = PlanFactory(
            partnership=osp["osp"], number=2, title="New plan", start_year=2023, adopted_on=dt.date.today()
        )
        PriorityFactory(plan=newer, title="Something new")
    elif change == "theme_lead":
        theme = osp["theme"]
        theme.lead_group = osp["other"]
        theme.save()
    elif change == "partnership_name":
        osp["osp"].name = "Renamed Partnership"
        osp["osp"].save()
    elif change == "partnership_kind":
        osp["osp"].kind, osp["osp"].legal_basis = Partnership.Kind.STATUTORY, "Crime and Disorder Act 1998"
        osp["osp"].save()
    elif change == "sub_group_name":
        osp["group"].name = "Renamed Board"
        osp["group"].save()
    assert text_of(osp["osp"]) == first


def test_a_change_made_before_the_as_at_date_does_reach_the_report(osp):
    """The control: history dated before the report date is what the report tells."""
    backdate(osp["chair"], dt.date(2022, 6, 1))
    chair = osp["chair"]
    chair.job_title = "Vice-Chancellor"
    chair.save()
    backdate(chair, dt.date(2023, 2, 1))
    assert "Paul James – Vice-Chancellor, Riverside City Council" in text_of(osp["osp"])
    assert "Paul James – Vice-Chancellor" in text_of(osp["osp"], as_at=dt.date(2023, 3, 31))
    assert "Paul James – Chief Executive" in text_of(osp["osp"], as_at=dt.date(2023, 1, 1))


def test_a_challenge_stage_is_the_one_it_had_reached_by_the_date(osp):
    challenge = osp["challenge"]
    ChallengeStageChange.objects.create(
        challenge=challenge, stage=Challenge.Stage.ACTION, changed_on=dt.date(2023, 6, 1)
    )
    text = text_of(osp["osp"])
    assert "Housing delivery: partners are using their influence" in text
    assert "Influence exerted" not in text and "Actions prompted" not in text


def test_gather_reads_names_as_they_stood(osp):
    backdate(osp["osp"], dt.date(2022, 6, 1))
    osp["osp"].name = "Renamed Partnership"
    osp["osp"].save()
    data = gather.annual_update(partnership=osp["osp"], year=2022, as_at=AS_AT)
    assert data.partnership.name == "Riverside Partnership"
    assert data.title == "Riverside Partnership: annual update report 2022/23"


def test_a_sub_group_founded_after_the_report_year_is_not_listed(osp):
    PartnershipFactory(name="Later Board", parent=osp["osp"], founded_year=2024)
    assert "Later Board" not in text_of(osp["osp"])
