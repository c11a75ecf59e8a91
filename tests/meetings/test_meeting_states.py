"""What a meeting allows in each state, asked of the meeting rather than spelled out in templates."""

import pytest

from meetings.models import Meeting

S = Meeting.Status


@pytest.mark.parametrize(
    ("status", "held", "cancel", "attendance", "been_held"),
    [
        (S.PLANNED, True, True, False, False),
        (S.PUBLISHED, True, True, False, False),
        (S.HELD, False, False, True, True),
        (S.MINUTES_APPROVED, False, False, True, True),
        (S.CANCELLED, False, False, True, False),
    ],
)
def test_each_state_allows_its_own_steps(status, held, cancel, attendance, been_held):
    meeting = Meeting(status=status)
    assert (meeting.can_be_held, meeting.can_be_cancelled, meeting.shows_attendance, meeting.has_been_held) == (
        held,
        cancel,
        attendance,
        been_held,
    )


def test_the_agenda_can_be_published_while_open_on_a_meeting_going_ahead():
    assert Meeting(status=S.PLANNED, agenda_open=True).can_publish
    assert not Meeting(status=S.PUBLISHED, agenda_open=False).can_publish
    assert not Meeting(status=S.CANCELLED, agenda_open=True).can_publish


@pytest.mark.parametrize(
    ("minutes", "circulable", "circulated"),
    [
        (Meeting.MinutesStatus.NONE, False, False),
        (Meeting.MinutesStatus.DRAFT, True, False),
        (Meeting.MinutesStatus.CIRCULATED, True, True),
        (Meeting.MinutesStatus.APPROVED, False, False),
    ],
)
def test_minutes_are_circulated_from_a_draft_and_again_after_a_revision(minutes, circulable, circulated):
    meeting = Meeting(minutes_status=minutes)
    assert (meeting.minutes_can_be_circulated, meeting.minutes_are_circulated) == (circulable, circulated)


def test_no_meeting_template_compares_a_meeting_status_by_hand():
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "meetings" / "templates"
    found = [
        f"{path.name}: {line.strip()[:80]}"
        for path in templates.rglob("*.html")
        # The status tag colours each state by name; it decides nothing.
        if path.name != "status_tag.html"
        for line in path.read_text().splitlines()
        if "meeting.status ==" in line or "meeting.status !=" in line or "meeting.minutes_status ==" in line
    ]
    assert not found, found
