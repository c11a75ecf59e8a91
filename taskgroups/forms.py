import datetime as dt

from django import forms
from django.db.models import Q

from partnerships.collation import by_name
from partnerships.concurrency import VersionedModelForm
from partnerships.govuk import DateField, Form, ModelForm, VersionField
from partnerships.models import Membership, Organisation, Person

from .models import Challenge, GroupReport, Milestone, TaskGroup, TaskGroupMember
from .themes import theme_choices

ORDERINGS = {
    "priority": ("Priority, highest first", ["priority", "stage_order", "-raised_on"]),
    "stage": ("Stage in the cycle", ["stage_order", "priority", "-raised_on"]),
    "raised": ("Most recently raised", ["-raised_on", "-pk"]),
    "moved": ("Most recently moved on", ["-stage_changed_on", "-pk"]),
}


def _seat_holders(partnership, *extra_ids):
    """People with a current seat on the partnership, and anyone already chosen."""
    seated = Membership.objects.current().seats().filter(partnership=partnership).values("person_id")
    return (
        Person.objects.filter(Q(pk__in=seated) | Q(pk__in=[pk for pk in extra_ids if pk]))
        .select_related("organisation")
        .order_by(*by_name())
    )


def _person_label(person: Person) -> str:
    return f"{person.display_name} ({person.organisation.name})" if person.organisation_id else person.display_name


class ChallengeFilterForm(Form):
    stage = forms.ChoiceField(label="Stage", required=False, choices=[("", "All stages"), *Challenge.Stage.choices])
    priority = forms.ChoiceField(
        label="Priority",
        required=False,
        choices=[
            ("", "All priorities"),
            *[(str(v), label) for v, label in Challenge.Priority.choices],
            ("none", "Not yet prioritised"),
        ],
    )
    show = forms.ChoiceField(
        label="Open or closed",
        required=False,
        choices=[("open", "Open challenges"), ("all", "Open and closed"), ("closed", "Closed challenges")],
    )
    order = forms.ChoiceField(
        label="Order by", required=False, choices=[(key, label) for key, (label, _fields) in ORDERINGS.items()]
    )

    def __init__(self, *args, themes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if themes:
            self.fields["theme"] = forms.ChoiceField(
                label="Theme",
                required=False,
                choices=[("", "All themes"), *[(str(t.pk), str(t)) for t in themes]],
                widget=forms.Select(attrs={"class": "govuk-select"}),
            )
            self.order_fields(["stage", "theme", "priority", "show", "order"])


class ChallengeForm(VersionedModelForm):
    raised_on = DateField(label="Date raised", help_text="For example 27 3 2023.")

    class Meta:
        model = Challenge
        fields = [
            "title",
            "description",
            "raised_by",
            "raised_by_organisation",
            "raised_on",
            "priority",
            "themes",
            "follows_from",
        ]
        labels = {
            "raised_by": "Raised by (optional)",
            "raised_by_organisation": "Organisation that raised it",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "priority": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["raised_by"].queryset = _seat_holders(partnership, self.instance.raised_by_id)
        self.fields["raised_by"].label_from_instance = _person_label
        self.fields["raised_by"].help_text = "A current member of the partnership."
        self.fields["raised_by_organisation"].queryset = Organisation.objects.only("pk", "name")
        self.fields["priority"].choices = [("", "Not yet prioritised"), *Challenge.Priority.choices]
        earlier = Challenge.objects.filter(partnership=partnership).only("pk", "title")
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk)
        self.fields["follows_from"].queryset = earlier
        themes = self.fields["themes"]
        themes.queryset = themes.queryset.filter(pk__in=[theme.pk for theme in theme_choices(partnership)])
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("raised_on", dt.date.today())


class ChallengeMoveForm(Form):
    stage = forms.ChoiceField(
        label="Move the challenge to",
        choices=Challenge.Stage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the stage the challenge moves to."},
    )
    changed_on = DateField(label="Date the stage changed", help_text="For example 27 3 2023.")
    note = forms.CharField(
        label="What the partnership did (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example the meeting where it was discussed, or who was influenced.",
    )
    version = VersionField()

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(v, label) for v, label in Challenge.Stage.choices if v != challenge.stage]
        self.fields["version"].initial = challenge.version
        self.fields["changed_on"].initial = dt.date.today()


class TaskGroupForm(VersionedModelForm):
    start_date = DateField(label="Start date", help_text="For example 1 4 2023.")
    end_date = DateField(label="Required end date", help_text="Task-and-finish groups have a clear project end date.")

    class Meta:
        model = TaskGroup
        fields = [
            "name",
            "challenge",
            "objectives",
            "lead_person",
            "lead_organisation",
            "link_member",
            "start_date",
            "end_date",
            "report_every_months",
        ]
        labels = {"lead_person": "Lead person", "name": "Name of the group"}
        widgets = {"objectives": forms.Textarea(attrs={"rows": 5}), "report_every_months": forms.RadioSelect}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        challenges = Challenge.objects.filter(partnership=partnership).only("pk", "title")
        if not self.instance.pk:
            challenges = challenges.open()
        self.fields["challenge"].queryset = challenges
        self.fields["challenge"].help_text = "The issue the group is established to work on."
        group_people = (
            TaskGroupMember.objects.filter(group_id=self.instance.pk).values_list("person_id", flat=True)
            if self.instance.pk
            else []
        )
        leads = _seat_holders(partnership, self.instance.lead_person_id, *group_people)
        self.fields["lead_person"].queryset = leads
        self.fields["lead_person"].label_from_instance = _person_label
        self.fields["lead_person"].help_text = (
            "Someone with the knowledge, expertise and networks to make things happen. "
            "To choose someone from outside the partnership, add them to the group first."
        )
        self.fields["lead_organisation"].queryset = Organisation.objects.only("pk", "name")
        self.fields[
            "lead_organisation"
        ].help_text = "The organisation leading the group, inside or outside the partnership."
        link = self.fields["link_member"]
        link.queryset = _seat_holders(partnership)
        link.label_from_instance = _person_label
        link.required = False
        link.error_messages["invalid_choice"] = (
            f"Choose a current member of the steering group of {partnership}: "
            "the person chosen no longer holds a seat on it."
        )


