"""Form fields and widgets styled and behaving as GOV.UK Frontend's components."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


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
        return f"{id_}_day" if id_ else id_

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
        if whole:  # ?as_at=2023-03-31 in an address
            return self.decompress(whole)
        parts = super().value_from_datadict(data, files, name)
        return parts if any(part not in (None, "") for part in parts) else None


class DateField(forms.Field):
    """A date from three boxes, with the error messages of the GOV.UK design system."""

    widget = DateInput
    default_error_messages = {
        "invalid": "Enter a real date, for example 27 3 2023.",
        "year": "The year must include 4 numbers.",
    }

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
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


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


class GovukFormMixin:
    """Gives every widget its GOV.UK class and swaps Django date fields for the GOV.UK date input."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in list(self.fields.items()):
            if isinstance(field, forms.DateField) and not isinstance(field, DateField):
                replacement = DateField(
                    required=field.required, label=field.label, help_text=field.help_text, initial=field.initial
                )
                self.fields[name] = field = replacement
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

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            css = widget.attrs.get("class", "")
            for base in ("govuk-input", "govuk-select", "govuk-textarea"):
                if css.split(" ")[0] == base:
                    widget.attrs["class"] = f"{css} {base}--error"
            widget.attrs["aria-describedby"] = f"{self.add_prefix(name)}-error"


class Form(GovukFormMixin, forms.Form):
    pass


class ModelForm(GovukFormMixin, forms.ModelForm):
    pass
