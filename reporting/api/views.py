"""The API's lists and records: each scoped by the caller's access, each page at a fixed number of queries."""

import datetime as dt

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from meetings.access import can_read_paper
from meetings.models import Action, Attendance, Decision, Meeting, Paper, Vote
from meetings.views.common import page_flags
from partnerships.models import Membership, Organisation, Partnership
from themes.models import Achievement, Indicator, Theme

from .. import scope
from .base import Filter, ReadOnlyView
from .serializers import (
    ActionSerializer,
    AttendanceSerializer,
    DecisionSerializer,
    MeetingDetailSerializer,
    MeetingSerializer,
    MembershipSerializer,
    OrganisationSerializer,
    PartnershipSerializer,
    PersonSerializer,
)
from .serializers_work import AchievementSerializer, IndicatorSerializer, ReportSerializer, ThemeSerializer

PARTNERSHIP = Filter("partnership", str, "partnership__slug", "Only this partnership's, by its slug.")


def _from(lookup):
    return Filter("from", dt.date, f"{lookup}__gte", "On or after this date (YYYY-MM-DD).")


def _to(lookup):
    return Filter("to", dt.date, f"{lookup}__lte", "On or before this date (YYYY-MM-DD).")


@extend_schema_view(
    list=extend_schema(summary="Organisations", tags=["Register"]),
    retrieve=extend_schema(summary="One organisation", tags=["Register"]),
)
class OrganisationViewSet(ReadOnlyView):
    serializer_class = OrganisationSerializer
    lookup_field = "slug"
    filters = (
        Filter("sector", str, "sector", "Public, private or representative.", choices=Organisation.Sector.values),
        Filter("is_council", bool, "is_council", "Councils only (true), or none of them (false)."),
        Filter("q", str, "name__icontains", "Part of the name."),
    )

    def scope(self, access):
        return scope.organisations(access).order_by("name")


@extend_schema_view(
    list=extend_schema(summary="People, by their public details", tags=["Register"]),
    retrieve=extend_schema(summary="One person", tags=["Register"]),
)
class PersonViewSet(ReadOnlyView):
    serializer_class = PersonSerializer
    filters = (
        Filter("organisation", str, "organisation__slug", "Works for this organisation, by its slug."),
        Filter("q", str, "last_name__icontains", "Part of the family name."),
    )

    def scope(self, access):
        return scope.people(access).order_by("last_name", "first_name", "pk")

    def shape(self, queryset):
        return queryset.select_related("organisation")


@extend_schema_view(
    list=extend_schema(summary="Partnerships, with their sub-groups", tags=["Register"]),
    retrieve=extend_schema(summary="One partnership", tags=["Register"]),
)
class PartnershipViewSet(ReadOnlyView):
    serializer_class = PartnershipSerializer
    lookup_field = "slug"
    filters = (
        Filter("kind", str, "kind", "The kind of partnership.", choices=Partnership.Kind.values),
        Filter("parent", str, "parent__slug", "Sub-groups of this partnership, by its slug."),
    )

    def scope(self, access):
        return scope.partnerships(access).order_by("name")

    def shape(self, queryset):
        return queryset.select_related("parent", "host_organisation").prefetch_related("sub_groups", "reports_to")


@extend_schema_view(
    list=extend_schema(summary="Seats on partnerships, and the membership as at a date", tags=["Register"]),
    retrieve=extend_schema(summary="One seat", tags=["Register"]),
)
class MembershipViewSet(ReadOnlyView):
    serializer_class = MembershipSerializer
    filters = (
        PARTNERSHIP,
        Filter("person", int, "person_id", "Seats of this person, by id."),
        Filter("organisation", str, "organisation__slug", "Seats held for this organisation, by its slug."),
        Filter("role", str, "role", "Seats with this role.", choices=Membership.Role.values),
        Filter("as_at", dt.date, "", "The membership as at this date (YYYY-MM-DD): seats held on that day."),
    )

    def apply_filter(self, queryset, item, value):
        if item.name == "as_at":
            return queryset.current(value)
        return super().apply_filter(queryset, item, value)

    def scope(self, access):
        return scope.memberships(access).order_by("partnership__name", "person__last_name", "person__first_name", "pk")

    def shape(self, queryset):
        return queryset.select_related("partnership", "person", "organisation", "alternate_for__person")


