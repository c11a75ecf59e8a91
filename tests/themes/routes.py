from django.urls import reverse

from tests.matrix import ANY_OFFICER, EDIT, PUBLIC_PAGE, READ, SAME_AS_GET, Route
from themes.models import Plan

from .factories import (
    AchievementFactory,
    CommitmentFactory,
    FrameworkFactory,
    IndicatorFactory,
    ObjectiveFactory,
    OutcomeFactory,
    PlanFactory,
    PriorityFactory,
    ThemeFactory,
    ThemeReportFactory,
)


def _slug(name, suffix=""):
    return lambda c: reverse(f"themes:{name}", args=[c.partnership.slug]) + suffix


def _obj(name, make):
    return lambda c: reverse(f"themes:{name}", args=[make(c).pk])


def theme(c):
    return ThemeFactory(partnership=c.partnership)


def report(c):
    return ThemeReportFactory(theme__partnership=c.partnership)


def draft_plan(c):
    return PlanFactory(partnership=c.partnership, status=Plan.Status.DRAFT)


def framework(c):
    return FrameworkFactory(partnership=c.partnership)


def indicator(c):
    return IndicatorFactory(outcome__framework__partnership=c.partnership)


POST_EDIT = {**EDIT, "anonymous": 302}
# A public partnership's records: those who may only see them are told no when they try to change one.
EDIT_PUBLIC = {**EDIT, "outsider": 403, "unrelated_clerk": 403}


def public(make):
    """The record, with the cast's partnership published first."""

    def build(c):
        c.partnership.is_public = True
        c.partnership.save()
        return make(c)

    return build


def _public_slug(name):
    return lambda c: reverse(f"themes:{name}", args=[public(lambda c: c.partnership)(c).slug])


def _public_obj(name, make):
    return lambda c: reverse(f"themes:{name}", args=[public(make)(c).pk])


def current_plan(c):
    return PlanFactory(partnership=c.partnership, status=Plan.Status.CURRENT)


