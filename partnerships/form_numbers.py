"""What a form checks before the database does: numbers within their column and its rules, in plain words."""

import contextlib

from django import forms
from django.core import validators
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def phrase(label) -> str:
    """A label as it reads mid-sentence: "Date the stage changed" becomes "the date the stage changed"."""
    text = str(label or "").strip().rstrip("?:").replace(" (optional)", "")
    if text[:2].isupper():  # OSP, CSV
        return f"the {text}"
    text = text[:1].lower() + text[1:]
    if text.split(" ", 1)[0] in ("who", "what", "which", "when", "where", "how", "whether", "why", "the", "a", "an"):
        return text
    return f"the {text}"


def _range_error(label, low, high):
    what = str(label or "number").replace(" (optional)", "")
    what = what if what[:2].isupper() else what[:1].lower() + what[1:]
    article = "an" if what[:1].lower() in "aeiou" else "a"
    return f"Enter {article} {what} between {low:,} and {high:,}."


def constraint_minimums(model):
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


def _is_whole(field) -> bool:
    return isinstance(field, forms.IntegerField) and not isinstance(field, forms.DecimalField | forms.FloatField)


def _column_range(name, field, model) -> tuple[int | None, int | None]:
    """What a whole-number column holds, narrowed for years."""
    if not _is_whole(field):
        return None, None
    internal = "IntegerField"
    if model is not None:
        with contextlib.suppress(Exception):  # a form-only field
            internal = model._meta.get_field(name).get_internal_type()
    low, high = _INTEGER_RANGES.get(internal, _INTEGER_RANGES["IntegerField"])
    if name == "year" or name.endswith("_year") and name != "founded_year":
        return max(low, EARLIEST_YEAR), min(high, LATEST_YEAR)
    if name == "founded_year":
        return max(low, 1800), min(high, LATEST_YEAR)
    return low, high


def _narrow(field, low, high, minimum) -> None:
    """The field's own bounds, narrowed to the column's range and the database's minimum."""
    if minimum is not None:
        bound, inclusive = minimum
        low = bound if inclusive else bound + (1 if _is_whole(field) else 0.01)
        low = max(low, field.min_value) if field.min_value is not None else low
    if low is not None and (field.min_value is None or field.min_value < low):
        field.min_value = low
    if high is not None and (field.max_value is None or field.max_value > high):
        field.max_value = high


def bound_number(name, field, model, minimum) -> None:
    """Numbers stay within what the column holds and the rules the database checks, with errors beside them."""
    if not isinstance(field, (forms.IntegerField, forms.DecimalField)):
        return
    low, high = _column_range(name, field, model)
    _narrow(field, low, high, minimum)
    shown_low = field.min_value
    shown_high = field.max_value
    if shown_high is None and isinstance(field, forms.DecimalField) and field.max_digits:
        shown_high = 10 ** (field.max_digits - (field.decimal_places or 0)) - 1
    field.validators = [
        v for v in field.validators if not isinstance(v, (validators.MinValueValidator, validators.MaxValueValidator))
    ]
    if shown_low is not None:
        message = (
            _range_error(field.label or name.replace("_", " "), shown_low, shown_high)
            if shown_high is not None
            else f"Enter {phrase(field.label or 'number')} as {shown_low} or more."
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
