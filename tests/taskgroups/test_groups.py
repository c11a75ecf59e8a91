"""Task-and-finish groups (the OSP Terms of Reference Appendix C): every rule, with the message a person sees."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerships.models import Membership, Organisation, Person
from taskgroups.models import Challenge, TaskGroup, TaskGroupMember
from taskgroups.services import group_agree_definition, group_close, group_save, group_set_status
from tests.factories import MembershipFactory, PersonFactory

from .factories import AgreedGroupFactory, ChallengeFactory, TaskGroupFactory, TaskGroupMemberFactory


def _group(cast, **fields):
    challenge = ChallengeFactory(partnership=cast.partnership)
    fields = {
        "lead_organisation": cast.council,
        "name": "Retrofit sprint group",
        "start_date": dt.date(2023, 2, 1),
        "end_date": dt.date(2023, 12, 31),
        **fields,
    }
    return TaskGroup(partnership=cast.partnership, challenge=challenge, **fields)


def test_a_link_member_must_hold_a_current_steering_group_seat(cast):
    outsider = PersonFactory(first_name="Nadia", last_name="Nowhere")
    with pytest.raises(ValidationError) as error:
        group_save(group=_group(cast, link_member=outsider))
    assert error.value.message_dict["link_member"] == [
        "Nadia Nowhere does not hold a current seat on the steering group of Riverside Strategic Partnership. "
        "The link member must be a current steering group member."
    ]


def test_a_link_member_whose_seat_has_ended_is_refused(cast):
    former = MembershipFactory(partnership=cast.partnership, end_date=dt.date(2022, 12, 31))
    with pytest.raises(ValidationError) as error:
        group_save(group=_group(cast, link_member=former.person))
    assert "does not hold a current seat" in error.value.message_dict["link_member"][0]


def test_a_current_member_may_be_the_link_member(cast):
    group = group_save(group=_group(cast, link_member=cast.member_person))
    assert group.pk and group.link_member == cast.member_person


def test_the_form_refuses_a_link_member_without_a_seat_with_a_clear_message(officer_client, cast):
    outsider = PersonFactory()
    challenge = ChallengeFactory(partnership=cast.partnership)
    response = officer_client.post(
        reverse("taskgroups:group_create", args=[cast.partnership.slug]),
        {
            "name": "Sprint",
            "challenge": challenge.pk,
            "lead_organisation": cast.council.pk,
            "link_member": outsider.pk,
            "start_date_day": "1",
            "start_date_month": "2",
            "start_date_year": "2023",
            "end_date_day": "1",
            "end_date_month": "12",
            "end_date_year": "2023",
            "report_every_months": "3",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a current member of the steering group of Riverside Strategic Partnership" in page
    assert 'value="Sprint"' in page


def test_the_end_date_cannot_come_before_the_start(cast):
    with pytest.raises(ValidationError) as error:
        group_save(group=_group(cast, start_date=dt.date(2023, 6, 1), end_date=dt.date(2023, 5, 31)))
    assert error.value.message_dict["end_date"] == ["The required end date must be on or after the start date."]


def test_the_database_refuses_an_end_before_the_start(cast):
    group = _group(cast, start_date=dt.date(2023, 6, 1), end_date=dt.date(2023, 5, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        group.save()


def test_a_group_needs_a_lead(cast):
    with pytest.raises(ValidationError) as error:
        group_save(group=_group(cast, lead_organisation=None))
    assert error.value.message_dict["lead_person"] == ["Name the person or the organisation that leads the group."]


def test_work_starts_only_on_an_agreed_definition(cast):
    group = group_save(group=_group(cast))
    with pytest.raises(ValidationError) as error:
        group_set_status(group=group, status=TaskGroup.Status.ACTIVE)
    assert "Agree the exact definition of the problem" in error.value.message_dict["status"][0]
    group.problem_definition = "Retrofit at scale whatever the tenure."
    group_agree_definition(group=group, on=dt.date(2023, 3, 1))
    assert group.status == TaskGroup.Status.DEFINING
    group_set_status(group=group, status=TaskGroup.Status.ACTIVE)
    assert TaskGroup.objects.get(pk=group.pk).status == "active"


def test_an_empty_definition_cannot_be_agreed(cast):
    group = group_save(group=_group(cast))
    with pytest.raises(ValidationError) as error:
        group_agree_definition(group=group, on=dt.date(2023, 3, 1))
    assert "Write the definition of the problem" in error.value.message_dict["problem_definition"][0]


def test_officer_drafts_then_agrees_the_definition(officer_client, cast):
    group = TaskGroupFactory(partnership=cast.partnership)
    url = reverse("taskgroups:group_definition", args=[group.pk])
    officer_client.post(url, {"problem_definition": "First draft", "version": group.version, "draft": "1"})
    group.refresh_from_db()
    assert (group.definition_status, group.status) == ("draft", "defining")
    officer_client.post(url, {"problem_definition": "Agreed words", "version": group.version, "agree": "1"})
    group.refresh_from_db()
    assert (group.definition_status, group.problem_definition) == ("agreed", "Agreed words")
    assert group.definition_agreed_on == dt.date.today()
    # Once agreed, the definition stays as it was agreed.
    officer_client.post(url, {"problem_definition": "Changed later", "version": group.version, "agree": "1"})
    group.refresh_from_db()
    assert group.problem_definition == "Agreed words"


def test_closing_without_an_outcomes_review_is_refused(cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    group.status = TaskGroup.Status.CLOSED
    with pytest.raises(ValidationError) as error:
        group_save(group=group)
    assert error.value.message_dict["outcomes"] == [
        "Review the outcomes against the objectives before closing the group."
    ]


def test_the_close_form_asks_for_the_outcomes_review(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    response = officer_client.post(
        reverse("taskgroups:group_close", args=[group.pk]),
        {"outcomes": "", "evidence": "", "version": group.version, "follow_on_title": "Kept title"},
    )
    page = response.content.decode()
    assert "Review the outcomes against the objectives before closing the group." in page
    assert "Describe the new challenge, or leave its title empty." in page
    assert 'value="Kept title"' in page
    group.refresh_from_db()
    assert group.status == "active"


def test_closing_with_outcomes_raises_a_follow_on_challenge(cast):
    group = AgreedGroupFactory(partnership=cast.partnership, lead_person=cast.member_person)
    raised = group_close(
        group=group,
        outcomes="Ground work for two funding bids",
        evidence="£75,000 from Innovate UK",
        reviewed_on=dt.date(2023, 11, 1),
        closed_on=dt.date(2023, 11, 2),
        follow_ons=[{"title": "Retrofit at scale", "description": "A one stop shop"}],
    )
    group.refresh_from_db()
    assert group.status == "closed" and group.closed_on == dt.date(2023, 11, 2)
    follow_on = raised[0]
    assert follow_on.follows_from == group.challenge and follow_on.raised_by_group == group
    assert follow_on.stage == Challenge.Stage.HIGHLIGHTED and follow_on.raised_by == cast.member_person
    # The group's review moves its challenge round the cycle to its review step.
    challenge = Challenge.objects.get(pk=group.challenge_id)
    assert challenge.stage == Challenge.Stage.REVIEW
    assert challenge.stage_changes.last().note.startswith("Outcomes reviewed by the task-and-finish group")


def test_the_database_refuses_a_closed_group_without_a_review(cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskGroup.objects.filter(pk=group.pk).update(status="closed", closed_on=dt.date(2023, 5, 1))


def test_officer_adds_someone_from_outside_the_partnership_on_the_spot(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    url = reverse("taskgroups:member_add", args=[group.pk])
    response = officer_client.post(
        url,
        {
            "new-first_name": "Rowan",
            "new-last_name": "Retrofit",
            "new-job_title": "Head of Sustainability",
            "new-new_organisation_name": "Lucy Group",
            "new-new_organisation_sector": "private",
        },
    )
    person = Person.objects.get(last_name="Retrofit")
    assert person.organisation == Organisation.objects.get(name="Lucy Group")
    assert response["Location"] == f"{url}?person={person.pk}"
    response = officer_client.post(
        url,
        {"person": person.pk, "role": "member", "joined_on_day": "1", "joined_on_month": "3", "joined_on_year": "2023"},
    )
    assert response["Location"] == group.get_absolute_url()
    member = TaskGroupMember.objects.get(group=group, person=person)
    assert member.organisation.name == "Lucy Group"
    page = officer_client.get(group.get_absolute_url()).content.decode()
    assert "Rowan Retrofit" in page and "From outside the partnership" in page


def test_a_new_organisation_needs_its_sector(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    response = officer_client.post(
        reverse("taskgroups:member_add", args=[group.pk]),
        {"new-first_name": "Rowan", "new-last_name": "Retrofit", "new-new_organisation_name": "Brand New Ltd"},
    )
    assert "Choose the sector of the new organisation." in response.content.decode()
    assert not Person.objects.filter(last_name="Retrofit").exists()


def test_someone_cannot_join_a_group_twice(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    TaskGroupMemberFactory(group=group, person=cast.member_person)
    response = officer_client.post(
        reverse("taskgroups:member_add", args=[group.pk]),
        {
            "person": cast.member_person.pk,
            "role": "member",
            "joined_on_day": "1",
            "joined_on_month": "3",
            "joined_on_year": "2023",
        },
    )
    assert "Ada Member is already a member of this group." in response.content.decode()


def test_a_member_from_the_partnership_is_not_marked_as_outside(officer_client, cast):
    group = AgreedGroupFactory(partnership=cast.partnership)
    TaskGroupMemberFactory(group=group, person=cast.member_person)
    page = officer_client.get(group.get_absolute_url()).content.decode()
    assert "Ada Member" in page and "From outside the partnership" not in page


def test_open_for_gives_a_partnerships_groups_still_at_work(cast):
    at_work = AgreedGroupFactory(partnership=cast.partnership)
    AgreedGroupFactory(
        partnership=cast.partnership,
        status="closed",
        outcomes="Done",
        outcomes_reviewed_on=dt.date(2023, 6, 1),
        closed_on=dt.date(2023, 6, 1),
    )
    assert list(TaskGroup.objects.open_for(cast.partnership)) == [at_work]
    assert TaskGroup.objects.closed_between(dt.date(2023, 1, 1), dt.date(2023, 12, 31)).count() == 1


def test_a_seat_role_matters_for_the_link_member(cast):
    guest = MembershipFactory(partnership=cast.partnership, role=Membership.Role.GUEST, is_voting=False)
    with pytest.raises(ValidationError):
        group_save(group=_group(cast, link_member=guest.person))


def test_the_group_list_and_a_group_keep_their_query_counts_as_they_grow(officer_client, cast):
    """Guards against a query per group, milestone, member or report on the group list and a group's page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import GroupReportFactory, MilestoneFactory

    def counts():
        group = TaskGroup.objects.filter(partnership=cast.partnership).order_by("pk").first()
        urls = [reverse("taskgroups:group_list", args=[cast.partnership.slug]), group.get_absolute_url()]
        found = []
        for url in urls:
            officer_client.get(url)
            with CaptureQueriesContext(connection) as queries:
                officer_client.get(url)
            found.append(len(queries))
        return found

    def grow(n):
        for partnership in (cast.partnership, cast.sub_group):
            for _ in range(n):
                group = AgreedGroupFactory(partnership=partnership, link_member=cast.member_person)
                MilestoneFactory.create_batch(2, group=group)
                GroupReportFactory(group=group)
                TaskGroupMemberFactory(group=group)
        first = TaskGroup.objects.filter(partnership=cast.partnership).order_by("pk").first()
        MilestoneFactory.create_batch(n, group=first)
        TaskGroupMemberFactory.create_batch(n, group=first)

    grow(1)
    small = counts()
    grow(6)
    assert counts() == small
