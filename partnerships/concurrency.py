"""Saving what officers edit: never over someone else's save, never twice, never a 500 from a rule the form missed."""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from .form_numbers import constraint_error
from .govuk import DateInput, ModelForm, VersionField
from .models import FormSubmission


class StaleEdit(Exception):
    pass


@dataclass
class Conflict:
    """One field the other officer changed: what is saved now, what this officer typed, and which the form shows."""

    label: str
    theirs: str
    yours: str
    kept: str  # "yours" when both changed it, "theirs" when only the other officer did


_UNKNOWN = object()


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (models.QuerySet, list, tuple, set)):
        return sorted(_comparable(item) for item in value)
    return value


def _shown(form_field, value) -> str:
    """A value as an officer reads it on the page."""
    if value in (None, "", [], ()):
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        if isinstance(value, (list, tuple)) and not all(isinstance(item, models.Model) for item in value):
            value = _lookup(form_field, value, many=True)
        return ", ".join(str(item) for item in value) or "(empty)"
    if isinstance(form_field, forms.ModelChoiceField):
        if not isinstance(value, models.Model):
            value = _lookup(form_field, value)
        return str(value) if value is not None else "(not one of the choices)"
    choices = dict(getattr(form_field, "flatchoices", None) or getattr(form_field, "choices", None) or [])
    if choices:
        return str(choices.get(value, choices.get(str(value), value)))
    return str(value)


def _lookup(form_field, value, *, many=False):
    """The records a submitted value names; nothing for a value that names none."""
    manager = form_field.queryset.model._default_manager
    try:
        return list(manager.filter(pk__in=value)) if many else manager.filter(pk=value).first()
    except (ValueError, TypeError, OverflowError, ValidationError):
        return [] if many else None