class DefinitionForm(VersionedModelForm):
    class Meta:
        model = TaskGroup
        fields = ["problem_definition"]
        widgets = {"problem_definition": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problem_definition"].required = True
        self.fields["problem_definition"].error_messages["required"] = "Write the definition of the problem."


class GroupStatusForm(Form):
    status = forms.ChoiceField(label="Status", widget=forms.RadioSelect)
    version = VersionField()

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label)
            for value, label in TaskGroup.Status.choices
            if value not in (TaskGroup.Status.CLOSED, group.status)
        ]
        self.fields["version"].initial = group.version


class CloseGroupForm(Form):
    outcomes = forms.CharField(
        label="Outcomes against the objectives",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="For each objective, what the group achieved.",
        error_messages={"required": "Review the outcomes against the objectives before closing the group."},
    )
    evidence = forms.CharField(
        label="Evidence",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Figures, reports or decisions that show the outcomes.",
        error_messages={"required": "Give the evidence for the outcomes."},
    )
    outcomes_reviewed_on = DateField(label="Date the outcomes were reviewed")
    closed_on = DateField(label="Date the group closed")
    follow_on_title = forms.CharField(
        label="New challenge the group identified (optional)",
        required=False,
        max_length=200,
        help_text="The group's work may lead to new or related issues for the partnership's programme.",
    )
    follow_on_description = forms.CharField(
        label="Describe the new challenge", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = VersionField()

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["version"].initial = group.version
        today = dt.date.today()
        self.fields["outcomes_reviewed_on"].initial = today
        self.fields["closed_on"].initial = today

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("follow_on_title") and not cleaned.get("follow_on_description", "").strip():
            self.add_error("follow_on_description", "Describe the new challenge, or leave its title empty.")
        if cleaned.get("follow_on_description", "").strip() and not cleaned.get("follow_on_title"):
            self.add_error("follow_on_title", "Give the new challenge a title.")
        closed_on, reviewed_on = cleaned.get("closed_on"), cleaned.get("outcomes_reviewed_on")
        today = dt.date.today()
        if closed_on and closed_on > today:
            self.add_error("closed_on", "The date the group closed cannot be in the future.")
        if closed_on and closed_on < self.group.start_date:
            self.add_error(
                "closed_on", f"The group started on {self.group.start_date:%-d %B %Y}: it cannot close before."
            )
        if reviewed_on and reviewed_on > today:
            self.add_error("outcomes_reviewed_on", "The date of the review cannot be in the future.")
        return cleaned


class MemberForm(ModelForm):
    joined_on = DateField(label="Date they joined")

    class Meta:
        model = TaskGroupMember
        fields = ["role", "organisation", "expertise", "joined_on"]
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args, group, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.group = group
        self.instance.person = person
        self.fields["organisation"].queryset = Organisation.objects.only("pk", "name")
        self.fields["organisation"].help_text = "Leave empty to use the organisation on their record."
        if not self.is_bound:
            self.initial.setdefault("joined_on", dt.date.today())
            if person.organisation_id:
                self.initial.setdefault("organisation", person.organisation_id)


class NewPersonForm(Form):
    """Someone not yet in the register, added on the spot."""

    honorific = forms.CharField(
        label="Title (optional)", required=False, max_length=40, help_text="For example Cllr, Dr."
    )
    first_name = forms.CharField(label="First name", max_length=100)
    last_name = forms.CharField(label="Last name", max_length=100)
    job_title = forms.CharField(label="Job title (optional)", required=False, max_length=200)
    email = forms.EmailField(label="Email address (optional)", required=False)
    organisation = forms.ModelChoiceField(
        label="Organisation in the register", queryset=Organisation.objects.none(), required=False
    )
    new_organisation_name = forms.CharField(
        label="Or an organisation not yet in the register",
        required=False,
        max_length=200,
        help_text="Members may come from organisations outside the partnership.",
    )
    new_organisation_sector = forms.ChoiceField(
        label="Sector of the new organisation",
        required=False,
        choices=[("", "Choose a sector"), *Organisation.Sector.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.only("pk", "name")
        self.fields["honorific"].widget.attrs["class"] += " govuk-input--width-10"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_organisation_name"):
            if cleaned.get("organisation"):
                self.add_error(
                    "new_organisation_name", "Choose an organisation in the register or name a new one, not both."
                )
            elif (
                not cleaned.get("new_organisation_sector")
                and not Organisation.objects.filter(name__iexact=cleaned["new_organisation_name"]).exists()
            ):
                self.add_error("new_organisation_sector", "Choose the sector of the new organisation.")
        return cleaned


class MilestoneForm(VersionedModelForm):
    due_on = DateField(label="Due date")
    completed_on = DateField(label="Date done", required=False, help_text="Only when the milestone is done.")

    class Meta:
        model = Milestone
        fields = ["title", "due_on", "status", "completed_on", "notes"]
        widgets = {"status": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.group = group


class ReportForm(ModelForm):
    presented_on = DateField(label="Date reported to the steering group")

    class Meta:
        model = GroupReport
        fields = ["title", "presented_on", "summary", "asks"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6}), "asks": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.group = group
        if not self.is_bound:
            self.initial.setdefault("presented_on", dt.date.today())
