from django.urls import path

from .views import achievements, history, outcomes, plans, reports, themes

app_name = "themes"

urlpatterns = [
    # Themes and their reports
    path("partnerships/<slug:slug>/themes/", themes.theme_list, name="theme_list"),
    path("partnerships/<slug:slug>/themes/add/", themes.theme_add, name="theme_add"),
    path("partnerships/<slug:slug>/themes/report-dates/", themes.schedule_edit, name="schedule_edit"),
    path("themes/<int:pk>/", themes.theme_detail, name="theme_detail"),
    path("themes/<int:pk>/edit/", themes.theme_edit, name="theme_edit"),
    path("themes/<int:pk>/history/", history.theme_history, name="theme_history"),
    path("themes/<int:pk>/reports/start/", reports.theme_report_start_view, name="theme_report_start"),
    path("theme-reports/due/", reports.reports_due, name="reports_due"),
    path("theme-reports/<int:pk>/", reports.theme_report_detail, name="theme_report_detail"),
    path("theme-reports/<int:pk>/edit/", reports.theme_report_edit, name="theme_report_edit"),
    path("theme-reports/<int:pk>/history/", history.theme_report_history, name="theme_report_history"),
    path("theme-reports/<int:pk>/submit/", reports.theme_report_submit_view, name="theme_report_submit"),
    # Achievements
    path("partnerships/<slug:slug>/achievements/", achievements.achievement_list, name="achievement_list"),
    path("partnerships/<slug:slug>/achievements/add/", achievements.achievement_add, name="achievement_add"),
    path("achievements/<int:pk>/edit/", achievements.achievement_edit, name="achievement_edit"),
    path("achievements/<int:pk>/delete/", achievements.achievement_delete, name="achievement_delete"),
    # The rolling 3-year plan
    path("partnerships/<slug:slug>/plan/", plans.plan_overview, name="plan_overview"),
    path("partnerships/<slug:slug>/plan/new/", plans.plan_create_view, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/revise/", plans.plan_revise_view, name="plan_revise"),
    path("plans/<int:pk>/adopt/", plans.plan_adopt_view, name="plan_adopt"),
    path("plans/<int:pk>/compare/", plans.plan_compare_view, name="plan_compare"),
    path("plans/<int:pk>/priorities/add/", plans.priority_add, name="priority_add"),
    path("plan-priorities/<int:pk>/edit/", plans.priority_edit, name="priority_edit"),
    path("plan-priorities/<int:pk>/delete/", plans.priority_delete, name="priority_delete"),
    path("plan-priorities/<int:pk>/objectives/add/", plans.objective_add, name="objective_add"),
    path("plan-objectives/<int:pk>/edit/", plans.objective_edit, name="objective_edit"),
    path("plan-objectives/<int:pk>/delete/", plans.objective_delete, name="objective_delete"),
    # The outcomes framework
    path("partnerships/<slug:slug>/outcomes/", outcomes.framework_list, name="framework_list"),
    path("partnerships/<slug:slug>/outcomes/add/", outcomes.framework_add, name="framework_add"),
    path("outcomes/<int:pk>/", outcomes.framework_dashboard, name="framework_dashboard"),
    path("outcomes/<int:pk>/edit/", outcomes.framework_edit, name="framework_edit"),
    path("outcomes/<int:pk>/outcomes/add/", outcomes.outcome_add, name="outcome_add"),
    path("outcomes/<int:pk>/indicators/add/", outcomes.indicator_add, name="indicator_add"),
    path("outcomes/<int:pk>/measurements/import/", outcomes.measurement_import, name="measurement_import"),
    path("framework-outcomes/<int:pk>/edit/", outcomes.outcome_edit, name="outcome_edit"),
    path("framework-outcomes/<int:pk>/commitments/add/", outcomes.commitment_add, name="commitment_add"),
    path("commitments/<int:pk>/edit/", outcomes.commitment_edit, name="commitment_edit"),
    path("indicators/<int:pk>/", outcomes.indicator_detail, name="indicator_detail"),
    path("indicators/<int:pk>/edit/", outcomes.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/chart.svg", outcomes.indicator_chart_svg, name="indicator_chart_svg"),
    path("indicators/<int:pk>/measurements/delete/", outcomes.measurement_delete, name="measurement_delete"),
]
