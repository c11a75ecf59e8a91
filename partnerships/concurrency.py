"""Two officers editing one record: the second save is refused, naming what changed."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .govuk import ModelForm


class StaleEdit(Exception):
    pass


class VersionedModelForm(ModelForm):
    """Carries the version the officer started from and refuses the save if it has moved on."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            started_from = cleaned.get("version")
            current = type(self.instance).objects.get(pk=self.instance.pk)
            if started_from != current.version:
                self._refuse_stale(current, started_from)
        return cleaned

    def _refuse_stale(self, current, started_from):
        before = current.history.filter(version=started_from).first() if started_from else None
        latest = current.history.select_related("history_user").first()
        changed = []
        for name in self.fields:
            if name == "version" or name not in {f.name for f in current._meta.fields}:
                continue
            field = current._meta.get_field(name)
            if before is None or getattr(before, field.attname) != getattr(current, field.attname):
                changed.append(str(field.verbose_name))
        who = latest.history_user if latest is not None else None
        who_text = (getattr(who, "email", "") or str(who)) if who else "Someone else"
        when = timezone.localtime(latest.history_date).strftime("%-d %B %Y at %H:%M") if latest else ""
        what = ", ".join(changed) if changed else "this record"
        # The next save is a deliberate one, made knowing the current version.
        data = self.data.copy()
        data[self.add_prefix("version")] = current.version
        self.data = data
        raise ValidationError(
            f"{who_text} changed {what} on {when}, while you were editing. Your changes have not been saved. "
            "Check the current record in another tab, then save again to keep your version.",
            code="stale",
        )


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
