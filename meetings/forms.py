from django import forms
from django.core.exceptions import ValidationError

from partnerships.concurrency import VersionedModelForm
from partnerships.govuk import DateField, Form, ModelForm
from partnerships.models import Membership, Organisation, Person

from . import voting
from .item_links import item_links
from .models import Action, AgendaItem, Decision, Meeting, StandingItem
from .papers import check_pdf
from .services.agenda import agenda_item_links_save


class TimeInput(forms.TimeInput):
    input_type = "time"


class MeetingForm(VersionedModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "title", "date", "start_time", "end_time", "host", "venue"]
        widgets = {
            "kind": forms.RadioSelect,
            "start_time": TimeInput(format="%H:%M"),
            "end_time": TimeInput(format="%H:%M"),
        }
        labels = {"title": "Title (optional)", "start_time": "Starts at", "end_time": "Ends at"}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["date"] = DateField(
            label="Date",
            help_text="For example, 14 3 2024.",
            error_messages={"required": "Enter the date of the meeting."},
        )
        self.fields["start_time"].error_messages["required"] = "Enter the time the meeting starts, for example 14:00."
        self.fields["end_time"].error_messages["required"] = "Enter the time the meeting ends, for example 16:00."
        self.fields["start_time"].widget.attrs["class"] += " rt-input--time"
        self.fields["end_time"].widget.attrs["class"] += " rt-input--time"
        self.fields["host"].queryset = Organisation.objects.filter(
            memberships__partnership=partnership, memberships__end_date__isnull=True
        ).distinct()
        self.fields[
            "host"
        ].empty_label = f"No host: use the fallback venue ({partnership.fallback_venue or 'none set'})"
        self.fields["venue"].label = "Room and address"
        self.fields["venue"].required = False


class ScheduleYearForm(Form):
    first_date = DateField(
        label="Date of the first meeting",
        help_text="The rest follow the partnership's pattern on the same weekday of the month, for example the "
        "second Tuesday.",
    )


class CancelForm(Form):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        max_length=300,
        help_text="Members and the public see this reason.",
        error_messages={"required": "Enter why the meeting is cancelled."},
    )


class AgendaItemForm(VersionedModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "summary",
            "presenter",
            "duration_minutes",
            "key_decision",
            "guests",
        ]
        widgets = {"kind": forms.Select, "guests": forms.CheckboxSelectMultiple}
        labels = {"presenter": "Presented by", "guests": "Guests invited for this item"}

    def __init__(self, *args, meeting, **kwargs):
        # The reports an item may take come from the apps above meetings, each registered as an ItemLink.
        self.links = item_links()
        self.base_fields = {
            **type(self).base_fields,
            **{
                link.name: forms.ModelChoiceField(
                    queryset=link.model.objects.none(),
                    required=False,
                    label=f"{link.label} (optional)",
                    help_text=link.help_text,
                )
                for link in self.links
            },
        }
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        people = Person.objects.filter(
            memberships__partnership_id=meeting.partnership_id, memberships__end_date__isnull=True
        ).distinct()
        self.fields["presenter"].queryset = people.select_related("organisation")
        self.fields["presenter"].required = False
        self.fields["guests"].queryset = (
            Person.objects.filter(
                memberships__partnership_id=meeting.partnership_id,
                memberships__role=Membership.Role.GUEST,
            )
            .distinct()
            .order_by("last_name")
        )
        self.fields["guests"].help_text = (
            "Guests are listed on the partnership's membership with the role 'Guest'. They speak to the item "
            "but do not vote."
        )
        self.fields["title"].error_messages["required"] = "Enter the item's title."
        for link in self.links:
            self.fields[link.name].queryset = link.choices(meeting.partnership_id)
            if self.instance.pk and (report := link.taken(self.instance)) is not None:
                self.initial.setdefault(link.name, report.pk)

    def _save_m2m(self):
        super()._save_m2m()
        agenda_item_links_save(
            item=self.instance, taken={link.name: self.cleaned_data.get(link.name) for link in self.links}
        )


