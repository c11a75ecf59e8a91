from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sector", "is_council"]
    list_filter = ["sector", "is_council"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["display_name", "job_title", "organisation", "user"]
    search_fields = ["first_name", "last_name", "email"]
    autocomplete_fields = ["organisation", "user"]


class MembershipInline(admin.TabularInline):
    model = models.Membership
    fk_name = "partnership"
    extra = 0
    autocomplete_fields = ["person", "organisation", "alternate_for"]


@admin.register(models.Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "parent", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "host_organisation", "required_voter"]


@admin.register(models.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "partnership", "role", "organisation", "start_date", "end_date"]
    list_filter = ["role"]
    search_fields = ["person__last_name", "partnership__name"]
    autocomplete_fields = ["person", "partnership", "organisation", "alternate_for"]


@admin.register(models.PartnershipOfficer)
class PartnershipOfficerAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partnership"]
    autocomplete_fields = ["user", "partnership"]


@admin.register(models.OrganisationClerk)
class OrganisationClerkAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


for model in (models.Budget, models.Contribution, models.FundingAward, models.Interest, models.Participation):
    admin.site.register(model, SimpleHistoryAdmin)