ROUTES = [
    Route("themes:theme_list", _slug("theme_list"), READ),
    Route("themes:theme_add", _slug("theme_add"), EDIT),
    Route("themes:schedule_edit", _slug("schedule_edit"), EDIT),
    Route("themes:theme_detail", _obj("theme_detail", theme), READ),
    Route("themes:theme_history", _obj("theme_history", theme), EDIT),
    Route("themes:theme_edit", _obj("theme_edit", theme), EDIT),
    Route(
        "themes:theme_report_start",
        _obj("theme_report_start", theme),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
        data={"year": "2024", "half": "1"},
    ),
    Route("themes:reports_due", lambda c: reverse("themes:reports_due"), ANY_OFFICER),
    Route("themes:theme_report_detail", _obj("theme_report_detail", report), READ),
    Route("themes:theme_report_history", _obj("theme_report_history", report), EDIT),
    Route("themes:theme_report_edit", _obj("theme_report_edit", lambda c: report(c)), EDIT),
    Route("themes:theme_report_submit", _obj("theme_report_submit", report), EDIT),
    Route(
        "themes:theme_report_submit",
        _obj("theme_report_submit", report),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
        id="theme_report_submit_post",
    ),
    Route("themes:achievement_list", _slug("achievement_list"), READ),
    Route("themes:achievement_add", _slug("achievement_add"), EDIT),
    Route(
        "themes:achievement_edit",
        _obj("achievement_edit", lambda c: AchievementFactory(partnership=c.partnership)),
        EDIT,
    ),
    Route(
        "themes:achievement_delete",
        _obj("achievement_delete", lambda c: AchievementFactory(partnership=c.partnership)),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
    ),
    Route("themes:plan_overview", _slug("plan_overview"), READ),
    Route("themes:plan_create", _slug("plan_create"), EDIT),
    Route("themes:plan_detail", _obj("plan_detail", draft_plan), READ),
    Route("themes:plan_edit", _obj("plan_edit", draft_plan), EDIT),
    Route(
        "themes:plan_revise",
        _obj("plan_revise", lambda c: PlanFactory(partnership=c.partnership)),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
    ),
    Route(
        "themes:plan_adopt",
        _obj("plan_adopt", lambda c: PriorityFactory(plan=draft_plan(c)).plan),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
    ),
    Route(
        "themes:plan_compare",
        _obj(
            "plan_compare",
            lambda c: PlanFactory(
                partnership=c.partnership,
                number=2,
                status=Plan.Status.DRAFT,
                revised_from=PlanFactory(partnership=c.partnership),
            ),
        ),
        READ,
    ),
    Route("themes:priority_add", _obj("priority_add", draft_plan), EDIT),
    Route("themes:priority_edit", _obj("priority_edit", lambda c: PriorityFactory(plan=draft_plan(c))), EDIT),
    Route(
        "themes:priority_delete",
        _obj("priority_delete", lambda c: PriorityFactory(plan=draft_plan(c))),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
    ),
    Route("themes:objective_add", _obj("objective_add", lambda c: PriorityFactory(plan=draft_plan(c))), EDIT),
    Route(
        "themes:objective_edit",
        _obj("objective_edit", lambda c: ObjectiveFactory(priority__plan=draft_plan(c))),
        EDIT,
    ),
    Route(
        "themes:objective_delete",
        _obj("objective_delete", lambda c: ObjectiveFactory(priority__plan=draft_plan(c))),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
    ),
    Route("themes:framework_list", _slug("framework_list"), READ),
    Route("themes:framework_add", _slug("framework_add"), EDIT),
    Route("themes:framework_dashboard", _obj("framework_dashboard", framework), READ),
    Route("themes:framework_edit", _obj("framework_edit", framework), EDIT),
    Route("themes:outcome_add", _obj("outcome_add", framework), EDIT),
    Route("themes:indicator_add", _obj("indicator_add", framework), EDIT),
    Route("themes:measurement_import", _obj("measurement_import", framework), EDIT),
    Route(
        "themes:outcome_edit",
        _obj("outcome_edit", lambda c: OutcomeFactory(framework__partnership=c.partnership)),
        EDIT,
    ),
    Route(
        "themes:commitment_add",
        _obj("commitment_add", lambda c: OutcomeFactory(framework__partnership=c.partnership)),
        EDIT,
    ),
    Route(
        "themes:commitment_edit",
        _obj("commitment_edit", lambda c: CommitmentFactory(outcome__framework__partnership=c.partnership)),
        EDIT,
    ),
    Route("themes:indicator_detail", _obj("indicator_detail", indicator), READ),
    Route(
        "themes:indicator_detail",
        _obj("indicator_detail", indicator),
        {**READ, "member": 403, "observer": 403, "clerk": 403, "officer": 302, "admin": 302},
        method="post",
        data={"measured_on_day": "1", "measured_on_month": "4", "measured_on_year": "2024", "value": "5"},
        id="indicator_detail_post",
    ),
    Route("themes:indicator_edit", _obj("indicator_edit", indicator), EDIT),
    Route("themes:indicator_chart_svg", _obj("indicator_chart_svg", indicator), READ),
    Route(
        "themes:measurement_delete",
        _obj("measurement_delete", indicator),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
    ),
    # What a public partnership publishes: anyone reads it; theme reports and draft plans stay its readers'.
    Route("themes:theme_list", _public_slug("theme_list"), PUBLIC_PAGE, id="theme_list_public"),
    Route("themes:theme_detail", _public_obj("theme_detail", theme), PUBLIC_PAGE, id="theme_detail_public"),
    Route("themes:theme_edit", _public_obj("theme_edit", theme), EDIT_PUBLIC, id="theme_edit_public"),
    Route("themes:theme_report_detail", _public_obj("theme_report_detail", report), READ, id="theme_report_public"),
    Route("themes:achievement_list", _public_slug("achievement_list"), PUBLIC_PAGE, id="achievement_list_public"),
    Route("themes:plan_overview", _public_slug("plan_overview"), PUBLIC_PAGE, id="plan_overview_public"),
    Route("themes:plan_detail", _public_obj("plan_detail", current_plan), PUBLIC_PAGE, id="plan_detail_public"),
    Route("themes:plan_detail", _public_obj("plan_detail", draft_plan), READ, id="draft_plan_public"),
    Route("themes:framework_list", _public_slug("framework_list"), PUBLIC_PAGE, id="framework_list_public"),
    Route(
        "themes:framework_dashboard",
        _public_obj("framework_dashboard", framework),
        PUBLIC_PAGE,
        id="framework_dashboard_public",
    ),
    Route("themes:indicator_detail", _public_obj("indicator_detail", indicator), PUBLIC_PAGE, id="indicator_public"),
    Route(
        "themes:indicator_chart_svg",
        _public_obj("indicator_chart_svg", indicator),
        PUBLIC_PAGE,
        id="indicator_chart_svg_public",
    ),
]


# The same pages, POSTed with an empty form: writers get the form back with its errors (200), everyone
# else what the GET gets. tests/test_permission_matrix.py fails if a page takes a POST not listed here.
POSTS = {
    "themes:achievement_add": SAME_AS_GET,
    "themes:achievement_edit": SAME_AS_GET,
    "themes:commitment_add": SAME_AS_GET,
    "themes:commitment_edit": SAME_AS_GET,
    "themes:framework_add": SAME_AS_GET,
    "themes:framework_edit": SAME_AS_GET,
    "themes:indicator_add": SAME_AS_GET,
    "themes:indicator_edit": SAME_AS_GET,
    "themes:measurement_import": SAME_AS_GET,
    "themes:objective_add": SAME_AS_GET,
    "themes:objective_edit": SAME_AS_GET,
    "themes:outcome_add": SAME_AS_GET,
    "themes:outcome_edit": SAME_AS_GET,
    "themes:plan_create": SAME_AS_GET,
    "themes:plan_edit": SAME_AS_GET,
    "themes:priority_add": SAME_AS_GET,
    "themes:priority_edit": SAME_AS_GET,
    "themes:schedule_edit": SAME_AS_GET,
    "themes:theme_add": SAME_AS_GET,
    "themes:theme_edit": SAME_AS_GET,
    "themes:theme_report_edit": SAME_AS_GET,
}