class VersionedModelForm(ModelForm):
    """Carries the version the officer started from; a refused save shows both versions and starts from the current one."""

    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts: list[Conflict] = []
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            if current is not None and cleaned.get("version") != current.version:
                self.refuse_stale(current)
        return cleaned

    def refuse_stale(self, current=None):
        """Explain the refusal, then re-base the form on the saved version so the next save cannot undo it."""
        model = type(self.instance)
        current = current or model._default_manager.get(pk=self.instance.pk)
        started_from = self.cleaned_data.get("version") if hasattr(self, "cleaned_data") else None
        history = getattr(current, "history", None)
        before = history.filter(version=started_from).first() if history is not None and started_from else None
        latest = history.select_related("history_user").first() if history is not None else None
        model_fields = {f.name: f for f in model._meta.get_fields() if getattr(f, "concrete", False)}
        saved = forms.models.model_to_dict(current, fields=list(self.fields))
        self.conflicts = []
        for name, form_field in self.fields.items():
            field = model_fields.get(name)
            if field is None or name == "version":
                continue
            theirs = saved.get(name)
            if field.many_to_many or before is None:
                base_known, base = False, None
            else:
                base = getattr(before, field.attname, _UNKNOWN)
                base_known = base is not _UNKNOWN
            if base_known and _comparable(base) == _comparable(theirs):
                continue  # the other officer left it alone: the officer's own value stands
            typed = name in getattr(self, "cleaned_data", {})
            yours = self.cleaned_data[name] if typed else self.data.get(self.add_prefix(name))
            if typed and _comparable(yours) == _comparable(theirs):
                continue
            untouched = typed and base_known and _comparable(yours) == _comparable(base)
            if untouched:
                self._rebase_field(name, form_field, theirs)
            self.conflicts.append(
                Conflict(
                    label=str(form_field.label or field.verbose_name).capitalize(),
                    theirs=_shown(form_field, theirs),
                    yours=_shown(form_field, yours),
                    kept="theirs" if untouched else "yours",
                )
            )
        self._rebase_field("version", self.fields["version"], current.version)
        who = getattr(latest, "history_user", None) if latest is not None else None
        who_text = (getattr(who, "email", "") or str(who)) if who else "Another officer"
        when = f" on {timezone.localtime(latest.history_date):%-d %B %Y at %H:%M}" if latest is not None else ""
        clashes = [c for c in self.conflicts if c.kept == "yours"]
        advice = (
            "The form now shows their saved values where you had not changed a field. "
            "Where you both changed a field it shows yours: check each one below, then save again to keep what the form shows."
            if clashes
            else "The form now shows their saved values with your changes kept. Check it, then save again."
        )
        self.add_error(
            None,
            ValidationError(
                f"{who_text} saved this {model._meta.verbose_name}{when}, after you opened it. "
                f"Your changes have not been saved yet. {advice}",
                code="stale",
            ),
        )

    def _rebase_field(self, name, form_field, value):
        """Put a saved value into the submitted data, as its widget would have posted it."""
        data = self.data.copy()
        key = self.add_prefix(name)
        widget = form_field.widget
        value = form_field.prepare_value(value)
        if isinstance(widget, DateInput):
            for part in ("day", "month", "year"):
                data.pop(f"{key}_{part}", None)
            if value:
                data[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
            else:
                data.pop(key, None)
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
            else:
                data.pop(key, None)
        elif isinstance(value, (list, tuple)):
            data.setlist(key, [str(item) for item in value]) if hasattr(data, "setlist") else data.update({key: value})
        else:
            data[key] = "" if value is None else str(value)
        self.data = data


def save_versioned(instance, *, started_from: int | None = None):
    """Save, moving the version on only if nobody else has since the form was shown."""
    with transaction.atomic():
        if instance.pk:
            expected = instance.version if started_from is None else started_from
            moved = type(instance).objects.filter(pk=instance.pk, version=expected).update(version=F("version") + 1)
            if not moved:
                raise StaleEdit(f"{instance} was changed by someone else.")
            instance.version = expected + 1
        instance.save()
    return instance


def _default_save(instance, started_from):
    if hasattr(instance, "version"):
        return save_versioned(instance, started_from=started_from)
    instance.save()
    return instance


def _claim_submission(token):
    """Record a create form's one-time token; if it was already used, the record that use made."""
    # A form left open for a week is sent as new: its token has been forgotten.
    FormSubmission.objects.filter(created_at__lt=timezone.now() - dt.timedelta(days=7)).delete()
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token)
    except IntegrityError:
        earlier = FormSubmission.objects.filter(token=token).first()
        if earlier and earlier.model:
            kind = ContentType.objects.get_by_natural_key(*earlier.model.lower().split("."))
            return kind.model_class()._default_manager.filter(pk=earlier.object_pk).first() or False
        return False
    return None


def save_form(form, save=None, *, refusals=()):
    """The one way a valid form is saved: `save(instance, started_from)` runs the service.

    A stale version, a database rule the form did not check, or a service's refusal (ValidationError or one of
    `refusals`) becomes an error on the form, and None comes back; a create form sent twice gives back the record
    the first sending made.
    """
    is_model_form = isinstance(form, forms.BaseModelForm)
    started_from = form.cleaned_data.get("version")
    token = form.cleaned_data.get("submission_token") or ""
    try:
        with transaction.atomic():
            if token:
                earlier = _claim_submission(token)
                if earlier is not None:
                    if earlier is False:
                        form.add_error(None, "This form has already been sent. Check the list before sending it again.")
                        return None
                    return earlier
            instance = form.save(commit=False) if is_model_form else None
            result = (save or _default_save)(instance, started_from)
            if is_model_form:
                form.save_m2m()
            if token and isinstance(result, models.Model):
                FormSubmission.objects.filter(token=token).update(model=result._meta.label, object_pk=str(result.pk))
    except StaleEdit:
        if isinstance(form, VersionedModelForm):
            form.refuse_stale()
        else:
            form.add_error(None, "Someone else saved this at the same moment. Check it and save again.")
        return None
    except ValidationError as error:
        form.add_error(None, error)
        return None
    except refusals as error:
        form.add_error(None, str(error))
        return None
    except IntegrityError as error:
        model = form._meta.model if is_model_form else None
        field, message = constraint_error(model, error)
        form.add_error(field if field in form.fields else None, message)
        return None
    return result if result is not None else True
