"""Who may see and change theme records, built on the partnership's access.

Members and clerks of a partnership read its themes, reports, plan and outcomes; its officers change
them. A theme's lead officer, and the officers of the sub-group that leads it, may also draft and submit
that theme's reports (OSP Terms of Reference, Appendix B: the theme leads report to the steering group).
A public partnership publishes its themes, achievements, adopted plans and outcomes to everyone; theme
reports and draft plans are for those who read the partnership in full, and 404 to anyone else.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from partnerships.access import Access, Level, get_access, require_published, require_record
from partnerships.fragments import record_or_404

from .models import (
    Achievement,
    Commitment,
    Framework,
    Indicator,
    Outcome,
    Plan,
    PlanObjective,
    PlanPriority,
    Theme,
    ThemeReport,
)

DENIED = "Only the partnership's officers can change this."


def check(access: Access, partnership, *, write: bool) -> None:
    require_published(access, partnership, write=write, denied=DENIED)


def check_in_full(access: Access, partnership, *, write: bool) -> None:
    """Theme reports and draft plans: never shown to the public."""
    require_record(access, partnership, write=write, denied=DENIED)


def can_draft_reports(access: Access, theme: Theme) -> bool:
    return (
        access.level(theme.partnership) >= Level.EDIT
        or (theme.lead_group_id is not None and theme.lead_group_id in access.officer_ids)
        or (access.person_id is not None and theme.lead_officer_id == access.person_id)
    )


def get_theme_for_user(user, pk: int, *, write: bool = False) -> tuple[Theme, Access]:
    theme = get_object_or_404(
        Theme.objects.select_related("partnership", "partnership__parent", "lead_group", "lead_officer"), pk=pk
    )
    access = get_access(user)
    if not write and can_draft_reports(access, theme):
        return theme, access
    check(access, theme.partnership, write=write)
    return theme, access


def get_theme_report_for_user(user, pk: int, *, write: bool = False) -> tuple[ThemeReport, Access]:
    """Read by whoever reads the partnership; drafted by its officers and the theme's lead."""
    report = get_object_or_404(
        ThemeReport.objects.select_related(
            "theme", "theme__partnership", "theme__lead_group", "theme__lead_officer", "submitted_by"
        ),
        pk=pk,
    )
    access = get_access(user)
    if can_draft_reports(access, report.theme):
        return report, access
    check_in_full(access, report.theme.partnership, write=write)
    if write:
        raise PermissionDenied("Only the theme's lead officer or the partnership's officers can write this report.")
    return report, access


def get_achievement_for_user(user, pk: int, *, write: bool = False) -> tuple[Achievement, Access]:
    achievement = get_object_or_404(Achievement.objects.select_related("partnership", "theme"), pk=pk)
    access = get_access(user)
    check(access, achievement.partnership, write=write)
    return achievement, access


def get_plan_for_user(user, pk: int, *, write: bool = False) -> tuple[Plan, Access]:
    plan = get_object_or_404(Plan.objects.select_related("partnership", "revised_from"), pk=pk)
    access = get_access(user)
    (check_in_full if plan.status == Plan.Status.DRAFT else check)(access, plan.partnership, write=write)
    return plan, access


def get_priority_for_user(user, pk: int) -> tuple[PlanPriority, Access]:
    priority = get_object_or_404(PlanPriority.objects.select_related("plan", "plan__partnership"), pk=pk)
    access = get_access(user)
    check(access, priority.plan.partnership, write=True)
    return priority, access


def get_objective_for_user(user, pk: int) -> tuple[PlanObjective, Access]:
    objective = get_object_or_404(
        PlanObjective.objects.select_related("priority", "priority__plan", "priority__plan__partnership"), pk=pk
    )
    access = get_access(user)
    check(access, objective.priority.plan.partnership, write=True)
    return objective, access


# The tables a framework's row is read from: its own and its partnership's.
FRAMEWORK_ROW = ("themes.framework", "partnerships.partnership")


def get_framework_for_user(user, pk: int, *, write: bool = False) -> tuple[Framework, Access]:
    framework = record_or_404(
        "framework", Framework.objects.select_related("partnership"), depends=FRAMEWORK_ROW, to_change=write, pk=pk
    )
    access = get_access(user)
    check(access, framework.partnership, write=write)
    return framework, access


def get_outcome_for_user(user, pk: int, *, write: bool = False) -> tuple[Outcome, Access]:
    outcome = get_object_or_404(Outcome.objects.select_related("framework", "framework__partnership"), pk=pk)
    access = get_access(user)
    check(access, outcome.framework.partnership, write=write)
    return outcome, access


def get_commitment_for_user(user, pk: int, *, write: bool = False) -> tuple[Commitment, Access]:
    commitment = get_object_or_404(
        Commitment.objects.select_related("outcome", "outcome__framework", "outcome__framework__partnership"), pk=pk
    )
    access = get_access(user)
    check(access, commitment.outcome.framework.partnership, write=write)
    return commitment, access


def get_indicator_for_user(user, pk: int, *, write: bool = False) -> tuple[Indicator, Access]:
    indicator = get_object_or_404(
        Indicator.objects.select_related("framework", "framework__partnership", "outcome", "commitment"), pk=pk
    )
    access = get_access(user)
    check(access, indicator.framework.partnership, write=write)
    return indicator, access
