import datetime as dt

from django import forms
from django.http import Http404

from partnerships.collation import by_name
from partnerships.concurrency import VersionedModelForm
from partnerships.govuk import DateField, Form
from partnerships.models import financial_year_label

from .models import Kind, Narrative

FIRST_YEAR = 2015


def current_financial_year(today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    return today.year if today.month >= 4 else today.year - 1


def year_choices() -> list[tuple[int, str]]:
    return [(year, financial_year_label(year)) for year in range(current_financial_year(), FIRST_YEAR - 1, -1)]


def known_year(year: int) -> int:
    """A year the forms offer; an address naming any other is not found."""
    if year not in dict(year_choices()):
        raise Http404("No such year.")
    return year


class ReportRequestForm(Form):
    year = forms.TypedChoiceField(
        label="Financial year",
        coerce=int,
        help_text="The council's financial year, April to March.",
    )
    as_at = DateField(
        label="Show the records as at",
        required=False,
        help_text="For example 31 3 2023. Leave empty for the last day of the year, or today if the year has not ended.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()
        self.fields["year"].initial = current_financial_year() - 1


ANNUAL_UPDATE_FIELDS = [
    "addressed_to",
    "report_date",
    "report_of",
    "purpose",
    "is_key_decision",
    "cabinet_member",
    "corporate_priority",
    "policy_framework",
    "recommendations",
    "introduction",
    "forward_planning",
    "financial",
    "legal",
    "risk",
    "equalities",
    "conclusion",
    "background_papers",
    "author",
    "author_service_area",
    "author_telephone",
    "author_email",
]
COUNCIL_REVIEW_FIELDS = [
    "addressed_to",
    "report_date",
    "report_of",
    "wards_affected",
    "is_key_decision",
    "executive_summary",
    "recommendations",
    "introduction",
    "financial",
    "staffing",
    "equalities",
    "environment",
    "procurement",
    "community_safety",
    "consultation",
    "section_order",
    "by_default",
    "by_default_introduction",
    "shared_services",
    "background_papers",
    "author",
    "author_service_area",
    "author_telephone",
    "author_email",
]
PARAGRAPH_HINT = "Leave a blank line between paragraphs; each is numbered. Start a line with '- ' for a bullet point."


class NarrativeForm(VersionedModelForm):
    """The officer's paragraphs for one report and year; the fields depend on the kind of report."""

    class Meta:
        model = Narrative
        fields = sorted(set(ANNUAL_UPDATE_FIELDS) | set(COUNCIL_REVIEW_FIELDS))
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ("addressed_to", "purpose", "recommendations")}

    def __init__(self, *args, kind: str, authors, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = ANNUAL_UPDATE_FIELDS if kind == Kind.ANNUAL_UPDATE else COUNCIL_REVIEW_FIELDS
        self.fields = {name: self.fields[name] for name in ["version", *wanted]}
        self.fields["author"].queryset = authors.select_related("organisation").order_by(*by_name())
        self.fields["author"].label_from_instance = lambda person: f"{person.display_name}, {person.position}".strip(
            ", "
        )
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea) and name not in (
                "addressed_to",
                "recommendations",
                "section_order",
                "by_default",
            ):
                field.help_text = field.help_text or PARAGRAPH_HINT
        if kind == Kind.COUNCIL_REVIEW:
            self.fields["recommendations"].help_text = (
                "One recommendation per line. A line ending with a colon, such as 'That the Leader:', starts the "
                "recommendations to one person. Write [paragraphs: CSP] or [paragraphs: CPCA to Innovate Cambridge] "
                "for the paragraphs of those partnerships' sections, numbered as the report prints them."
            )
            self.fields["introduction"].label = "Background"
            self.fields["financial"].label = "Financial implications, after the table of contributions"
        else:
            self.fields["financial"].label = "Financial implications, after the budget and funding"
            self.fields["forward_planning"].label = "Forward planning, after the plan, challenges and groups"
