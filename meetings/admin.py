from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


class AgendaItemInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0
    fields = ["position", "title", "kind", "presenter", "duration_minutes"]
    raw_id_fields = ["presenter"]


@admin.register(models.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "partnership", "kind", "status", "minutes_status"]
    list_filter = ["kind", "status", "minutes_status"]
    search_fields = ["partnership__name", "title"]
    date_hierarchy = "date"
    raw_id_fields = ["partnership", "host", "minutes_approved_at"]
    inlines = [AgendaItemInline]


@admin.register(models.StandingItem)
class StandingItemAdmin(admin.ModelAdmin):
    list_display = ["partnership", "position", "title", "kind", "at_end"]
    list_filter = ["kind"]
    raw_id_fields = ["partnership"]


@admin.register(models.Paper)
class PaperAdmin(SimpleHistoryAdmin):
    # The file itself is downloaded through the access-checked view, never from the admin.
    list_display = ["title", "item", "is_confidential"]
    list_filter = ["is_confidential"]
    search_fields = ["title"]
    raw_id_fields = ["item"]
    exclude = ["current"]


@admin.register(models.Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["description", "partnership", "owner", "due_date", "status"]
    list_filter = ["status"]
    raw_id_fields = ["partnership", "raised_at", "item", "owner"]


@admin.register(models.MeetingPack)
class MeetingPackAdmin(admin.ModelAdmin):
    list_display = ["meeting", "variant", "status", "progress", "page_count", "requested_at"]
    list_filter = ["variant", "status"]
    readonly_fields = ["content_hash", "error", "failed_paper", "file", "agenda_file"]
    raw_id_fields = ["meeting", "requested_by"]
