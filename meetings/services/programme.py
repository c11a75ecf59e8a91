"""The Chair's forward programme and workshop topics: adding, editing and taking items off."""

import datetime as dt

from django.db import transaction
from django.db.models import Max

from ..models import ProgrammeItem


@transaction.atomic
def programme_item_save(*, item: ProgrammeItem) -> ProgrammeItem:
    """Add an item at the end of its list, or save the changes to one."""
    if not item.pk:
        top = ProgrammeItem.objects.filter(partnership=item.partnership, year=item.year, kind=item.kind).aggregate(
            top=Max("position")
        )["top"]
        item.position = (top or 0) + 1
    item.full_clean()
    item.save()
    return item


def programme_item_take_off(*, item: ProgrammeItem, on: dt.date) -> ProgrammeItem:
    """Take an item off the programme from a day; it stays on record, so earlier reports still show it."""
    item.removed_on = max(on, item.added_on)
    item.save(update_fields=["removed_on"])
    return item
