"""Form fields and widgets styled and behaving as GOV.UK Frontend's components."""

import contextlib
import datetime as dt
import re
import uuid

from django import forms
from django.core import validators
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

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


EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


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


_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges
NUL_MESSAGE = "Remove the hidden NUL character (\\0) from the text."


def _range_error(label, low, high):
    what = str(label or "number").replace(" (optional)", "")
    what = what if what[:2].isupper() else what[:1].lower() + what[1:]
    article = "an" if what[:1].lower() in "aeiou" else "a"
    return f"Enter {article} {what} between {low:,} and {high:,}."


def _constraint_minimums(model):
    """{field name: (bound, inclusive)} from check constraints such as amount >= 0, so the form says it first."""
    found = {}
    for constraint in getattr(model._meta, "constraints", []):
        condition = getattr(constraint, "condition", None)
        if not isinstance(condition, models.Q) or condition.negated or condition.connector != models.Q.AND:
            continue
        for child in condition.children:
            if not isinstance(child, tuple):
                continue
            lookup, bound = child
            name, _, op = lookup.rpartition("__")
            if op in ("gte", "gt") and isinstance(bound, (int, float)) and "__" not in name:
                found[name] = (bound, op == "gte")
    return found


def constraint_error(model, error):
    """The field and a plain message for a database rule the form did not check."""
    text = str(error)
    for constraint in getattr(model._meta, "constraints", []) if model else []:
        columns = [model._meta.get_field(name).column for name in getattr(constraint, "fields", ()) or ()]
        # PostgreSQL names the constraint; SQLite names its columns.
        named = constraint.name and constraint.name in text
        if named or (columns and all(f"{model._meta.db_table}.{column}" in text for column in columns)):
            names = list(getattr(constraint, "fields", ()) or ())
            if not names:
                names = list(_constraint_minimums_for(constraint))
            field = names[-1] if names else None
            label = _label(model, field)
            if isinstance(constraint, models.UniqueConstraint):
                return field, f"There is already one with this {label}. Enter a different {label}."
            return field, f"Check the {label}: it breaks the rule “{constraint.name.replace('_', ' ')}”."
    for field in model._meta.concrete_fields if model else []:
        if field.unique and not field.primary_key and (f".{field.column}" in text or f"({field.column})" in text):
            label = _label(model, field.name)
            return field.name, f"There is already one with this {label}. Enter a different {label}."
    return None, "That could not be saved because it clashes with a record saved at the same moment. Try again."


def _constraint_minimums_for(constraint):
    condition = getattr(constraint, "condition", None)
    names = []
    for child in getattr(condition, "children", []):
        if isinstance(child, tuple):
            names.append(child[0].split("__")[0])
    return names


def _label(model, name):
    if not name:
        return "value"
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - a name from a database message, not always a field
        return name.replace("_", " ")


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


def _phrase(label) -> str:
    """A label as it reads mid-sentence: "Date the stage changed" becomes "the date the stage changed"."""
    text = str(label or "").strip().rstrip("?:").replace(" (optional)", "")
    if text[:2].isupper():  # OSP, CSV
        return f"the {text}"
    text = text[:1].lower() + text[1:]
    if text.split(" ", 1)[0] in ("who", "what", "which", "when", "where", "how", "whether", "why", "the", "a", "an"):
        return text
    return f"the {text}"


def required_message(field) -> str:
    """What to do, in the words of the GOV.UK patterns: "Enter the title", "Choose who may read the paper"."""
    label = field.label
    if isinstance(field, forms.FileField):
        return f"Choose {_phrase(label or 'file')} to upload."
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)) or isinstance(field.widget, forms.Select):
        return f"Choose {_phrase(label or 'an option')}."
    if isinstance(field, forms.BooleanField):
        return f"Tick the box to confirm {_phrase(label)}."
    return f"Enter {_phrase(label or 'a value')}."


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
        minimums = _constraint_minimums(model) if model else {}
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
        self._bound_number(name, field, model, minimums.get(name))
        if isinstance(field, forms.ModelChoiceField):
            field.clean = _refusing_overflow(field)

    def _bound_number(self, name, field, model, minimum):
        """Numbers stay within what the column holds and the rules the database checks, with errors beside them."""
        if not isinstance(field, (forms.IntegerField, forms.DecimalField)):
            return
        low = high = None
        if isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField | forms.FloatField):
            internal = "IntegerField"
            if model is not None:
                with contextlib.suppress(Exception):  # a form-only field
                    internal = model._meta.get_field(name).get_internal_type()
            low, high = _INTEGER_RANGES.get(internal, _INTEGER_RANGES["IntegerField"])
            if name == "year" or name.endswith("_year") and name != "founded_year":
                low, high = max(low, EARLIEST_YEAR), min(high, LATEST_YEAR)
            elif name == "founded_year":
                low, high = max(low, 1800), min(high, LATEST_YEAR)
        if minimum is not None:
            bound, inclusive = minimum
            low = (
                bound
                if inclusive
                else bound
                + (1 if isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField) else 0.01)
            )
            low = max(low, field.min_value) if field.min_value is not None else low
        if low is not None and (field.min_value is None or field.min_value < low):
            field.min_value = low
        if high is not None and (field.max_value is None or field.max_value > high):
            field.max_value = high
        shown_low = field.min_value
        shown_high = field.max_value
        if shown_high is None and isinstance(field, forms.DecimalField) and field.max_digits:
            shown_high = 10 ** (field.max_digits - (field.decimal_places or 0)) - 1
        field.validators = [
            v
            for v in field.validators
            if not isinstance(v, (validators.MinValueValidator, validators.MaxValueValidator))
        ]
        if shown_low is not None:
            message = (
                _range_error(field.label or name.replace("_", " "), shown_low, shown_high)
                if shown_high is not None
                else f"Enter {_phrase(field.label or 'number')} as {shown_low} or more."
            )
            field.validators.append(validators.MinValueValidator(shown_low, message=message))
            if field.max_value is not None:
                field.validators.append(validators.MaxValueValidator(field.max_value, message=message))
        elif field.max_value is not None:
            field.validators.append(validators.MaxValueValidator(field.max_value))
        if field.max_value is not None:
            field.widget.attrs.setdefault("max", field.max_value)
        if field.min_value is not None:
            field.widget.attrs.setdefault("min", field.min_value)
        if isinstance(field, forms.DecimalField) and field.max_digits and shown_low is not None and shown_high:
            field.error_messages["max_digits"] = _range_error(field.label or name, shown_low, shown_high)
            field.error_messages["max_whole_digits"] = field.error_messages["max_digits"]

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
        minimums = _constraint_minimums(model) if model else {}
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
