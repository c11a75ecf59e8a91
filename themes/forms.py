from decimal import Decimal

from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory

from partnerships.collation import by_name
from partnerships.concurrency import VersionedModelForm
from partnerships.govuk import EARLIEST_YEAR, LATEST_YEAR, NUL_MESSAGE, DateField, Form, ModelForm
from partnerships.models import Membership, Partnership, Person

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
    ThemeReportSchedule,
)


def people_around(partnership: Partnership):
    """People who sit on the partnership or its sub-groups, for choosing a lead or an owner."""
    ids = {partnership.pk} | Partnership.objects.descendant_ids(partnership.pk)
    return Person.objects.filter(pk__in=Membership.objects.filter(partnership_id__in=ids).values("person_id")).order_by(
        *by_name()
    )


class ThemeForm(VersionedModelForm):
    class Meta:
        model = Theme
        fields = ["title", "description", "status", "lead_group", "lead_officer", "starts_on", "ends_on", "order"]
        widgets = {"status": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 4})}
        labels = {"order": "Position in the list"}

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["lead_group"].queryset = Partnership.objects.filter(
            pk__in=Partnership.objects.descendant_ids(partnership.pk)
        )
        self.fields["lead_group"].help_text = "The sub-group that leads the theme."
        people = people_around(partnership)
        if self.instance.lead_officer_id:
            people = Person.objects.filter(Q(pk__in=people.values("pk")) | Q(pk=self.instance.lead_officer_id))
        self.fields["lead_officer"].queryset = people.order_by(*by_name())


class ThemeReportForm(VersionedModelForm):
    class Meta:
        model = ThemeReport
        fields = list(ThemeReport.TEMPLATE_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in ThemeReport.TEMPLATE_FIELDS}


class ScheduleForm(VersionedModelForm):
    class Meta:
        model = ThemeReportSchedule
        fields = ["first_due_day", "first_due_month", "second_due_day", "second_due_month", "reminder_days"]
        labels = {
            "first_due_day": "Day the first half-year's report is due",
            "first_due_month": "Month (1 to 12)",
            "second_due_day": "Day the second half-year's report is due",
            "second_due_month": "Month (1 to 12)",
        }
        help_texts = {
            "first_due_day": "The first half-year runs from April to September.",
            "second_due_day": "The second half-year runs from October to March; its report may be due after the year ends.",
        }
        widgets = {name: forms.NumberInput(attrs={"class": "govuk-input--width-2"}) for name in fields}


class AchievementForm(VersionedModelForm):
    achieved_on = DateField(
        label="Date",
        help_text="When it happened or was completed, for example 31 3 2023.",
        error_messages={"required": "Enter the date it happened or was completed."},
    )

    class Meta:
        model = Achievement
        fields = ["title", "achieved_on", "theme", "description", "evidence_links"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "evidence_links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["theme"].queryset = Theme.objects.filter(partnership=partnership)


class FigureForm(ModelForm):
    class Meta:
        model = AchievementFigure
        fields = ["qualifier", "value", "unit", "counts"]
        labels = {"value": "Number"}
        widgets = {
            "value": forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
            "unit": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        }


# absolute_max: a page sent back claiming a thousand figures builds eight, not a thousand.
FigureFormSet = inlineformset_factory(
    Achievement, AchievementFigure, form=FigureForm, extra=2, max_num=8, absolute_max=8, can_delete=True
)


class PlanForm(VersionedModelForm):
    class Meta:
        model = Plan
        fields = ["title", "start_year", "summary", "revision_note"]
        widgets = {
            "start_year": forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "revision_note": forms.Textarea(attrs={"rows": 3}),
        }


class _OwnedForm(VersionedModelForm):
    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_around(partnership)
        self.fields["themes"].queryset = Theme.objects.filter(partnership=partnership)
        self.fields["themes"].widget = forms.CheckboxSelectMultiple()
        self.fields["themes"].widget.choices = self.fields["themes"].choices


class PriorityForm(_OwnedForm):
    class Meta:
        model = PlanPriority
        fields = ["title", "description", "owner", "themes", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"order": "Position in the plan"}


class ObjectiveForm(_OwnedForm):
    class Meta:
        model = PlanObjective
        fields = ["text", "owner", "themes", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"order": "Position under the priority"}


class FrameworkForm(VersionedModelForm):
    class Meta:
        model = Framework
        fields = ["name", "statement", "guiding_values", "horizon_year"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 5}), "guiding_values": forms.Textarea(attrs={"rows": 3})}


