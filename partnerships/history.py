"""Records as they stood at a moment, read from their recorded history in one query per model.

A report for a past date must say what the records said then, however they have been edited since.
Every version of a record is kept by its history; the version in force at a moment is the last one
saved before it. A record entered after that moment (an officer keying in last year's facts) has no
version before it, so it is taken as first entered: later edits still never reach the past report.
A version that deleted the record means it no longer existed then.
"""

import datetime as dt

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone


def moment_after(day: dt.date) -> dt.datetime:
    """The first moment after a day ends in the service's timezone: versions saved before it were in force that day."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def _moment(when: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(when, dt.datetime):
        return when if timezone.is_aware(when) else timezone.make_aware(when)
    return moment_after(when)


def _versions(model, when: dt.datetime, condition: Q):
    """The chosen version of each record of `model` whose versions meet `condition`, as a queryset of versions."""
    versions = model.history.model.objects
    before = (
        versions.filter(id=OuterRef("id"), history_date__lt=when)
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    first = versions.filter(id=OuterRef("id")).order_by("history_date", "history_id").values("history_id")[:1]
    return (
        versions.annotate(chosen=Coalesce(Subquery(before), Subquery(first)))
        .filter(condition, history_id=F("chosen"))
        .exclude(history_type="-")
    )


def records_at(model, when: dt.date | dt.datetime, **filters) -> list:
    """Every record of `model` as it stood at `when`, chosen by `filters` on its state then; ordered by key.

    A date means the end of that day. Records saved without any history are taken as they are now.
    """
    moment = _moment(when)
    found = {version.id: version.instance for version in _versions(model, moment, Q(**filters))}
    recorded = model.history.model.objects.values("id")
    for record in model._default_manager.filter(**filters).exclude(pk__in=Subquery(recorded)):
        found[record.pk] = record
    return [found[key] for key in sorted(found)]


def by_key_at(model, keys, when: dt.date | dt.datetime) -> dict:
    """The records with these primary keys as they stood at `when`, by key; records that did not exist are left out."""
    keys = {key for key in keys if key is not None}
    if not keys:
        return {}
    moment = _moment(when)
    found = {version.id: version.instance for version in _versions(model, moment, Q(id__in=keys))}
    missing = keys - set(found)
    if missing:
        recorded = model.history.model.objects.filter(id__in=missing).values("id")
        for record in model._default_manager.filter(pk__in=missing).exclude(pk__in=Subquery(recorded)):
            found[record.pk] = record
    return found


def queryset_at(queryset, when: dt.date | dt.datetime) -> list:
    """The records a queryset picks today, each as it stood at `when`, in the queryset's order."""
    keys = list(queryset.values_list("pk", flat=True))
    found = by_key_at(queryset.model, keys, when)
    return [found[key] for key in keys if key in found]
