from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
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
    ThemeReportReminder,
    ThemeReportSchedule,
)


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "lead_group", "lead_officer", "status"]
    list_filter = ["status"]
    search_fields = ["title", "partnership__name"]


@admin.register(ThemeReport)
class ThemeReportAdmin(SimpleHistoryAdmin):
    list_display = ["theme", "year", "half", "due_on", "status"]
    list_filter = ["status", "year"]
    exclude = ["agenda_items"]  # linked from the agenda item's own form, one report per item


class FigureInline(admin.TabularInline):
    model = AchievementFigure
    extra = 0


@admin.register(Achievement)
class AchievementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "theme", "achieved_on"]
    inlines = [FigureInline]


class ObjectiveInline(admin.TabularInline):
    model = PlanObjective
    extra = 0


@admin.register(PlanPriority)
class PriorityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan"]
    inlines = [ObjectiveInline]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "version", "status"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "framework", "outcome", "kind", "is_illustrative"]


admin.site.register([ThemeReportSchedule, ThemeReportReminder, Framework, Outcome, Commitment, Measurement])