class PaperForm(Form):
    title = forms.CharField(
        label="Title of the paper", max_length=200, error_messages={"required": "Enter the title of the paper."}
    )
    is_confidential = forms.TypedChoiceField(
        label="Who may read it?",
        choices=[("false", "Public: anyone who may see the meeting"), ("true", "Confidential: members only")],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who may read the paper."},
    )
    file = forms.FileField(
        label="Upload a PDF",
        help_text="PDF only, up to 25 MB. Password-protected PDFs cannot be included in the pack.",
        error_messages={"required": "Select a PDF to upload.", "empty": "The selected file is empty. Choose it again."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_pdf(upload, title=self.cleaned_data.get("title", ""))
        return upload


class ReplacePaperForm(Form):
    file = forms.FileField(
        label="Upload the new version",
        help_text="PDF only, up to 25 MB. The earlier version is kept.",
        error_messages={"required": "Select a PDF to upload.", "empty": "The selected file is empty. Choose it again."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_pdf(upload)
        return upload


class DeclarationForm(Form):
    person = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        label="Who is declaring?",
        error_messages={"required": "Choose who is declaring the interest."},
    )
    item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        label="Agenda item",
        error_messages={"required": "Choose the agenda item the interest relates to."},
    )
    nature = forms.CharField(
        label="Nature of the interest",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the interest."},
    )
    left_the_room = forms.BooleanField(label="Left the meeting for this item", required=False)

    def __init__(self, *args, meeting, people, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.order_by("position")
        self.fields["item"].label_from_instance = lambda item: f"{item.position}. {item.title}"
        if person is not None:
            # A member declares only for themselves: whoever else a posted form names is ignored.
            del self.fields["person"]
        else:
            self.fields["person"].queryset = Person.objects.filter(pk__in=[p.pk for p in people])


CHOICE_LABELS = [("", "Did not vote"), *[(c.value, c.value.capitalize()) for c in voting.Choice]]


class DecisionForm(Form):
    resolution = forms.CharField(
        label="What was resolved",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the meeting resolved."},
    )
    method = forms.ChoiceField(
        label="How was it decided?",
        choices=[
            ("consensus", "By consensus"),
            ("count", "By a vote, recording the number of votes"),
            ("named", "By a vote, recording how each person voted"),
        ],
        widget=forms.RadioSelect,
        initial="consensus",
        error_messages={"required": "Say how the decision was made."},
    )
    votes_for = forms.IntegerField(label="Votes for", min_value=0, required=False)
    votes_against = forms.IntegerField(label="Votes against", min_value=0, required=False)
    abstentions = forms.IntegerField(label="Abstentions", min_value=0, required=False)
    required_voter_choice = forms.ChoiceField(label="", choices=CHOICE_LABELS, required=False)
    casting_vote = forms.ChoiceField(
        label="The chair's casting vote, if the votes were tied",
        choices=[("", "Not needed"), ("for", "For"), ("against", "Against")],
        required=False,
    )

    def __init__(self, *args, partnership, voters, **kwargs):
        super().__init__(*args, **kwargs)
        self.voters = voters
        for field in ("votes_for", "votes_against", "abstentions"):
            self.fields[field].widget.attrs["class"] += " govuk-input--width-3"
        if partnership.voting_rule == partnership.VotingRule.MAJORITY_INCLUDING_MEMBER and partnership.required_voter:
            self.fields[
                "required_voter_choice"
            ].label = f"How {partnership.required_voter} (or whoever acted in their place) voted"
            self.fields["required_voter_choice"].help_text = "The majority must include this vote. Needed for a count."
        else:
            del self.fields["required_voter_choice"]
        if not partnership.chair_has_casting_vote:
            del self.fields["casting_vote"]
        for person in voters:
            self.fields[f"vote_{person.key}"] = forms.ChoiceField(
                label=person.name + (f" (for {person.stands_in_for_name})" if person.stands_in_for_name else ""),
                choices=CHOICE_LABELS,
                required=False,
            )

    def vote_fields(self):
        return [self[name] for name in self.fields if name.startswith("vote_")]

    def count_fields(self):
        return [self[name] for name in ("votes_for", "votes_against", "abstentions")]

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("method")
        if method == "count":
            for name in ("votes_for", "votes_against"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(name, f"Enter the number of {self.fields[name].label.lower()}, or 0.")
        if method == "named":
            named = self.named_votes()
            if not named:
                raise ValidationError("Record how at least one person voted.")
        return cleaned

    def named_votes(self) -> dict[int, voting.Choice]:
        """Named votes from the form, including any posted for people not listed (the service refuses those)."""
        votes = {}
        for key, value in self.data.items():
            if key.startswith("vote_") and value:
                try:
                    votes[int(key.removeprefix("vote_"))] = voting.Choice(value)
                except ValueError:
                    continue
        return votes

    def votes(self):
        method = self.cleaned_data["method"]
        if method == "consensus":
            return Decision.Method.CONSENSUS, None
        if method == "count":
            choice = self.cleaned_data.get("required_voter_choice")
            return Decision.Method.VOTE, voting.Tally(
                votes_for=self.cleaned_data["votes_for"] or 0,
                votes_against=self.cleaned_data["votes_against"] or 0,
                abstentions=self.cleaned_data.get("abstentions") or 0,
                required_voter_choice=voting.Choice(choice) if choice else None,
            )
        return Decision.Method.VOTE, self.named_votes()

    def casting(self):
        value = self.cleaned_data.get("casting_vote")
        return voting.Choice(value) if value else None


class ActionForm(VersionedModelForm):
    class Meta:
        model = Action
        fields = ["description", "item", "owner", "due_date", "status", "update"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "update": forms.Textarea(attrs={"rows": 3})}
        labels = {"description": "What is to be done", "owner": "Who will do it", "item": "Agenda item (optional)"}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.raised_at = meeting
        self.instance.partnership_id = meeting.partnership_id
        self.fields["item"].queryset = meeting.items.order_by("position")
        self.fields["item"].label_from_instance = lambda item: f"{item.position}. {item.title}"
        self.fields["owner"].queryset = Person.objects.filter(
            memberships__partnership_id=meeting.partnership_id
        ).distinct()
        self.fields["due_date"] = DateField(label="Due date", required=False, help_text="For example, 30 6 2024.")
        self.fields["description"].error_messages["required"] = "Enter what is to be done."
        if not self.instance.pk:
            del self.fields["update"]


class MinutesForm(Form):
    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=f"{item.position}. {item.title}",
                required=False,
                initial=item.minutes,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def minutes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(f"item_{item.pk}", "") for item in self.items}


class ApproveMinutesForm(Form):
    recorded = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        label="Which meeting's minutes were approved?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the meeting whose minutes were approved."},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recorded"].queryset = candidates
        self.fields["recorded"].label_from_instance = lambda m: f"{m.name}, {m.date:%-d %B %Y}"


class StandingItemForm(ModelForm):
    kind = forms.ChoiceField(label="Kind", choices=AgendaItem.Kind.choices, initial=AgendaItem.Kind.OTHER)

    class Meta:
        model = StandingItem
        fields = ["title", "kind", "duration_minutes", "at_end"]
        labels = {"duration_minutes": "Duration in minutes (optional)", "at_end": "Put it at the end of the agenda"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = "Enter the standing item's title."
