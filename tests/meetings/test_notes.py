"""Members' notes on papers: private unless shared, carried to new versions, exported, never leaked."""

import pytest
from django.urls import reverse

from meetings.models import PaperNote
from meetings.services import paper_add, paper_replace
from meetings.services.notes import note_add
from partnerships.access import Level

from .factories import text_pdf_upload

FIRST = "The council will consult on the Local Plan.\nResponses close in March."
SECOND = "Housing numbers rise by 300 a year.\nThe green belt review follows."


@pytest.fixture
def paper(major_item):
    upload = text_pdf_upload(FIRST, SECOND, name="plan.pdf")
    return paper_add(item=major_item, title="Local Plan consultation", is_confidential=False, upload=upload)


@pytest.fixture
def secret(major_item):
    upload = text_pdf_upload("Site options at Northfield and Eastmoor.", name="sites.pdf")
    return paper_add(item=major_item, title="Site options", is_confidential=True, upload=upload)


def _note(cast, paper, quote="Housing numbers rise by 300", **kwargs):
    return note_add(author=cast.users["member"], paper=paper, level=Level.READ, quote=quote, **kwargs)


def test_a_note_finds_its_page_and_refuses_a_passage_not_in_the_paper(cast, paper):
    from django.core.exceptions import ValidationError

    note = _note(cast, paper, text="Check against the 2023 figures.")
    assert (note.page, note.version, note.is_shared) == (2, paper.current, False)
    with pytest.raises(ValidationError) as error:
        _note(cast, paper, quote="Nothing like this is in the paper")
    assert "quote" in error.value.message_dict


def test_the_plain_form_adds_a_note_and_it_is_private_to_its_author(client, cast, paper):
    cast.client_for(client, "member")
    url = reverse("meetings:paper_read", args=[paper.pk])
    response = client.post(url, {"quote": "Responses close in March.", "text": "Diary it.", "page": ""})
    note = PaperNote.objects.get()
    assert response["Location"].endswith(f"#note-{note.pk}")
    assert (note.author, note.page, note.text) == (cast.users["member"], 1, "Diary it.")
    assert "Diary it." in client.get(url).content.decode()
    cast.client_for(client, "officer")
    assert "Diary it." not in client.get(url).content.decode()


def test_a_shared_note_is_read_by_members_but_changed_only_by_its_author(client, cast, paper):
    note = _note(cast, paper, text="Worth a question.", is_shared=True)
    cast.client_for(client, "observer")
    assert "Worth a question." in client.get(reverse("meetings:paper_read", args=[paper.pk])).content.decode()
    assert client.post(reverse("meetings:note_edit", args=[note.pk]), {"text": "Mine now"}).status_code == 403
    note.refresh_from_db()
    assert note.text == "Worth a question."


def test_notes_follow_the_passage_to_a_new_version_and_are_flagged_where_it_is_gone(cast, paper):
    kept = _note(cast, paper, quote="The green belt review follows.")
    gone = _note(cast, paper, quote="Responses close in March.")
    version = paper_replace(paper=paper, upload=text_pdf_upload("A new first page.", "Intro.", SECOND, name="v2.pdf"))
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert (kept.version, kept.page, kept.lost_in) == (version, 3, None)
    assert (gone.version.number, gone.lost_in) == (1, version)


def test_a_flagged_note_says_so_on_the_page(client, cast, paper):
    _note(cast, paper, quote="Responses close in March.")
    paper_replace(paper=paper, upload=text_pdf_upload("Only this now.", name="v2.pdf"))
    cast.client_for(client, "member")
    page = client.get(reverse("meetings:paper_read", args=[paper.pk])).content.decode()
    assert "This passage is not in version 2 of the paper" in page


def test_a_person_exports_their_own_notes_for_a_meeting(client, cast, paper, meeting):
    _note(cast, paper, text="=cmd|' /C calc'!A0")
    note_add(author=cast.users["officer"], paper=paper, level=Level.EDIT, quote="Housing numbers", text="Not mine")
    cast.client_for(client, "member")
    csv = client.get(reverse("meetings:notes_csv", args=[meeting.pk]))
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode()
    assert "Housing numbers rise by 300" in body and "Not mine" not in body
    assert "'=cmd" in body  # a spreadsheet formula is written as text
    markdown = client.get(reverse("meetings:notes_markdown", args=[meeting.pk])).content.decode()
    assert "> Housing numbers rise by 300" in markdown and "Version 1, page 2" in markdown


def test_a_note_on_a_confidential_paper_never_reaches_someone_who_cannot_read_it(client, cast, secret, paper):
    cast.partnership.is_public = True
    cast.partnership.save()
    meeting = secret.item.meeting
    from meetings.services import agenda_publish

    agenda_publish(meeting=meeting)
    note = _note(cast, secret, quote="Northfield and Eastmoor", text="Eastmoor floods", is_shared=True)
    pages = [
        reverse("meetings:paper_read", args=[secret.pk]),
        reverse("meetings:paper_read", args=[paper.pk]),
        reverse("meetings:note_edit", args=[note.pk]),
        reverse("meetings:notes_csv", args=[meeting.pk]),
        reverse("meetings:notes_markdown", args=[meeting.pk]),
        meeting.get_absolute_url(),
        reverse("meetings:pack_download", args=[meeting.pk, "public"]),
    ]
    for role in ("outsider", "unrelated_clerk", "anonymous"):
        client.logout()
        cast.client_for(client, role)
        for url in pages:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert b"Eastmoor floods" not in body and b"Northfield and Eastmoor" not in body, (role, url)
        assert client.get(pages[0]).status_code in (302, 404)


def test_the_reading_page_takes_a_fixed_number_of_queries(client, cast, paper, django_assert_num_queries):
    """Guards against an N+1 over notes, their authors and versions."""
    for index in range(6):
        _note(cast, paper, text=f"Note {index}", is_shared=True)
    cast.client_for(client, "member")
    url = reverse("meetings:paper_read", args=[paper.pk])
    client.get(url)
    with django_assert_num_queries(2):
        assert client.get(url).status_code == 200
