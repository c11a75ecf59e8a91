"""Operations across theme records, one module a feature: reports, reminders, plans, measurements, trends."""

from .measurements import CSV_COLUMNS, MAX_IMPORT_ROWS, OPTIONAL_COLUMNS, ImportResult, measurements_import
from .plans import (
    PlanNotEditable,
    Row,
    plan_adopt,
    plan_compare,
    plan_create,
    plan_revise,
    plan_save,
    require_draft,
    revised_title,
)
from .reminders import theme_report_reminders_send
from .reports import (
    LOOKBACK_DAYS,
    Obligation,
    ReportAlreadySubmitted,
    report_obligations,
    schedule_save,
    theme_report_save,
    theme_report_start,
    theme_report_submit,
    themes_supported_by,
)
from .trends import Trend, indicator_trend

__all__ = [
    "CSV_COLUMNS",
    "LOOKBACK_DAYS",
    "MAX_IMPORT_ROWS",
    "OPTIONAL_COLUMNS",
    "ImportResult",
    "Obligation",
    "PlanNotEditable",
    "ReportAlreadySubmitted",
    "Row",
    "Trend",
    "indicator_trend",
    "measurements_import",
    "plan_adopt",
    "plan_compare",
    "plan_create",
    "plan_revise",
    "plan_save",
    "report_obligations",
    "require_draft",
    "revised_title",
    "schedule_save",
    "theme_report_reminders_send",
    "theme_report_save",
    "theme_report_start",
    "theme_report_submit",
    "themes_supported_by",
]
