"""Personal calendar feeds of a member's meetings."""

from django.utils import timezone

from ..models import (
    CalendarFeed,
)


def calendar_feed_reset(*, user) -> CalendarFeed:
    """Give the person a new private address; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": CalendarFeed.new_token(), "created_at": timezone.now()}
    )
    return feed


def calendar_feed_revoke(*, user) -> None:
    CalendarFeed.objects.filter(user=user).delete()