def _votes():
    return Prefetch("votes", queryset=Vote.objects.select_related("person", "on_behalf_of").order_by("pk"))


@extend_schema_view(
    list=extend_schema(summary="Meetings", tags=["Meetings"]),
    retrieve=extend_schema(summary="One meeting with its agenda, papers, decisions and record", tags=["Meetings"]),
)
class MeetingViewSet(ReadOnlyView):
    filters = (
        PARTNERSHIP,
        _from("date"),
        _to("date"),
        Filter("status", str, "status", "Meetings in this state.", choices=Meeting.Status.values),
    )

    def get_serializer_class(self):
        return MeetingDetailSerializer if self.action == "retrieve" else MeetingSerializer

    def scope(self, access):
        return scope.meetings(access).order_by("-date", "-start_time", "pk")

    def shape(self, queryset):
        return queryset.select_related("partnership", "partnership__parent", "host")

    def get_object(self):
        """The meeting as its page shows it to this caller: agenda once published, record once public."""
        meeting = super().get_object()
        level = self.access.level(meeting.partnership)
        flags = page_flags(level, meeting)
        items = []
        if flags["show_agenda"]:
            items = list(
                meeting.items.select_related("presenter")
                .prefetch_related(
                    Prefetch("papers", queryset=Paper.objects.filter(current__isnull=False).select_related("current")),
                    Prefetch(
                        "decisions",
                        queryset=Decision.objects.select_related("item__meeting__partnership").prefetch_related(
                            _votes()
                        ),
                    ),
                )
                .order_by("position")
            )
        for item in items:
            item.api_papers = [paper for paper in item.papers.all() if can_read_paper(level, paper, meeting)]
            item.api_decisions = list(item.decisions.all()) if flags["show_record"] else []
        meeting.api_items = items
        meeting.api_attendance = []
        meeting.api_actions = []
        if flags["show_record"]:
            meeting.api_attendance = list(
                meeting.attendance.select_related(
                    "membership__person", "membership__organisation", "alternate__person"
                ).order_by("membership__person__last_name", "pk")
            )
            meeting.api_actions = list(meeting.actions.select_related("owner", "partnership").order_by("pk"))
        return meeting


@extend_schema_view(
    list=extend_schema(summary="Decisions, with their votes and counts", tags=["Meetings"]),
    retrieve=extend_schema(summary="One decision", tags=["Meetings"]),
)
class DecisionViewSet(ReadOnlyView):
    serializer_class = DecisionSerializer
    filters = (
        Filter("partnership", str, "item__meeting__partnership__slug", "Only this partnership's, by its slug."),
        Filter("meeting", int, "item__meeting_id", "Decisions of this meeting, by id."),
        _from("item__meeting__date"),
        _to("item__meeting__date"),
        Filter("outcome", str, "outcome", "Agreed, carried or lost.", choices=Decision.Outcome.values),
        Filter("theme", int, "item__theme_report_link__report__theme_id", "Taken on a report of this theme, by id."),
    )

    def scope(self, access):
        return (
            Decision.objects.filter(item__meeting__in=scope.meetings(access).values("pk"))
            .filter(scope.record_shown(access, "item__meeting"))
            .order_by("-item__meeting__date", "item__position", "pk")
        )

    def shape(self, queryset):
        return queryset.select_related("item__meeting__partnership").prefetch_related(_votes())


