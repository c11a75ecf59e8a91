"""What the API says of each record: public fields only, and nothing the caller may not know exists."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.models import Action, AgendaItem, Attendance, Decision, Meeting, Paper, Vote
from partnerships.models import Membership, Organisation, Partnership, Person


class OrganisationRef(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class PartnershipRef(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    short_name = serializers.CharField()


class PersonRef(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="display_name")


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "short_name", "sector", "is_council", "website"]


class PersonSerializer(serializers.ModelSerializer):
    """A person's public fields: never contact details, never a login."""

    name = serializers.CharField(source="display_name")
    organisation = OrganisationRef(allow_null=True)

    class Meta:
        model = Person
        fields = ["id", "name", "honorific", "first_name", "last_name", "job_title", "is_councillor", "organisation"]


def _seen(access, partnerships):
    return [p for p in partnerships if access.can_see(p)]


class PartnershipSerializer(serializers.ModelSerializer):
    """A partnership; its parent, sub-groups and 'reports to' links only where the caller may see them."""

    parent = serializers.SerializerMethodField()
    sub_groups = serializers.SerializerMethodField()
    reports_to = serializers.SerializerMethodField()
    host_organisation = OrganisationRef(allow_null=True)
    aims = serializers.ListField(child=serializers.CharField(), source="aims_list")
    will_do = serializers.ListField(child=serializers.CharField(), source="will_do_list")
    wont_do = serializers.ListField(child=serializers.CharField(), source="wont_do_list")
    guiding_principles = serializers.ListField(child=serializers.CharField(), source="principles_list")

    class Meta:
        model = Partnership
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "legal_basis",
            "founded_year",
            "is_public",
            "parent",
            "sub_groups",
            "reports_to",
            "purpose",
            "vision",
            "mission",
            "aims",
            "will_do",
            "wont_do",
            "guiding_principles",
            "host_organisation",
            "supporting_team",
            "meeting_frequency",
            "voting_rule",
            "chair_has_casting_vote",
            "quorum",
        ]

    @property
    def access(self):
        return self.context["access"]

    @extend_schema_field(PartnershipRef(allow_null=True))
    def get_parent(self, partnership):
        parent = partnership.parent
        return PartnershipRef(parent).data if parent and self.access.can_see(parent) else None

    @extend_schema_field(PartnershipRef(many=True))
    def get_sub_groups(self, partnership):
        groups = sorted(_seen(self.access, partnership.sub_groups.all()), key=lambda p: p.name)
        return PartnershipRef(groups, many=True).data

    @extend_schema_field(PartnershipRef(many=True))
    def get_reports_to(self, partnership):
        return PartnershipRef(_seen(self.access, partnership.reports_to.all()), many=True).data


class MembershipSerializer(serializers.ModelSerializer):
    """A seat: role, voting right, the lead it stands in for if an alternate, and its dates."""

    partnership = PartnershipRef()
    person = PersonRef()
    organisation = OrganisationRef(allow_null=True)
    has_vote = serializers.BooleanField(source="is_voting")
    alternate_for = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = [
            "id",
            "partnership",
            "person",
            "organisation",
            "role",
            "has_vote",
            "is_lead_representative",
            "alternate_for",
            "start_date",
            "end_date",
        ]

    @extend_schema_field(
        serializers.DictField(allow_null=True, help_text="The lead representative's seat: its id and the person.")
    )
    def get_alternate_for(self, membership):
        lead = membership.alternate_for
        if lead is None:
            return None
        return {"membership_id": lead.pk, "person": PersonRef(lead.person).data}


class PaperSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    pages = serializers.IntegerField(source="current.page_count")
    size = serializers.IntegerField(source="current.size")

    class Meta:
        model = Paper
        fields = ["id", "title", "is_confidential", "pages", "size", "url"]

    def get_url(self, paper) -> str:
        return self.context["request"].build_absolute_uri(paper.get_absolute_url())


class VoteSerializer(serializers.ModelSerializer):
    person = PersonRef()
    on_behalf_of = PersonRef(allow_null=True, help_text="For an alternate's vote: whose seat it was cast for.")

    class Meta:
        model = Vote
        fields = ["person", "choice", "on_behalf_of", "is_casting_vote"]


class DecisionSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="item.meeting_id")
    partnership = serializers.SlugField(source="item.meeting.partnership.slug")
    date = serializers.DateField(source="item.meeting.date")
    item = serializers.CharField(source="item.title")
    votes = VoteSerializer(many=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "meeting",
            "partnership",
            "date",
            "item",
            "resolution",
            "method",
            "outcome",
            "votes_for",
            "votes_against",
            "abstentions",
            "casting_vote_used",
            "recorded_by_name",
            "explanation",
            "votes",
        ]


class AttendanceSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="meeting_id")
    membership = serializers.IntegerField(source="membership_id")
    person = PersonRef(source="membership.person")
    organisation = OrganisationRef(source="membership.organisation", allow_null=True)
    alternate = PersonRef(source="alternate.person", allow_null=True, help_text="Who attended in this seat's place.")

    class Meta:
        model = Attendance
        fields = ["id", "meeting", "membership", "person", "organisation", "status", "alternate"]


class ActionSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugField(source="partnership.slug")
    meeting = serializers.IntegerField(source="raised_at_id")
    owner = PersonRef(allow_null=True)

    class Meta:
        model = Action
        fields = ["id", "partnership", "meeting", "description", "owner", "due_date", "status", "completed_on"]


class AgendaItemSerializer(serializers.ModelSerializer):
    presenter = PersonRef(allow_null=True)
    papers = serializers.SerializerMethodField()
    decisions = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = ["id", "position", "title", "kind", "summary", "presenter", "duration_minutes", "papers", "decisions"]

    @extend_schema_field(PaperSerializer(many=True))
    def get_papers(self, item):
        return PaperSerializer(item.api_papers, many=True, context=self.context).data

    @extend_schema_field(DecisionSerializer(many=True))
    def get_decisions(self, item):
        return DecisionSerializer(item.api_decisions, many=True, context=self.context).data


class MeetingSerializer(serializers.ModelSerializer):
    partnership = PartnershipRef()
    name = serializers.CharField()
    starts_at = serializers.DateTimeField(help_text="When it starts, in UK time with its offset.")
    ends_at = serializers.DateTimeField()
    venue = serializers.CharField(source="venue_label")
    agenda_published = serializers.BooleanField(source="agenda_is_published")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "partnership",
            "name",
            "kind",
            "date",
            "starts_at",
            "ends_at",
            "venue",
            "status",
            "agenda_published",
            "minutes_status",
        ]


class MeetingDetailSerializer(MeetingSerializer):
    """A meeting with its agenda once published, and its record (attendance, actions) once public."""

    items = AgendaItemSerializer(source="api_items", many=True)
    attendance = AttendanceSerializer(source="api_attendance", many=True)
    actions = ActionSerializer(source="api_actions", many=True)

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "items", "attendance", "actions"]
