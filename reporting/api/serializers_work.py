"""What the API says of a partnership's work: themes, achievements, indicators and published reports."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from reporting.models import Report
from themes.models import Achievement, AchievementFigure, Indicator, Measurement, Theme

from .serializers import OrganisationRef, PartnershipRef, PersonRef


class ThemeSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugField(source="partnership.slug")
    lead_group = serializers.SerializerMethodField()
    lead_officer = PersonRef(allow_null=True)

    class Meta:
        model = Theme
        fields = [
            "id",
            "partnership",
            "title",
            "description",
            "status",
            "lead_group",
            "lead_officer",
            "starts_on",
            "ends_on",
        ]

    @extend_schema_field(PartnershipRef(allow_null=True))
    def get_lead_group(self, theme):
        group = theme.lead_group
        return PartnershipRef(group).data if group and self.context["access"].can_see(group) else None


class FigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = AchievementFigure
        fields = ["qualifier", "value", "unit", "counts"]


class AchievementSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugField(source="partnership.slug")
    theme = serializers.IntegerField(source="theme_id", allow_null=True)
    figures = FigureSerializer(many=True)
    evidence_links = serializers.SerializerMethodField()

    class Meta:
        model = Achievement
        fields = ["id", "partnership", "theme", "achieved_on", "title", "description", "figures", "evidence_links"]

    def get_evidence_links(self, achievement) -> list[str]:
        return [line.strip() for line in achievement.evidence_links.splitlines() if line.strip()]


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]


class IndicatorSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugField(source="framework.partnership.slug")
    framework = serializers.CharField(source="framework.name")
    outcome = serializers.CharField(source="outcome.name")
    commitment = serializers.CharField(source="commitment.name", allow_null=True)
    measurements = MeasurementSerializer(many=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "partnership",
            "framework",
            "outcome",
            "commitment",
            "code",
            "name",
            "kind",
            "unit",
            "direction",
            "baseline_value",
            "baseline_on",
            "target_value",
            "target_on",
            "source",
            "is_illustrative",
            "measurements",
        ]


class ReportSerializer(serializers.ModelSerializer):
    title = serializers.CharField()
    partnership = PartnershipRef(allow_null=True)
    organisation = OrganisationRef(allow_null=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "kind",
            "title",
            "partnership",
            "organisation",
            "year",
            "as_at",
            "published_at",
            "page_count",
            "file_size",
            "download_url",
        ]

    def get_download_url(self, report) -> str:
        from django.urls import reverse

        return self.context["request"].build_absolute_uri(reverse("reporting:report_download", args=[report.pk]))