class OutcomeForm(VersionedModelForm):
    class Meta:
        model = Outcome
        fields = ["name", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class CommitmentForm(VersionedModelForm):
    class Meta:
        model = Commitment
        fields = ["name", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class IndicatorForm(VersionedModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "code",
            "outcome",
            "commitment",
            "kind",
            "unit",
            "direction",
            "baseline_value",
            "baseline_on",
            "target_value",
            "target_on",
            "source",
            "is_illustrative",
            "order",
        ]
        widgets = {"kind": forms.RadioSelect, "direction": forms.RadioSelect}

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.framework = framework
        self.fields["outcome"].queryset = framework.outcomes.all()
        self.fields["commitment"].queryset = Commitment.objects.filter(outcome__framework=framework).select_related(
            "outcome"
        )
        self.fields["commitment"].label_from_instance = lambda c: f"{c.outcome}: {c.name}"


class MeasurementForm(ModelForm):
    measured_on = DateField(
        label="Date",
        help_text="The date the figure is for, for example 31 3 2024.",
        error_messages={"required": "Enter the date the figure is for."},
    )

    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]
        widgets = {"value": forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"})}

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        if indicator.unit:
            self.fields["value"].label = f"Value ({indicator.unit})"

    def validate_unique(self):
        # The indicator is set on the instance, not a form field, so check the date rule here by name.
        if (
            self.instance.indicator_id
            and self.cleaned_data.get("measured_on")
            and Measurement.objects.filter(
                indicator_id=self.instance.indicator_id, measured_on=self.cleaned_data["measured_on"]
            )
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("measured_on", "There is already a measurement for this date. Change that one instead.")


MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_CELL_CHARACTERS = 1000


class ImportForm(Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Columns: indicator (its short name), date (2024-03-31), value, and optionally note. Up to 5 MB.",
        error_messages={"required": "Choose the CSV file to upload."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 5 MB. Split it into smaller files.")
        return upload


# The value column holds 14 digits, 3 of them after the point.
_LARGEST_VALUE = Decimal("99999999999.999")
_CELL = {"null_characters_not_allowed": NUL_MESSAGE}


class MeasurementRowForm(forms.Form):
    """One row of a measurements CSV file, checked by Django's own date and number fields.

    A plain Django form, not the GOV.UK one: a row is checked, never shown, so its dates stay single text cells.
    """

    indicator = forms.CharField(max_length=40, error_messages={**_CELL, "required": "the indicator is missing"})
    date = forms.DateField(input_formats=["%Y-%m-%d", "%d/%m/%Y"], error_messages={"required": "the date is missing"})
    value = forms.DecimalField(
        decimal_places=3,
        min_value=-_LARGEST_VALUE,
        max_value=_LARGEST_VALUE,
        error_messages={
            "required": "the value is missing",
            "max_value": "the value must be less than 100,000,000,000",
            "min_value": "the value must be less than 100,000,000,000",
            "max_decimal_places": "the value has more than 3 decimal places",
        },
    )
    note = forms.CharField(max_length=300, required=False, error_messages=_CELL)

    def __init__(self, row: dict, *, indicators: dict, framework_name: str):
        data = {name: (row.get(name) or "").strip() for name in ("indicator", "date", "value", "note")}
        # A spreadsheet writes thousands with commas: 6,100 is six thousand one hundred.
        data["value"] = data["value"].replace(",", "")
        self.indicators, self.framework_name = indicators, framework_name
        super().__init__(data)
        self.fields["date"].error_messages["invalid"] = f"“{data['date']}” is not a date: use the form 2024-03-31"
        self.fields["value"].error_messages["invalid"] = f"“{data['value']}” is not a number"

    def clean_indicator(self):
        code = self.cleaned_data["indicator"]
        indicator = self.indicators.get(code) or self.indicators.get(code.lower())
        if indicator is None:
            raise forms.ValidationError(f"there is no indicator “{code}” in {self.framework_name}")
        return indicator

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise forms.ValidationError(f"the date must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
        return day

    def problems(self) -> list[str]:
        """Each problem as part of one sentence about the row."""
        found = []
        for name, errors in self.errors.items():
            for error in errors:
                text = str(error).rstrip(".")
                if not text.startswith(("the ", "there ", "“")):
                    text = f"the {name}: {text[:1].lower()}{text[1:]}"
                found.append(text)
        return found
