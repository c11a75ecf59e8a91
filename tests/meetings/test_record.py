"""Actions carried into matters arising, and minutes drafted, circulated and approved at a later meeting."""

import datetime as dt

import pytest
from django.core import mail

from meetings.models import Action, Decision, Meeting
from meetings.services import MeetingRuleBroken, action_save, minutes_approve, minutes_circulate, minutes_save

from .factories import MeetingFactory


@pytest.fixture
def later(cast, meeting):
    return MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 6, 11))


def test_an_open_action_is_a_matter_arising_until_done(officer_client, cast, meeting, later):
    response = officer_client.post(
        f"/meetings/{meeting.pk}/actions/add/",
        {
            "description": "Write to the county about bus routes",
            "owner": cast.member_person.pk,
            "due_date_day": "1",
            "due_date_month": "5",
            "due_date_year": "2024",
            "status": "open",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.partnership == cast.partnership
    assert list(Action.objects.open_at(later)) == [action]
    assert "Write to the county about bus routes" in officer_client.get(f"/meetings/{later.pk}/").content.decode()
    action.status = Action.Status.DONE
    action.completed_on = dt.date(2024, 5, 1)
    action_save(action=action)
    assert list(Action.objects.open_at(later)) == []
    assert list(Action.objects.open_at(meeting)) == []  # raised at that meeting, not arising from it


def test_the_action_list_shows_open_actions_first(officer_client, cast, meeting):
    Action.objects.create(partnership=cast.partnership, raised_at=meeting, description="Open one")
    Action.objects.create(
        partnership=cast.partnership,
        raised_at=meeting,
        description="Done one",
        status="done",
        completed_on=dt.date(2024, 4, 1),
    )
    page = officer_client.get(f"/partnerships/{cast.partnership.slug}/actions/").content.decode()
    assert "Open one" in page and "Done one" not in page
    assert "Done one" in officer_client.get(f"/partnerships/{cast.partnership.slug}/actions/?show=all").content.decode()


def test_minutes_are_drafted_circulated_and_approved_at_a_later_meeting(
    officer_client, cast, meeting, later, django_capture_on_commit_callbacks
):
    cast.member_person.email = "ada@example.org"
    cast.member_person.save()
    items = list(meeting.items.all())
    response = officer_client.post(f"/meetings/{meeting.pk}/minutes/", {f"item_{items[0].pk}": "Apologies from Olu."})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == "draft"
    with pytest.raises(MeetingRuleBroken, match="Circulate the minutes"):
        minutes_approve(recorded=meeting, at=later)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_circulate(meeting=meeting)
    assert any("Draft minutes" in m.subject for m in mail.outbox)
    with pytest.raises(MeetingRuleBroken, match="cannot be approved at the meeting they record"):
        minutes_approve(recorded=meeting, at=meeting)
    response = officer_client.post(f"/meetings/{later.pk}/minutes/approve/", {"recorded": meeting.pk})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_status == "approved" and meeting.status == Meeting.Status.MINUTES_APPROVED
    assert meeting.minutes_approved_at == later
    decision = Decision.objects.get(approves_minutes_of=meeting)
    assert decision.item.meeting == later and decision.item.kind == "minutes"
    with pytest.raises(MeetingRuleBroken, match="can no longer be changed"):
        minutes_save(meeting=meeting, minutes={items[0].pk: "Changed"})


def test_minutes_cannot_be_approved_at_an_earlier_meeting(cast, meeting):
    earlier = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 1, 9))
    minutes_save(meeting=meeting, minutes={meeting.items.first().pk: "Text"})
    minutes_circulate(meeting=meeting)
    with pytest.raises(MeetingRuleBroken, match="approved at a later meeting"):
        minutes_approve(recorded=meeting, at=earlier)


def test_the_public_reads_minutes_only_once_approved(client, cast, meeting, later):
    cast.partnership.is_public = True
    cast.partnership.save()
    minutes_save(meeting=meeting, minutes={meeting.items.first().pk: "Apologies from Olu."})
    assert client.get(f"/meetings/{meeting.pk}/minutes/").status_code == 403
    minutes_circulate(meeting=meeting)
    assert client.get(f"/meetings/{meeting.pk}/minutes/").status_code == 403
    minutes_approve(recorded=meeting, at=later)
    assert "Apologies from Olu." in client.get(f"/meetings/{meeting.pk}/minutes/").content.decode()
