"""Factories for theme records, built on the shared ones."""

import datetime as dt
from decimal import Decimal

import factory

from tests.factories import PartnershipFactory
from themes.models import (
    Achievement,
    AchievementFigure,
    Commitment,
    Framework,
    Indicator,
    Measurement,
    Outcome,
    Plan,
    PlanObjective,
    PlanPriority,
    Theme,
    ThemeReport,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Theme {n}")
    starts_on = dt.date(2017, 4, 1)


class ThemeReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeReport

    theme = factory.SubFactory(ThemeFactory)
    year = 2022
    half = 1
    due_on = dt.date(2022, 10, 31)
    progress = "Good progress."


class AchievementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Achievement

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Achievement {n}")
    achieved_on = dt.date(2022, 12, 1)


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AchievementFigure

    achievement = factory.SubFactory(AchievementFactory)
    value = Decimal("137")
    unit = "placements"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    partnership = factory.SubFactory(PartnershipFactory)
    number = 1
    title = "Rolling plan"
    start_year = 2023
    status = Plan.Status.CURRENT


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanPriority

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanObjective

    priority = factory.SubFactory(PriorityFactory)
    text = factory.Sequence(lambda n: f"Objective {n}")


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Framework {n}")
    statement = "Together we will."


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    framework = factory.SubFactory(FrameworkFactory)
    name = factory.Sequence(lambda n: f"Outcome {n}")


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    outcome = factory.SubFactory(OutcomeFactory)
    name = factory.Sequence(lambda n: f"Commitment {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    outcome = factory.SubFactory(OutcomeFactory)
    framework = factory.LazyAttribute(lambda i: i.outcome.framework)
    code = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"
    target_value = Decimal("80")


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: dt.date(2015, 1, 1) + dt.timedelta(days=31 * n))
    value = Decimal("50")
