"""Agendas: adding before any other business, reordering by keyboard and by dragging, publishing."""

import pytest
from django.core import mail

from meetings.models import AgendaItem, Meeting, MeetingPack
from meetings.services import MeetingRuleBroken, agenda_item_add, agenda_publish, agenda_reorder


def _titles(meeting):
    return list(meeting.items.order_by("position").values_list("title", flat=True))


def test_a_new_item_goes_before_any_other_business(meeting):
    agenda_item_add(item=AgendaItem(meeting=meeting, title="Cost of Living Crisis"))
    assert _titles(meeting)[-2:] == ["Cost of Living Crisis", "Any other business"]
    assert list(meeting.items.order_by("position").values_list("position", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_move_up_by_keyboard_with_htmx_returns_the_agenda(officer_client, meeting, major_item):
    response = officer_client.post(f"/agenda-items/{major_item.pk}/move/", {"direction": "up"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="agenda"' in response.content.decode()
    assert "<html" not in response.content.decode()
    assert "agendaMoved" in response["HX-Trigger-After-Settle"]
    assert _titles(meeting)[3] == "Local Plan 2040"


def test_move_without_htmx_redirects_back(officer_client, meeting, major_item):
    response = officer_client.post(f"/agenda-items/{major_item.pk}/move/", {"direction": "down"})
    assert response.status_code == 302
    assert _titles(meeting)[-1] == "Local Plan 2040"


def test_dragging_sends_the_whole_order(officer_client, meeting):
    ids = list(meeting.items.order_by("-position").values_list("pk", flat=True))
    response = officer_client.post(f"/meetings/{meeting.pk}/agenda/order/", {"item": ids}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert list(meeting.items.order_by("position").values_list("pk", flat=True)) == ids


def test_an_order_missing_an_item_is_refused(meeting):
    ids = list(meeting.items.values_list("pk", flat=True))[1:]
    with pytest.raises(MeetingRuleBroken, match="agenda changed while you were reordering"):
        agenda_reorder(meeting=meeting, ordered_ids=ids)


def test_publishing_notifies_members_freezes_the_order_and_queues_the_packs(
    meeting, cast, django_capture_on_commit_callbacks
):
    cast.member_person.email = "ada@example.org"
    cast.member_person.save()
    with django_capture_on_commit_callbacks(execute=True):
        sent = agenda_publish(meeting=meeting)
    # One message each, to the person's own address or their login's: the observer is told too.
    assert sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "observer@example.org"]
    assert "Agenda: Riverside Strategic Partnership" in mail.outbox[0].subject
    assert f"/meetings/{meeting.pk}/" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PUBLISHED
    assert not meeting.agenda_open
    assert set(MeetingPack.objects.values_list("variant", "status")) == {("members", "done"), ("public", "done")}
    with pytest.raises(MeetingRuleBroken, match="Reopen it"):
        agenda_reorder(meeting=meeting, ordered_ids=list(meeting.items.values_list("pk", flat=True)))


def test_a_frozen_agenda_refuses_a_move_with_a_message(officer_client, meeting, major_item):
    agenda_publish(meeting=meeting)
    response = officer_client.post(f"/agenda-items/{major_item.pk}/move/", {"direction": "up"}, HTTP_HX_REQUEST="true")
    assert "The agenda has been published. Reopen it" in response.content.decode()


def test_reopening_and_republishing_says_it_is_revised(
    officer_client, meeting, cast, django_capture_on_commit_callbacks
):
    cast.member_person.email = "ada@example.org"
    cast.member_person.save()
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(f"/meetings/{meeting.pk}/agenda/publish/")
    officer_client.post(f"/meetings/{meeting.pk}/agenda/reopen/")
    meeting.refresh_from_db()
    assert meeting.agenda_open
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(f"/meetings/{meeting.pk}/agenda/publish/")
    assert mail.outbox[-1].subject.startswith("Revised agenda")


def test_an_item_with_a_decision_cannot_be_removed(officer_client, meeting, major_item):
    from meetings.services import decision_record

    decision_record(item=major_item, resolution="Noted", method="consensus")
    response = officer_client.post(f"/agenda-items/{major_item.pk}/remove/", HTTP_HX_REQUEST="true")
    assert "has a decision recorded under it" in response.content.decode()
    assert AgendaItem.objects.filter(pk=major_item.pk).exists()


def test_officer_adds_an_item_with_a_guest(officer_client, meeting, cast):
    from tests.factories import MembershipFactory

    guest = MembershipFactory(
        partnership=cast.partnership, role="guest", person__first_name="Gita", person__last_name="Guest"
    )
    response = officer_client.post(
        f"/meetings/{meeting.pk}/agenda/add/",
        {"title": "Homes for Ukraine", "kind": "major", "duration_minutes": "30", "guests": [guest.person.pk]},
    )
    assert response.status_code == 302
    item = meeting.items.get(title="Homes for Ukraine")
    assert list(item.guests.all()) == [guest.person]
    assert "Gita Guest" in officer_client.get(f"/meetings/{meeting.pk}/").content.decode()
