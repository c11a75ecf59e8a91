"""Form fields and widgets styled and behaving as GOV.UK Frontend's components."""

import datetime as dt
import re
import uuid

from django import forms
from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .form_numbers import EARLIEST_YEAR, LATEST_YEAR, bound_number, constraint_minimums, phrase
from .models import FormSubmission


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes that keep what was typed."""

    template_name = "includes/widgets/date.html"

    def __init__(self, attrs=None):
        def box(width: int) -> forms.TextInput:
            return forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "class": f"govuk-input govuk-date-input__input govuk-input--width-{width}",
                }
            )

        super().__init__({"day": box(2), "month": box(2), "year": box(4)}, attrs)

    def id_for_label(self, id_):
        # The day box is the first control: error-summary links and labels land on it.
        return f"{id_}_0" if id_ else id_

    def decompress(self, value):
        if isinstance(value, str) and value:
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        whole = data.get(name)
        if whole and isinstance(whole, str):  # ?as_at=2023-03-31 in an address
            parts = self.decompress(whole)
            return parts if any(parts) else ["", "", whole]
        parts = super().value_from_datadict(data, files, name)
        return parts if any(part not in (None, "") for part in parts) else None


class DateField(forms.Field):
    """A date from three boxes, with the error messages of the GOV.UK design system."""

    widget = DateInput
    default_error_messages = {
        "required": "Enter the date.",
        "invalid": "Enter a real date, for example 27 3 2023.",
        "year": "The year must include 4 numbers.",
        "range": f"The date must be between {EARLIEST_YEAR} and {LATEST_YEAR}.",
    }

    def __init__(self, *, min_year=EARLIEST_YEAR, max_year=LATEST_YEAR, **kwargs):
        self.min_year, self.max_year = min_year, max_year
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        day, month, year = (str(part or "").strip() for part in value)
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if len(missing) == 3:
            return None
        if missing:
            raise ValidationError(f"The date must include a {' and a '.join(missing)}.", code="incomplete")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if len(year) != 4:
            raise ValidationError(self.error_messages["year"], code="year")
        try:
            value = dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not self.min_year <= value.year <= self.max_year:
            raise ValidationError(self.error_messages["range"], code="range")
        return value


class FastSelect(forms.Select):
    """The same <select> markup, built in Python rather than one template per option.

    A register of hundreds of organisations makes Django's per-option templates the slowest part of a form.
    """

    def render(self, name, value, attrs=None, renderer=None):
        values = value if isinstance(value, (list, tuple)) else [value]
        chosen = {str(v) for v in values if v is not None and v != ""}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, mark_safe(" selected") if str(option_value) in chosen else "", label)
                for option_value, label in self._flat_choices()
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)

    def _flat_choices(self):
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                yield from ((v, lbl) for v, lbl in label)
            else:
                yield ("" if option_value is None else option_value), label


class FastSelectMultiple(FastSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return forms.SelectMultiple.value_from_datadict(self, data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return False


_WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    FastSelect: "govuk-select",
    FastSelectMultiple: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}


NUL_MESSAGE = "Remove the hidden NUL character (\\0) from the text."


def _refusing_overflow(field):
    """A choice number too big for the database is a wrong choice, not a crash."""
    clean = field.clean

    def checked(value):
        try:
            return clean(value)
        except (OverflowError, ValueError, TypeError):
            code = "invalid_choice" if "invalid_choice" in field.error_messages else "invalid"
            message = field.error_messages.get(code, "Select a valid choice.")
            raise ValidationError(message, code=code, params={"value": "", "pk": ""}) from None

    return checked


def query_text(value, *, limit: int = 200) -> str:
    """Text from an address, without NUL characters (PostgreSQL refuses them) and of a sensible length."""
    return str(value or "").replace("\x00", "").strip()[:limit]


def query_int(value, *, low: int = 0, high: int = 2**31 - 1) -> int | None:
    """A whole number from an address, or None for anything else, however long."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        return None
    number = int(text)
    return number if low <= number <= high else None


class SubmissionTokenField(forms.CharField):
    """A create form's one-time token; anything else sent in its place is simply no token."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        return value if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{32}", value) else ""


class VersionField(forms.IntegerField):
    """The version a form started from; a garbled one is treated as out of date, so the officer sees why."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        try:
            number = int(str(value))
        except (TypeError, ValueError):
            return None
        return number if 0 < number < 2**31 else None


_DJANGO_REQUIRED = {str(forms.Field.default_error_messages["required"]), DateField.default_error_messages["required"]}


def required_message(field) -> str:
    """What to do, in the words of the GOV.UK patterns: "Enter the title", "Choose who may read the paper"."""
    label = field.label
    if isinstance(field, forms.FileField):
        return f"Choose {phrase(label or 'file')} to upload."
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)) or isinstance(field.widget, forms.Select):
        return f"Choose {phrase(label or 'an option')}."
    if isinstance(field, forms.BooleanField):
        return f"Tick the box to confirm {phrase(label)}."
    return f"Enter {phrase(label or 'a value')}."


