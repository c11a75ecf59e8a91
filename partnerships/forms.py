import calendar
import datetime as dt

from django import forms

from .concurrency import VersionedModelForm
from .govuk import DateField, Form
from .models import (
    Budget,
    Contribution,
    FundingAward,
    Interest,
    Membership,
    Organisation,
    Participation,
    Partnership,
    Person,
)

MONTHS = [("", "No annual meeting")] + [(i, calendar.month_name[i]) for i in range(1, 13)]


class PartnershipForm(VersionedModelForm):
    annual_review_month = forms.TypedChoiceField(
        label="Month of the annual planning and review meeting",
        choices=MONTHS,
        coerce=int,
        empty_value=None,
        required=False,
    )

    class Meta:
        model = Partnership
        fields = [
            "name",
            "short_name",
            "kind",
            "legal_basis",
            "founded_year",
            "parent",
            "reports_to",
            "is_public",
            "purpose",
            "vision",
            "mission",
            "aims",
            "remit_will_do",
            "remit_wont_do",
            "guiding_principles",
            "host_organisation",
            "supporting_team",
            "contact_email",
            "meeting_frequency",
            "annual_review_month",
            "meeting_pattern_notes",
            "fallback_venue",
            "voting_rule",
            "required_voter",
            "chair_has_casting_vote",
            "quorum",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "vision": forms.Textarea(attrs={"rows": 3}),
            "mission": forms.Textarea(attrs={"rows": 3}),
            "aims": forms.Textarea(attrs={"rows": 5}),
            "remit_will_do": forms.Textarea(attrs={"rows": 4}),
            "remit_wont_do": forms.Textarea(attrs={"rows": 4}),
            "guiding_principles": forms.Textarea(attrs={"rows": 6}),
            "meeting_pattern_notes": forms.Textarea(attrs={"rows": 3}),
            "reports_to": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        others = Partnership.objects.exclude(pk=self.instance.pk) if self.instance.pk else Partnership.objects.all()
        # Pick lists name only partnerships this officer may see: a private one's name is not theirs to learn.
        visible = others.filter(pk__in=access.visible_partnerships().values("pk"))
        self.fields["reports_to"].queryset = visible.only("pk", "name")
        self._hidden_reports_to = (
            list(self.instance.reports_to.exclude(pk__in=visible.values("pk"))) if self.instance.pk else []
        )
        parents = visible
        if not access.is_admin:
            # Officers may move a group only under partnerships they look after, or leave it where it is.
            keep = [self.instance.parent_id] if self.instance.parent_id else []
            parents = visible.filter(pk__in=[*access.officer_ids, *keep])
        self.fields["parent"].queryset = parents.only("pk", "name")
        self.fields["parent"].help_text = "Leave empty for a partnership in its own right."
        if self.instance.parent_id and not access.can_see(self.instance.parent):
            # The group sits under a partnership this officer may not see: it stays there, unnamed.
            del self.fields["parent"]
        self.fields["host_organisation"].queryset = Organisation.objects.only("pk", "name")
        voters = Person.objects.none()
        if self.instance.pk:
            voters = Person.objects.filter(
                memberships__in=Membership.objects.current().filter(
                    partnership=self.instance, role__in=Membership.VOTING_ROLES
                )
            ).distinct()
        self.fields["required_voter"].queryset = voters
        self.fields["required_voter"].help_text = (
            "Only with the rule that the majority must include a named member, "
            "for example a combined authority's Mayor. Chosen from the current voting members."
        )
        if not access.is_admin and (not self.instance.pk or self.instance.parent_id) and "parent" in self.fields:
            # Officers add sub-groups under what they look after; new top-level partnerships are for administrators.
            self.fields["parent"].required = True

    def clean_reports_to(self):
        """Links to partnerships this officer cannot see are kept as they were."""
        return [*self.cleaned_data["reports_to"], *self._hidden_reports_to]


class PersonChoiceForm(Form):
    q = forms.CharField(label="Name", max_length=100, required=False)


class MembershipForm(VersionedModelForm):
    start_date = DateField(required=False, help_text="For example 27 3 2023. Leave empty if not known.")
    end_date = DateField(required=False, help_text="Leave empty if the seat is open-ended.")

    class Meta:
        model = Membership
        fields = [
            "organisation",
            "role",
            "alternate_for",
            "is_voting",
            "is_lead_representative",
            "start_date",
            "end_date",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2}), "role": forms.RadioSelect}

    def __init__(self, *args, partnership, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.instance.person = person
        if not self.instance.pk and person.organisation_id:
            self.fields["organisation"].initial = person.organisation_id
        self.fields["organisation"].queryset = Organisation.objects.only("pk", "name")
        leads = (
            Membership.objects.current()
            .filter(partnership=partnership, is_lead_representative=True)
            .select_related("person", "organisation")
        )
        if self.instance.pk:
            leads = leads.exclude(pk=self.instance.pk)
        self.fields["alternate_for"].queryset = leads
        self.fields["alternate_for"].label_from_instance = lambda m: f"{m.person} ({m.organisation})"
        self.fields["alternate_for"].help_text = "Only for an alternate: the lead representative they stand in for."
        self.fields["is_voting"].help_text = "Observers, alternates, guests and supporting officers never vote."


class MembershipEndForm(VersionedModelForm):
    end_date = DateField(label="Date the seat ends", required=True)

    class Meta:
        model = Membership
        fields = ["end_date", "end_reason"]
        labels = {"end_reason": "Reason (optional)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.end_date:
            self.initial["end_date"] = dt.date.today()


class OrganisationForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "sector", "is_council", "website", "address"]
        widgets = {"sector": forms.RadioSelect, "address": forms.Textarea(attrs={"rows": 3})}


class PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = [
            "honorific",
            "first_name",
            "last_name",
            "job_title",
            "organisation",
            "is_councillor",
            "email",
            "phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.only("pk", "name")
        self.fields["honorific"].widget.attrs["class"] += " govuk-input--width-10"


class InterestForm(VersionedModelForm):
    registered_on = DateField(label="Date registered")
    ended_on = DateField(label="Date it ended", required=False)

    class Meta:
        model = Interest
        fields = ["kind", "description", "registered_on", "ended_on", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"is_public": "The person declares this entry public"}


class PartnershipMoneyForm(VersionedModelForm):
    """Money belongs to one partnership, set before validation so duplicates are caught beside the field."""

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        if "year" in self.fields:
            self.fields["year"].help_text = "The year the financial year starts: 2022 for 2022/23."
            self.fields["year"].min_value = 1990


class BudgetForm(PartnershipMoneyForm):
    class Meta:
        model = Budget
        fields = ["year", "amount", "notes"]
        labels = {"amount": "Amount (£)"}

    def clean_year(self):
        year = self.cleaned_data["year"]
        others = Budget.objects.filter(partnership=self.instance.partnership, year=year).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("This partnership already has a budget for that year. Change that one instead.")
        return year


class ContributionForm(PartnershipMoneyForm):
    class Meta:
        model = Contribution
        fields = ["organisation", "year", "amount", "purpose"]
        labels = {"amount": "Amount (£)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.only("pk", "name")

    def clean(self):
        cleaned = super().clean()
        organisation, year = cleaned.get("organisation"), cleaned.get("year")
        if organisation and year:
            others = Contribution.objects.filter(
                partnership=self.instance.partnership, organisation=organisation, year=year
            ).exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("year", f"{organisation} already has a contribution recorded for that year.")
        return cleaned


class FundingAwardForm(PartnershipMoneyForm):
    awarded_on = DateField(label="Date awarded", required=False)

    class Meta:
        model = FundingAward
        fields = ["funder", "amount", "match_funding", "year", "awarded_on", "purpose"]
        labels = {"amount": "Amount (£)", "match_funding": "Match funding (£)"}
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}


class MembershipFilterForm(Form):
    as_at = DateField(label="Show the membership as at", required=False)


class ParticipationForm(VersionedModelForm):
    """A seat held by an office or left vacant, or the organisation itself taking part."""

    start_date = DateField(required=False, help_text="For example 27 3 2023. Leave empty if not known.")
    end_date = DateField(required=False, help_text="Leave empty while it lasts.")

    class Meta:
        model = Participation
        fields = [
            "organisation",
            "kind",
            "office",
            "role",
            "is_voting",
            "start_date",
            "end_date",
            "end_reason",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2}), "kind": forms.RadioSelect}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["organisation"].queryset = Organisation.objects.only("pk", "name")
        self.fields["kind"].label = "How the organisation takes part"
        self.fields[
            "office"
        ].help_text = (
            "For a seat held by office, for example 'the Leader'. For a vacant seat, who it is for (optional)."
        )
        self.fields["role"].help_text = "For a seat only."
        self.fields["is_voting"].help_text = "Only a seat held by an office votes; a vacant seat has no one to vote."
