from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Narrative, Report


@admin.register(Narrative)
class NarrativeAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "partnership", "organisation", "year"]
    list_filter = ["kind", "year"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "partnership", "organisation", "year", "as_at", "status", "requested_by"]
    list_filter = ["kind", "status", "year"]
    readonly_fields = ["fingerprint", "file", "page_count", "file_size", "error"]
