"""What a partnership works on: themes and their reports, achievements, the rolling plan and outcomes.

One module a feature; every model is importable from here, as Django and the migrations expect."""

from .achievements import Achievement, AchievementFigure, AchievementQuerySet
from .charts import IndicatorChart
from .outcomes import Commitment, Framework, Indicator, Measurement, Outcome
from .plans import Plan, PlanObjective, PlanPriority, PlanQuerySet
from .themes import (
    ReportPeriod,
    Theme,
    ThemeQuerySet,
    ThemeReport,
    ThemeReportItem,
    ThemeReportQuerySet,
    ThemeReportReminder,
    ThemeReportSchedule,
)

__all__ = [
    "ReportPeriod",
    "ThemeReportSchedule",
    "ThemeQuerySet",
    "Theme",
    "ThemeReportQuerySet",
    "ThemeReport",
    "ThemeReportItem",
    "ThemeReportReminder",
    "AchievementQuerySet",
    "Achievement",
    "AchievementFigure",
    "PlanQuerySet",
    "Plan",
    "PlanPriority",
    "PlanObjective",
    "Framework",
    "Outcome",
    "Commitment",
    "Indicator",
    "Measurement",
    "IndicatorChart",
]
