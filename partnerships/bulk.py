"""Members in bulk: many seats from a pasted list or a CSV or XLSX file, and several seats ended at once.

Reading the file is tablib's (with openpyxl for XLSX): one well-kept library reads CSV, tab-separated text
pasted from a spreadsheet and XLSX into the same rows, and nothing more is needed. django-import-export
was the other candidate; its resources and admin screens are built around one model, where a row here
makes a person and a seat, and its preview would be a second way of showing forms beside ours.

Each row is checked by MemberRowForm and by the seat's own rules (Membership.clean); nothing is saved
until every row passes, and then all rows are saved in one transaction.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .concurrency import save_versioned
from .models import Membership, Organisation, Partnership, Person
from .services import membership_end, membership_save

MAX_ROWS = 500
# Column headings a list may start with, and the field each fills; without a heading row the columns
# are taken in the order of COLUMNS.
COLUMNS = ["first_name", "last_name", "email", "organisation", "role", "start_date", "end_date", "job_title"]
HEADINGS = {
    "first name": "first_name",
    "given name": "first_name",
    "forename": "first_name",
    "last name": "last_name",
    "family name": "last_name",
    "surname": "last_name",
    "email": "email",
    "email address": "email",
    "organisation": "organisation",
    "organization": "organisation",
    "organisation represented": "organisation",
    "role": "role",
    "start date": "start_date",
    "from": "start_date",
    "end date": "end_date",
    "to": "end_date",
    "job title": "job_title",
    "honorific": "honorific",
    "lead representative": "lead",
    "lead": "lead",
}
HEADING_FOR = {
    "first_name": "First name",
    "last_name": "Last name",
    "email": "Email",
    "organisation": "Organisation",
    "role": "Role",
    "start_date": "Start date",
    "end_date": "End date",
    "job_title": "Job title",
    "honorific": "Honorific",
    "lead": "Lead representative",
}
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d %H:%M:%S"]
YES, NO = {"yes", "y", "true", "1", "lead"}, {"", "no", "n", "false", "0"}
# Roles a row may give: an alternate needs the lead representative they stand in for, so is added alone.
ROLES = [role for role in Membership.Role if role != Membership.Role.ALTERNATE]


class ListUnreadable(ValueError):
    """The pasted text or file could not be read as rows."""


def _cell(value) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def _rows(dataset: tablib.Dataset) -> list[dict]:
    table = [[_cell(value) for value in row] for row in dataset]
    table = [row for row in table if any(row)]
    if not table:
        raise ListUnreadable("The list has no rows. Give one member a line.")
    fields = COLUMNS
    first = [cell.lower().strip(" *:") for cell in table[0]]
    if sum(cell in HEADINGS for cell in first) >= 2:
        fields = [HEADINGS.get(cell, "") for cell in first]
        table = table[1:]
    if len(table) > MAX_ROWS:
        raise ListUnreadable(f"The list has {len(table)} rows; add at most {MAX_ROWS} at a time.")
    return [{name: value for name, value in zip(fields, row, strict=False) if name} for row in table]


def rows_from_text(text: str) -> list[dict]:
    """Rows from a list pasted from a spreadsheet (tab-separated) or typed as CSV."""
    text = text.strip()
    if not text:
        raise ListUnreadable("Paste the list of members, or choose a file.")
    lines = text.splitlines()
    delimiter = "\t" if "\t" in lines[0] else ","
    width = max(len(row) for row in csv.reader(lines, delimiter=delimiter))
    padded = io.StringIO()
    writer = csv.writer(padded, delimiter=delimiter)
    for row in csv.reader(lines, delimiter=delimiter):
        writer.writerow(row + [""] * (width - len(row)))
    try:
        dataset = tablib.Dataset().load(padded.getvalue(), format="tsv" if delimiter == "\t" else "csv", headers=False)
    except Exception as error:  # tablib raises its formats' own errors
        raise ListUnreadable("The list could not be read: give one member a line, with commas or tabs.") from error
    return _rows(dataset)


def rows_from_file(upload) -> list[dict]:
    """Rows from an uploaded CSV or XLSX file."""
    name = (upload.name or "").lower()
    data = upload.read()
    if name.endswith(".xlsx"):
        try:
            return _rows(tablib.Dataset().load(io.BytesIO(data), format="xlsx", headers=False))
        except ListUnreadable:
            raise
        except Exception as error:
            raise ListUnreadable("The file could not be read as an XLSX spreadsheet.") from error
    if name.endswith((".csv", ".txt", ".tsv")):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        return rows_from_text(text)
    raise ListUnreadable("Choose a CSV or XLSX file.")


def rows_to_text(rows: list[dict]) -> str:
    """The rows as CSV with a heading line, to put back in the box for correcting."""
    used = [name for name in [*COLUMNS, "honorific", "lead"] if any(row.get(name) for row in rows)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([HEADING_FOR[name] for name in used])
    for row in rows:
        writer.writerow([row.get(name, "") for name in used])
    return out.getvalue()


class MemberRowForm(forms.Form):
    """One row of the list: a person (found in the register or new) and their seat."""

    honorific = forms.CharField(max_length=40, required=False)
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    email = forms.EmailField(required=False, max_length=254)
    organisation = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=40, required=False)
    start_date = forms.DateField(required=False, input_formats=DATE_FORMATS)
    end_date = forms.DateField(required=False, input_formats=DATE_FORMATS)
    job_title = forms.CharField(max_length=200, required=False)
    lead = forms.CharField(max_length=10, required=False)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.person: Person | None = None
        self.membership: Membership | None = None

    def clean_organisation(self):
        name = self.cleaned_data["organisation"].strip()
        if not name:
            return None
        found = list(Organisation.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=name))[:2])
        if len(found) != 1:
            raise ValidationError(
                f"No organisation called “{name}” is in the directory: add it first, or check the spelling."
                if not found
                else f"More than one organisation is called “{name}”: give its full name."
            )
        return found[0]

    def clean_role(self):
        given = self.cleaned_data["role"].strip().lower().replace("-", " ")
        if not given:
            return Membership.Role.MEMBER
        for role in ROLES:
            if given in (role.value.replace("_", " "), role.label.lower()):
                return role
        if given == Membership.Role.ALTERNATE.label.lower():
            raise ValidationError("Add an alternate on their own: each stands in for a named lead representative.")
        raise ValidationError(f"Give the role as one of: {', '.join(role.label for role in ROLES)}.")

    def clean_lead(self):
        given = self.cleaned_data["lead"].strip().lower()
        if given not in YES | NO:
            raise ValidationError("Give the lead representative column as yes or no.")
        return given in YES

    def _find_person(self, data) -> Person | None:
        people = Person.objects.select_related("organisation")
        if data.get("email"):
            by_email = list(people.filter(email__iexact=data["email"])[:2])
            if len(by_email) == 1:
                return by_email[0]
        named = list(people.filter(first_name__iexact=data["first_name"], last_name__iexact=data["last_name"])[:3])
        if len(named) > 1:
            raise ValidationError(
                f"{len(named)} people in the register are called {data['first_name']} {data['last_name']}: "
                "add the email address of the one you mean."
            )
        return named[0] if named else None

    def clean(self):
        data = super().clean()
        if self.errors or not {"first_name", "last_name"} <= data.keys():
            return data
        self.person = self._find_person(data)
        membership = Membership(
            partnership=self.partnership,
            person=self.person,
            organisation=data.get("organisation"),
            role=data["role"],
            is_voting=data["role"] in Membership.VOTING_ROLES,
            is_lead_representative=data["lead"],
            start_date=data.get("start_date"),
            end_date=data.get("end_date"),
        )
        try:
            membership.full_clean(exclude=[] if self.person else ["person"])
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                self.add_error(name if name in self.fields else None, problems)
        self.membership = membership
        return data


@dataclass
class PreviewRow:
    number: int
    given: dict
    form: MemberRowForm

    @property
    def errors(self) -> list[str]:
        labels = {name: HEADING_FOR.get(name, name) for name in self.form.fields}
        return [
            f"{labels[name]}: {message}" if name in labels else message
            for name, messages in self.form.errors.items()
            for message in messages
        ]

    @property
    def person(self) -> Person | None:
        return self.form.person


def rows_check(*, partnership: Partnership, rows: list[dict]) -> list[PreviewRow]:
    """Each row through its form, then the rules across rows: a person once, one lead per organisation."""
    checked = [
        PreviewRow(number, given, MemberRowForm(given, partnership=partnership))
        for number, given in enumerate(rows, start=1)
    ]
    seen_people: dict[tuple, int] = {}
    seen_leads: dict[int, int] = {}
    for row in checked:
        if not row.form.is_valid():
            continue
        data = row.form.cleaned_data
        who = (row.person.pk if row.person else (data["first_name"].lower(), data["last_name"].lower()), data["role"])
        if who in seen_people:
            row.form.add_error(None, f"The same person and role are on row {seen_people[who]}.")
        seen_people.setdefault(who, row.number)
        organisation = data.get("organisation")
        if data["lead"] and organisation:
            if organisation.pk in seen_leads:
                row.form.add_error("lead", f"Row {seen_leads[organisation.pk]} is already {organisation}'s lead.")
            seen_leads.setdefault(organisation.pk, row.number)
    return checked


@transaction.atomic
def memberships_import(*, partnership: Partnership, rows: list[PreviewRow], by) -> list[Membership]:
    """Save every checked row, new people first, all or nothing."""
    if not rows or any(not row.form.is_valid() for row in rows):
        raise ValidationError("Every row must be correct before any member is added.")
    saved = []
    for row in rows:
        data = row.form.cleaned_data
        person = row.person
        if person is None:
            person = Person(
                honorific=data["honorific"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                job_title=data["job_title"],
                organisation=data.get("organisation"),
            )
            person._history_user = by
            person.full_clean()
            save_versioned(person)
        membership = row.form.membership
        membership.person = person
        membership._history_user = by
        saved.append(membership_save(membership=membership))
    return saved


@transaction.atomic
def memberships_end_many(*, memberships: list[Membership], end_date: dt.date, reason: str, by) -> list[Membership]:
    """End several seats on one date for one reason; if one cannot end then, none does."""
    problems = []
    for membership in memberships:
        membership._history_user = by
        try:
            membership_end(membership=membership, end_date=end_date, reason=reason)
        except ValidationError as error:
            problems.extend(f"{membership.person}: {message}" for message in error.messages)
    if problems:
        raise ValidationError(problems)
    return memberships
