from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


class StageChangeInline(admin.TabularInline):
    model = models.ChallengeStageChange
    extra = 0


@admin.register(models.Challenge)
class ChallengeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partnership", "stage", "priority", "raised_on"]
    list_filter = ["stage", "priority"]
    search_fields = ["title"]
    autocomplete_fields = ["partnership", "raised_by", "raised_by_organisation", "follows_from"]
    inlines = [StageChangeInline]


class MemberInline(admin.TabularInline):
    model = models.TaskGroupMember
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


@admin.register(models.TaskGroup)
class TaskGroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "status", "start_date", "end_date"]
    list_filter = ["status", "definition_status"]
    search_fields = ["name"]
    autocomplete_fields = ["partnership", "challenge", "lead_person", "lead_organisation", "link_member"]
    inlines = [MemberInline, MilestoneInline]


@admin.register(models.GroupReport)
class GroupReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "group", "presented_on"]
    search_fields = ["title", "group__name"]
    exclude = ["agenda_items"]  # linked from the agenda item's own form, one report per item


@admin.register(models.Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["group", "kind", "due_on", "status", "recipient", "finished_at"]
    list_filter = ["kind", "status"]
    readonly_fields = [
        "group",
        "milestone",
        "kind",
        "due_on",
        "recipient",
        "status",
        "error",
        "attempts",
        "finished_at",
    ]
