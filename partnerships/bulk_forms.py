"""The forms of the members-in-bulk pages: the list to check, the rows to confirm, seats to end, a login to give."""

import datetime as dt

from django import forms
from django.core import signing

from . import bulk
from .govuk import DateField, Form
from .models import Membership

STAGED_SALT = "partnerships.members-import"
STAGED_MAX_AGE = 24 * 60 * 60
MAX_UPLOAD = 2 * 1024 * 1024


class MembersImportForm(Form):
    pasted = forms.CharField(
        label="Paste the list",
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text=(
            "One member a line, copied from a spreadsheet or typed with commas: first name, last name, email, "
            "organisation, role, start date, end date, job title. A first line of headings may name the columns "
            "in any order, and may add Honorific and Lead representative (yes or no)."
        ),
    )
    upload = forms.FileField(
        label="Or choose a CSV or XLSX file",
        required=False,
        help_text="Up to 2 MB, with the same columns. Its rows are put in the box above, so you can correct them.",
    )

    def clean(self):
        data = super().clean()
        self.rows: list[dict] = []
        upload = data.get("upload")
        try:
            if upload:
                if upload.size > MAX_UPLOAD:
                    raise bulk.ListUnreadable("The file is larger than 2 MB: split the list.")
                self.rows = bulk.rows_from_file(upload)
            elif "pasted" in data:
                self.rows = bulk.rows_from_text(data["pasted"])
        except bulk.ListUnreadable as error:
            self.add_error("upload" if upload else "pasted", str(error))
        return data


class ImportConfirmForm(Form):
    """The rows as checked, signed so that what was previewed is what is saved."""

    staged = forms.CharField(widget=forms.HiddenInput, max_length=400_000)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    @staticmethod
    def sign(partnership, rows: list[dict]) -> str:
        return signing.dumps({"partnership": partnership.pk, "rows": rows}, salt=STAGED_SALT, compress=True)

    def clean_staged(self):
        try:
            staged = signing.loads(self.cleaned_data["staged"], salt=STAGED_SALT, max_age=STAGED_MAX_AGE)
        except signing.BadSignature as error:
            raise forms.ValidationError("The checked list has expired or was changed: check the list again.") from error
        if staged.get("partnership") != self.partnership.pk or not isinstance(staged.get("rows"), list):
            raise forms.ValidationError("The checked list is for another partnership: check the list again.")
        return [row for row in staged["rows"] if isinstance(row, dict)]


class EndSeatsForm(Form):
    seats = forms.ModelMultipleChoiceField(
        label="Seats to end",
        queryset=Membership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one seat to end."},
    )
    end_date = DateField(label="Date the seats end", required=True)
    end_reason = forms.CharField(label="Reason (optional)", max_length=300, required=False)

    def __init__(self, *args, partnership, **kwargs):
        # Prefixed: the members page may also hold one seat's own end form, with the same field names.
        kwargs.setdefault("prefix", "several")
        super().__init__(*args, **kwargs)
        self.fields["seats"].queryset = (
            Membership.objects.current()
            .filter(partnership=partnership, end_date__isnull=True)
            .select_related("person", "organisation")
            .order_by("person__last_name", "person__first_name", "pk")
        )
        self.fields["seats"].label_from_instance = lambda m: (
            f"{m.person}, {m.get_role_display().lower()}{f' for {m.organisation}' if m.organisation else ''}"
        )
        if not self.is_bound:
            self.initial["end_date"] = dt.date.today()


class InviteForm(Form):
    email = forms.EmailField(
        label="Email address for the login",
        max_length=254,
        help_text="An invitation goes to this address, with a link to choose a password and sign in.",
    )
    make_officer = forms.BooleanField(
        label="Officer of this partnership",
        required=False,
        help_text="Officers change the partnership's records and those of its sub-groups.",
    )
    make_clerk = forms.BooleanField(required=False)

    def __init__(self, *args, clerk_of=None, **kwargs):
        super().__init__(*args, **kwargs)
        if clerk_of is None:
            del self.fields["make_clerk"]
        else:
            self.fields["make_clerk"].label = f"Clerk of {clerk_of}"
            self.fields[
                "make_clerk"
            ].help_text = f"Clerks read every partnership {clerk_of} sits on and download its reports."
