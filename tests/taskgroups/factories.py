import datetime as dt

import factory

from taskgroups.models import Challenge, GroupReport, Milestone, TaskGroup, TaskGroupMember
from tests.factories import OrganisationFactory, PartnershipFactory, PersonFactory


class ChallengeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Challenge

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Challenge {n}")
    description = "An issue that will benefit from collective action."
    raised_on = dt.date(2023, 1, 10)
    stage_changed_on = dt.date(2023, 1, 10)
    priority = Challenge.Priority.MEDIUM


class TaskGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskGroup

    partnership = factory.SubFactory(PartnershipFactory)
    challenge = factory.SubFactory(ChallengeFactory, partnership=factory.SelfAttribute("..partnership"))
    name = factory.Sequence(lambda n: f"Task group {n}")
    objectives = "Find a route to retrofit at scale\nReport to the steering group"
    lead_organisation = factory.SubFactory(OrganisationFactory)
    start_date = dt.date(2023, 2, 1)
    end_date = dt.date(2023, 12, 31)


class AgreedGroupFactory(TaskGroupFactory):
    problem_definition = "How to retrofit homes of every tenure and archetype at scale."
    definition_status = TaskGroup.Definition.AGREED
    definition_agreed_on = dt.date(2023, 3, 1)
    status = TaskGroup.Status.ACTIVE


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    group = factory.SubFactory(TaskGroupFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = dt.date(2023, 6, 30)


class GroupReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupReport

    group = factory.SubFactory(TaskGroupFactory)
    title = "Progress report"
    presented_on = dt.date(2023, 5, 1)
    summary = "Work is on track."


class TaskGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskGroupMember

    group = factory.SubFactory(TaskGroupFactory)
    person = factory.SubFactory(PersonFactory)
    joined_on = dt.date(2023, 2, 1)
