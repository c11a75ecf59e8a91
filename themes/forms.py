from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory

from partnerships.access import descendant_ids
from partnerships.collation import by_name
from partnerships.concurrency import VersionedModelForm
from partnerships.govuk import DateField, Form, ModelForm
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
    ids = {partnership.pk} | descendant_ids(partnership.pk)
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
        self.fields["lead_group"].queryset = Partnership.objects.filter(pk__in=descendant_ids(partnership.pk))
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


class ScheduleForm(ModelForm):
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
    achieved_on = DateField(label="Date", help_text="When it happened or was completed, for example 31 3 2023.")

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


FigureFormSet = inlineformset_factory(
    Achievement, AchievementFigure, form=FigureForm, extra=2, max_num=8, can_delete=True
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


class _OwnedForm(ModelForm):
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


class OutcomeForm(ModelForm):
    class Meta:
        model = Outcome
        fields = ["name", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class CommitmentForm(ModelForm):
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
    measured_on = DateField(label="Date", help_text="The date the figure is for, for example 31 3 2024.")

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


class ImportForm(Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Columns: indicator (its short name), date (2024-03-31), value, and optionally note.",
    )
