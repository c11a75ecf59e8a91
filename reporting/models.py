"""Annual reports: the officer's narrative for a year, and every report made, kept as it was made.

Two reports: a partnership's annual update to Council (as the OSP's of March 2023) and a
council's review of all the partnerships it sits on (Cambridge City Council's Annual Review of Strategic Partnerships 2024). Both are about a financial year,
April to March, named by the year it starts: 2022 is 2022/23.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from partnerships.jobs import BackgroundJob
from partnerships.models import (
    Organisation,
    Partnership,
    Person,
    Versioned,
    financial_year_end,
    financial_year_label,
    financial_year_start,
    lines,
)


class Kind(models.TextChoices):
    ANNUAL_UPDATE = "annual_update", "Annual update report"
    COUNCIL_REVIEW = "council_review", "Annual review of strategic partnerships"


def default_as_at(year: int, today: dt.date | None = None) -> dt.date:
    """A report on a year that has not ended is as at today; one on a past year as at its last day."""
    today = today or dt.date.today()
    return min(financial_year_end(year), max(today, financial_year_start(year)))


SUBJECT_CONSTRAINTS = [
    models.CheckConstraint(
        condition=Q(kind=Kind.ANNUAL_UPDATE, partnership__isnull=False, organisation__isnull=True)
        | Q(kind=Kind.COUNCIL_REVIEW, partnership__isnull=True, organisation__isnull=False),
        name="%(class)s_subject_fits_kind",
    ),
    models.CheckConstraint(condition=Q(year__gte=1990, year__lte=2100), name="%(class)s_year_plausible"),
]


class Narrative(Versioned):
    """What an officer writes for one report and year; everything else comes from the records."""

    kind = models.CharField(max_length=20, choices=Kind.choices)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="report_narratives"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="report_narratives"
    )
    year = models.PositiveSmallIntegerField(help_text="The year the financial year starts: 2022 for 2022/23.")

    # The cover and summary table (the OSP annual update to Council (March 2023) first page; Cambridge City Council's Annual Review of Strategic Partnerships 2024 'To', 'Report by', 'Wards affected').
    addressed_to = models.TextField(
        "to", blank=True, help_text="Who the report goes to, e.g. Council, or each councillor and committee."
    )
    report_date = models.DateField(
        null=True, blank=True, help_text="The date of the meeting that receives it. The month is printed."
    )
    report_of = models.CharField(
        "report of", max_length=200, blank=True, help_text="The post presenting it, e.g. Head of Corporate Strategy."
    )
    purpose = models.TextField("purpose of report", blank=True)
    is_key_decision = models.BooleanField("key decision", default=False)
    cabinet_member = models.CharField("cabinet member with responsibility", max_length=200, blank=True)
    corporate_priority = models.CharField(max_length=300, blank=True)
    policy_framework = models.CharField(max_length=300, blank=True)
    wards_affected = models.CharField(max_length=200, blank=True)
    recommendations = models.TextField(blank=True, help_text="One recommendation per line.")

    # The officer's paragraphs. Each blank line starts a new numbered paragraph.
    executive_summary = models.TextField(blank=True)
    introduction = models.TextField(
        blank=True, help_text="Added after the introduction drawn from the partnership's record."
    )
    forward_planning = models.TextField(blank=True)
    financial = models.TextField("financial implications", blank=True)
    legal = models.TextField("legal issues", blank=True)
    risk = models.TextField("level of risk", blank=True)
    equalities = models.TextField("equalities impact", blank=True)
    staffing = models.TextField("staffing implications", blank=True)
    environment = models.TextField("net zero carbon, climate change and environmental implications", blank=True)
    procurement = models.TextField("procurement implications", blank=True)
    community_safety = models.TextField("community safety implications", blank=True)
    consultation = models.TextField("consultation and communication", blank=True)
    # How a council's review lays out its partnerships (Cambridge City Council, Annual Review of
    # Strategic Partnerships 2024, section 3).
    section_order = models.TextField(
        "order of the partnerships",
        blank=True,
        help_text="One partnership per line, by name or short name, in the order the review takes them. "
        "Partnerships not listed follow in alphabetical order.",
    )
    by_default = models.TextField(
        "partnerships listed under 'Partnership by default'",
        blank=True,
        help_text="One partnership per line, by name or short name: listed together rather than each in a section "
        "of its own.",
    )
    by_default_introduction = models.TextField("introduction to 'Partnership by default'", blank=True)
    shared_services = models.TextField(
        "shared services", blank=True, help_text="Added after the list of shared services drawn from the records."
    )
    conclusion = models.TextField(blank=True)
    background_papers = models.TextField(blank=True, help_text="One paper per line.")

    # Report author and contact table (the OSP annual update to Council (March 2023) after the conclusion).
    author = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="report author"
    )
    author_service_area = models.CharField("service area or department", max_length=200, blank=True)
    author_telephone = models.CharField("telephone", max_length=40, blank=True)
    author_email = models.EmailField("email", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            *SUBJECT_CONSTRAINTS,
            models.UniqueConstraint(
                fields=["partnership", "year"],
                condition=Q(kind=Kind.ANNUAL_UPDATE),
                name="narrative_one_per_partnership_year",
            ),
            models.UniqueConstraint(
                fields=["organisation", "year"],
                condition=Q(kind=Kind.COUNCIL_REVIEW),
                name="narrative_one_per_organisation_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.subject}, {self.year_label}"

    @property
    def subject(self):
        return self.partnership if self.kind == Kind.ANNUAL_UPDATE else self.organisation

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)

    @property
    def recommendation_list(self) -> list[str]:
        return lines(self.recommendations)

    @property
    def background_paper_list(self) -> list[str]:
        return lines(self.background_papers)

    @property
    def section_order_list(self) -> list[str]:
        return lines(self.section_order)

    @property
    def by_default_list(self) -> list[str]:
        return lines(self.by_default)


class ReportQuerySet(models.QuerySet):
    def for_subject(self, *, kind: str, partnership=None, organisation=None):
        if kind == Kind.ANNUAL_UPDATE:
            return self.filter(kind=kind, partnership=partnership)
        return self.filter(kind=kind, organisation=organisation)

    def published(self):
        return self.filter(published_at__isnull=False, status=BackgroundJob.Status.DONE)


def report_upload_to(report: "Report", filename: str) -> str:
    # The report's own number keeps one job from ever replacing another's file.
    return f"reports/{report.year}/{report.pk}/{filename}"


class Report(BackgroundJob):
    """One report asked for, with who asked, when, the date its data is as at and the PDF it made.

    The fingerprint is a hash of the records the report was made from and of its layout: the worker
    that finds a finished report with the same fingerprint keeps that PDF rather than print it again.
    """

    task_path = "reporting.tasks.render_report"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    year = models.PositiveSmallIntegerField()
    as_at = models.DateField("data as at")
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    file = models.FileField(upload_to=report_upload_to, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reused_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The earlier report with the same records, whose PDF this one keeps.",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            *SUBJECT_CONSTRAINTS,
            # One report in the making per subject, year and date: a second request finds the first.
            models.UniqueConstraint(
                fields=["partnership", "year", "as_at"],
                condition=Q(kind=Kind.ANNUAL_UPDATE) & BackgroundJob.active_q(),
                name="report_one_annual_update_in_flight",
            ),
            models.UniqueConstraint(
                fields=["organisation", "year", "as_at"],
                condition=Q(kind=Kind.COUNCIL_REVIEW) & BackgroundJob.active_q(),
                name="report_one_council_review_in_flight",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "partnership", "year"]),
            models.Index(fields=["kind", "organisation", "year"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reporting:report_detail", args=[self.pk])

    @property
    def subject(self):
        return self.partnership if self.kind == Kind.ANNUAL_UPDATE else self.organisation

    @property
    def year_label(self) -> str:
        return financial_year_label(self.year)

    @property
    def title(self) -> str:
        if self.kind == Kind.ANNUAL_UPDATE:
            return f"{self.partnership.name}: annual update report {self.year_label}"
        return f"{self.organisation.name}: annual review of strategic partnerships {self.year_label}"

    @property
    def download_name(self) -> str:
        kind = "annual-update" if self.kind == Kind.ANNUAL_UPDATE else "partnerships-review"
        return f"{slugify(self.subject.name)}-{kind}-{self.year}-{str(self.year + 1)[-2:]}.pdf"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
