"""Meetings as an iCalendar feed (RFC 5545), with nothing a reader of the feed may not see."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event


def meetings_calendar(meetings, *, name: str, show_agendas) -> bytes:
    """`show_agendas(meeting)` says whether the reader may see that meeting's agenda titles."""
    calendar = Calendar()
    calendar.add("prodid", "-//Roundtable//Partnership meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    site = settings.SITE_URL.rstrip("/")
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@roundtable")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        partnership = meeting.partnership
        event.add("summary", f"{partnership.short_name or partnership.name}: {meeting.name}")
        event.add("location", meeting.venue_label)
        url = site + reverse("meetings:meeting_detail", args=[meeting.pk])
        event.add("url", url)
        lines = [partnership.name]
        if meeting.is_cancelled:
            event.add("status", "CANCELLED")
            lines.append(f"Cancelled: {meeting.cancelled_reason}")
        else:
            event.add("status", "CONFIRMED")
        if show_agendas(meeting) and not meeting.is_cancelled:
            lines.append("Agenda:")
            lines.extend(f"{item.position}. {item.title}" for item in meeting.items.all())
        lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("sequence", meeting.version)
        calendar.add_component(event)
    # Times are London times: the feed carries the timezone's rules so every application reads them alike.
    calendar.add_missing_timezones()
    return calendar.to_ical()