class GovukBoundField(forms.BoundField):
    """Each control names its hint and its error, by the ids the field template gives them."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if self.use_fieldset or not self.auto_id or self.is_hidden:
            return attrs
        described = [part for part in (attrs.get("aria-describedby") or "").split() if part]
        described = [part for part in described if part not in (self.hint_id, self.error_id)]
        if self.field.help_text:
            described.append(self.hint_id)
        if self.errors:
            described.append(self.error_id)
            attrs["aria-invalid"] = "true"
        if described:
            attrs["aria-describedby"] = " ".join(described)
        else:
            attrs.pop("aria-describedby", None)
        return attrs

    @property
    def hint_id(self):
        return f"{self.auto_id}_helptext" if self.auto_id else ""

    @property
    def error_id(self):
        return f"{self.auto_id}_error" if self.auto_id else ""

    @property
    def described_by(self):
        """For a fieldset: its hint and its error."""
        return " ".join(
            part for part, wanted in ((self.hint_id, self.field.help_text), (self.error_id, self.errors)) if wanted
        )

    @property
    def label_text(self):
        """The label, saying once that the field may be left empty."""
        label = str(self.label or "")
        if self.field.required or "(optional)" in label.lower() or self.widget_type == "checkbox":
            return label
        return f"{label} (optional)"

    @property
    def first_control_id(self):
        """Where an error-summary link lands: the control itself, the first radio or the day box."""
        widget = self.field.widget
        if not self.auto_id:
            return ""
        if isinstance(widget, forms.MultiWidget):
            return f"{self.auto_id}_0"
        if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
            # The first choice; with no choices at all, the group's fieldset.
            return f"{self.auto_id}_0" if list(self.field.choices) else self.auto_id
        return self.id_for_label or self.auto_id


class GovukFormMixin:
    """Gives every widget its GOV.UK class, swaps Django date fields for the GOV.UK date input, and bounds numbers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = getattr(getattr(self, "_meta", None), "model", None)
        minimums = constraint_minimums(model) if model else {}
        for name, field in list(self.fields.items()):
            if isinstance(field, forms.DateField) and not isinstance(field, DateField):
                replacement = DateField(
                    required=field.required, label=field.label, help_text=field.help_text, initial=field.initial
                )
                self.fields[name] = field = replacement
            if isinstance(field, forms.CharField):
                for validator in field.validators:
                    if isinstance(validator, validators.ProhibitNullCharactersValidator):
                        validator.message = NUL_MESSAGE
            self._prepare(name, field, model, minimums)
            widget = field.widget
            if isinstance(widget, DateInput):
                continue
            if type(widget) in (forms.Select, forms.SelectMultiple):
                fast = FastSelect if type(widget) is forms.Select else FastSelectMultiple
                field.widget = widget = fast(attrs=widget.attrs)
                widget.choices = field.choices
            css = next((css for kind, css in _WIDGET_CLASSES.items() if type(widget) is kind), None)
            if css is None and isinstance(widget, forms.widgets.Input):
                css = "govuk-input"
            if css:
                existing = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{css} {existing}".strip()

    def _prepare(self, name, field, model, minimums):
        """Bounds and safe choices, once per field, including fields a form swaps in after this mixin ran."""
        if getattr(field, "_govuk_prepared", False):
            return
        field._govuk_prepared = True
        bound_number(name, field, model, minimums.get(name))
        if isinstance(field, forms.ModelChoiceField):
            field.clean = _refusing_overflow(field)

    def add_error(self, field, error):
        """A rule about a field this form does not show is told above the form, never a crash."""
        if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            error = error.error_dict
        if isinstance(error, dict):
            moved = {}
            for name, problems in error.items():
                key = name if name in self.fields or name == NON_FIELD_ERRORS else NON_FIELD_ERRORS
                moved.setdefault(key, []).extend(problems if isinstance(problems, list) else [problems])
            for name, problems in moved.items():
                super().add_error(None if name == NON_FIELD_ERRORS else name, problems)
            return
        if field is not None and field not in self.fields:
            field = None
        super().add_error(field, error)

    def full_clean(self):
        model = getattr(getattr(self, "_meta", None), "model", None)
        minimums = constraint_minimums(model) if model else {}
        for name, field in self.fields.items():
            self._prepare(name, field, model, minimums)
            if field.error_messages.get("required") in _DJANGO_REQUIRED:
                field.error_messages["required"] = required_message(field)
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            css = widget.attrs.get("class", "")
            for base in ("govuk-input", "govuk-select", "govuk-textarea"):
                if css.split(" ")[0] == base and f"{base}--error" not in css:
                    widget.attrs["class"] = f"{css} {base}--error"


class Form(GovukFormMixin, forms.Form):
    bound_field_class = GovukBoundField


class ModelForm(GovukFormMixin, forms.ModelForm):
    """A create form carries a one-time token, so sending it twice makes one record."""

    bound_field_class = GovukBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.already_sent = False
        if not self.instance.pk and not self.prefix:
            self.fields["submission_token"] = SubmissionTokenField(initial=uuid.uuid4().hex)

    def full_clean(self):
        """A create form sent again after it made its record is not checked again: saving it gives that record."""
        token = self.data.get(self.add_prefix("submission_token")) if self.is_bound else None
        if (
            token
            and "submission_token" in self.fields
            and re.fullmatch(r"[0-9a-f]{32}", str(token))
            and FormSubmission.objects.filter(token=token).exclude(model="").exists()
        ):
            self.already_sent = True
            self._errors = forms.utils.ErrorDict()
            self.cleaned_data = {}
            self._clean_fields()
            return
        super().full_clean()