@extend_schema_view(
    list=extend_schema(summary="Attendance at meetings", tags=["Meetings"]),
    retrieve=extend_schema(summary="One seat's attendance at one meeting", tags=["Meetings"]),
)
class AttendanceViewSet(ReadOnlyView):
    serializer_class = AttendanceSerializer
    filters = (
        Filter("partnership", str, "meeting__partnership__slug", "Only this partnership's, by its slug."),
        Filter("meeting", int, "meeting_id", "At this meeting, by id."),
        Filter("person", int, "membership__person_id", "Of this person's seats, by id."),
    )

    def scope(self, access):
        return (
            Attendance.objects.filter(meeting__in=scope.meetings(access).values("pk"))
            .filter(scope.record_shown(access, "meeting"))
            .order_by("-meeting__date", "pk")
        )

    def shape(self, queryset):
        return queryset.select_related("membership__person", "membership__organisation", "alternate__person")


@extend_schema_view(
    list=extend_schema(summary="Actions raised at meetings", tags=["Meetings"]),
    retrieve=extend_schema(summary="One action", tags=["Meetings"]),
)
class ActionViewSet(ReadOnlyView):
    serializer_class = ActionSerializer
    filters = (
        PARTNERSHIP,
        Filter("meeting", int, "raised_at_id", "Raised at this meeting, by id."),
        Filter("status", str, "status", "Actions in this state.", choices=Action.Status.values),
    )

    def scope(self, access):
        return (
            Action.objects.filter(raised_at__in=scope.meetings(access).values("pk"))
            .filter(scope.record_shown(access, "raised_at"))
            .order_by("due_date", "pk")
        )

    def shape(self, queryset):
        return queryset.select_related("partnership", "owner")


@extend_schema_view(
    list=extend_schema(summary="Themes", tags=["Work"]), retrieve=extend_schema(summary="One theme", tags=["Work"])
)
class ThemeViewSet(ReadOnlyView):
    serializer_class = ThemeSerializer
    filters = (PARTNERSHIP, Filter("status", str, "status", "Themes in this state.", choices=Theme.Status.values))

    def scope(self, access):
        return Theme.objects.filter(scope.published(access)).order_by("partnership__name", "order", "title", "pk")

    def shape(self, queryset):
        return queryset.select_related("partnership", "lead_group", "lead_officer")


@extend_schema_view(
    list=extend_schema(summary="Achievements, with their figures", tags=["Work"]),
    retrieve=extend_schema(summary="One achievement", tags=["Work"]),
)
class AchievementViewSet(ReadOnlyView):
    serializer_class = AchievementSerializer
    filters = (
        PARTNERSHIP,
        Filter("theme", int, "theme_id", "Under this theme, by id."),
        _from("achieved_on"),
        _to("achieved_on"),
    )

    def scope(self, access):
        return Achievement.objects.filter(scope.published(access)).order_by("-achieved_on", "pk")

    def shape(self, queryset):
        return queryset.select_related("partnership").prefetch_related("figures")


@extend_schema_view(
    list=extend_schema(summary="Outcome indicators, with their measurements", tags=["Work"]),
    retrieve=extend_schema(summary="One indicator", tags=["Work"]),
)
class IndicatorViewSet(ReadOnlyView):
    serializer_class = IndicatorSerializer
    filters = (
        Filter("partnership", str, "framework__partnership__slug", "Only this partnership's, by its slug."),
        Filter("kind", str, "kind", "High-level or proxy measures.", choices=Indicator.Kind.values),
    )

    def scope(self, access):
        return Indicator.objects.filter(scope.published(access, "framework__partnership")).order_by(
            "framework__name", "order", "pk"
        )

    def shape(self, queryset):
        return queryset.select_related("framework__partnership", "outcome", "commitment").prefetch_related(
            "measurements"
        )


@extend_schema_view(
    list=extend_schema(summary="Published reports", tags=["Work"]),
    retrieve=extend_schema(summary="One published report", tags=["Work"]),
)
class ReportViewSet(ReadOnlyView):
    serializer_class = ReportSerializer
    filters = (
        PARTNERSHIP,
        Filter("organisation", str, "organisation__slug", "Council reviews of this organisation, by its slug."),
        Filter("year", int, "year", "Reports on the financial year starting in April of this year."),
    )

    def scope(self, access):
        return scope.reports(access).order_by("-year", "-published_at", "pk")

    def shape(self, queryset):
        return queryset.select_related("partnership", "organisation")
