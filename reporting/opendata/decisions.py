"""A partnership's decisions register: every decision whose record the reader may see, with named votes."""

from django import forms
from django.db.models import Prefetch

from meetings.models import Decision, Vote
from partnerships.access import Access
from partnerships.govuk import DateField, Form
from partnerships.models import Partnership
from themes.models import Theme

from .. import scope


def decisions_register(*, access: Access, partnership: Partnership):
    """Decisions of the partnership's meetings whose record the reader may see, newest first."""
    return (
        Decision.objects.filter(item__meeting__partnership=partnership)
        .filter(scope.record_shown(access, "item__meeting"))
        .select_related("item__meeting", "item__theme_report_link__report__theme")
        .prefetch_related(
            Prefetch("votes", queryset=Vote.objects.select_related("person", "on_behalf_of").order_by("pk"))
        )
        .order_by("-item__meeting__date", "item__position", "pk")
    )


class DecisionFilterForm(Form):
    """Dates, theme and outcome; themes offered are those of decisions the reader can already see."""

    date_from = DateField(label="Decided on or after", required=False)
    date_to = DateField(label="Decided on or before", required=False)
    theme = forms.TypedChoiceField(label="Theme", required=False, coerce=int, empty_value=None)
    outcome = forms.ChoiceField(
        label="Outcome", required=False, choices=[("", "Any outcome"), *Decision.Outcome.choices]
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        themes = Theme.objects.filter(
            pk__in=decisions.exclude(item__theme_report_link__report__isnull=True).values(
                "item__theme_report_link__report__theme_id"
            )
        ).order_by("title")
        self.fields["theme"].choices = [("", "Any theme"), *((t.pk, t.title) for t in themes)]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return data

    def apply(self, decisions):
        if not self.is_valid():
            return decisions
        data = self.cleaned_data
        if data.get("date_from"):
            decisions = decisions.filter(item__meeting__date__gte=data["date_from"])
        if data.get("date_to"):
            decisions = decisions.filter(item__meeting__date__lte=data["date_to"])
        if data.get("theme"):
            decisions = decisions.filter(item__theme_report_link__report__theme_id=data["theme"])
        if data.get("outcome"):
            decisions = decisions.filter(outcome=data["outcome"])
        return decisions
