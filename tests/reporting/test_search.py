"""Search across the register: it finds words in what a reader may open, and nothing else."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from meetings.models import AgendaItem, Decision, Meeting, Paper, PaperVersion
from meetings.paper_text import extract_text
from meetings.services import agenda_publish, paper_add
from reporting.search.selectors import highlight, terms
from tests.factories import PartnershipFactory, PersonFactory
from tests.meetings.factories import ActionFactory, AgendaItemFactory, MeetingFactory

URL = reverse("search:search")


def text_pdf(*lines: str) -> bytes:
    """A one-page PDF whose text layer holds the lines given."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    body = "".join(f"BT /F1 11 Tf 72 {760 - 16 * n} Td ({line}) Tj ET\n" for n, line in enumerate(lines))
    stream = DecodedStreamObject()
    stream.set_data(body.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def add_text_paper(item, title, *lines, confidential=False):
    upload = SimpleUploadedFile("paper.pdf", text_pdf(*lines), content_type="application/pdf")
    return paper_add(item=item, title=title, is_confidential=confidential, upload=upload)


def results(client, query, **headers):
    response = client.get(URL, {"q": query}, **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def public_record(cast):
    """A public partnership's meeting with a published agenda, a public and a confidential paper."""
    cast.partnership.is_public = True
    cast.partnership.save()
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 3, 12))
    item = AgendaItemFactory(meeting=meeting, title="Riverside bus corridor", summary="Options for the route.")
    public = add_text_paper(item, "Transport options", "The cycle superhighway links the station to the park.")
    secret = add_text_paper(item, "Land values", "Acquisition of the gasworks site at a premium.", confidential=True)
    agenda_publish(meeting=meeting)
    meeting.refresh_from_db()
    return meeting, item, public, secret


def test_extraction_stores_the_words_of_the_paper_once(public_record):
    _, _, public, _ = public_record
    assert "cycle superhighway" in public.current.text


def test_extraction_is_bounded_and_never_fails():
    assert extract_text(io.BytesIO(b"%PDF-1.4 not really")) == ""
    many = io.BytesIO(text_pdf(*["word " * 20] * 40))
    assert len(extract_text(many)) <= 200_000


def test_command_fills_text_for_papers_stored_before_extraction(public_record):
    _, _, public, _ = public_record
    PaperVersion.objects.update(text="")
    call_command("extract_paper_text", stdout=io.StringIO())
    assert "superhighway" in PaperVersion.objects.get(pk=public.current_id).text


@pytest.mark.parametrize("role", ["anonymous", "outsider", "member"])
def test_finds_a_phrase_in_a_public_paper_for_everyone(client, cast, public_record, role):
    page = results(cast.client_for(client, role), '"cycle superhighway"')
    assert "Transport options" in page
    assert "<mark>cycle</mark> <mark>superhighway</mark>" in page or "<mark>cycle superhighway</mark>" in page


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_never_finds_a_confidential_paper_for_the_public_or_an_outsider(client, cast, public_record, role):
    found = results(cast.client_for(client, role), "gasworks").split('id="search-results"')[1]
    assert "Land values" not in found and "<mark>" not in found and "Nothing found" in found
    assert "Nothing found" in results(client, '"Land values"')


def test_a_member_finds_the_confidential_paper(client, cast, public_record):
    page = results(cast.client_for(client, "member"), "gasworks")
    assert "Land values" in page and "<mark>gasworks</mark>" in page


def test_unpublished_agenda_items_are_hidden_from_the_public(client, cast, public_record):
    draft = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 6, 11))
    AgendaItemFactory(meeting=draft, title="Quayside regeneration")
    assert "Quayside regeneration" not in results(client, "quayside")
    assert "Quayside regeneration" in results(cast.client_for(client, "member"), "quayside")


def test_draft_minutes_and_their_decisions_are_hidden_from_the_public(client, cast, public_record):
    meeting, item, _, _ = public_record
    AgendaItem.objects.filter(pk=item.pk).update(minutes="The board welcomed the orchard proposal.")
    Decision.objects.create(item=item, resolution="Approve the orchard planting scheme.")
    ActionFactory(raised_at=meeting, description="Write to the orchard trust.")
    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.DRAFT)
    assert "Nothing found" in results(client, "orchard")
    member_page = results(cast.client_for(client, "member"), "orchard")
    assert "Minutes" in member_page and "Decisions" in member_page and "Actions" in member_page

    Meeting.objects.filter(pk=meeting.pk).update(minutes_status=Meeting.MinutesStatus.APPROVED)
    client.logout()
    public_page = results(client, "orchard")
    assert "<mark>orchard</mark> planting scheme" in public_page
    assert f"{meeting.get_absolute_url()}#item-{item.pk}" in public_page


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_private_partnerships_never_appear_to_outsiders(client, cast, role):
    meeting = MeetingFactory(partnership=cast.partnership, date=dt.date(2024, 3, 12))
    item = AgendaItemFactory(meeting=meeting, title="Riverside estates")
    add_text_paper(item, "Riverside estates paper", "Riverside estates review.")
    agenda_publish(meeting=meeting)
    page = results(cast.client_for(client, role), "riverside")
    found = page.split('id="search-results"')[1]
    assert "Riverside" not in found and "Nothing found" in found


def test_people_only_to_those_who_may_read_them(client, cast):
    assert "Ada Member" not in results(client, "Ada")
    assert "Ada Member" in results(cast.client_for(client, "officer"), "Ada")


def test_public_partnership_is_found_by_name_for_anyone(client, cast):
    PartnershipFactory(name="Greenfield Health Network", is_public=True, purpose="Healthy towns together.")
    page = results(client, "greenfield")
    assert "Greenfield Health Network" in page and "Partnerships" in page


def test_snippets_escape_what_was_typed_and_stored(client, cast):
    PartnershipFactory(name="Harbour <b>Board</b>", is_public=True, purpose="Ships & <i>boats</i> in the harbour.")
    page = results(client, "harbour")
    assert "<i>boats" not in page and "<b>Board" not in page
    assert "Harbour &lt;b&gt;Board&lt;/b&gt;" in page and "<mark>harbour</mark>" in page


def test_highlight_marks_every_match_and_escapes_the_rest():
    assert str(highlight("Tom & Jerry's cat", ["cat"])) == "Tom &amp; Jerry&#x27;s <mark>cat</mark>"
    assert terms('"bus lane" -tram or bikes') == (["bus lane", "bikes"], ["tram"])


@pytest.mark.parametrize("query", ['"', "-", "or", "a" * 300, "%_\\", "'; drop table", "<mark>"])
def test_odd_input_never_gives_a_server_error(client, cast, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    if len(query) > 200:
        assert "Enter 200 characters or fewer" in response.content.decode()


def test_plain_form_first_and_htmx_swaps_the_results_partial(client, cast):
    PartnershipFactory(name="Greenfield Health Network", is_public=True)
    full = client.get(URL, {"q": "greenfield"})
    assert b'<form method="get" action="/search/"' in full.content and b"<html" in full.content
    assert "HX-Request" in full["Vary"]
    partial = client.get(URL, {"q": "greenfield"}, HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert body.lstrip().startswith('<div id="search-results"') and "<html" not in body
    assert "Greenfield Health Network" in body


def test_header_has_a_search_box(client, cast):
    assert b'id="header-search"' in client.get(reverse("home")).content


def _count(client, query):
    cache.clear()  # the reader's session, login and access read afresh each time, so counts compare
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"q": query}).status_code == 200
    return len(queries)


def test_query_count_is_flat(client, cast, public_record):
    client = cast.client_for(client, "member")
    meeting, item, _, _ = public_record
    before = _count(client, "lantern")
    for n in range(6):
        PartnershipFactory(name=f"Lantern partnership {n}", is_public=True)
        PersonFactory(first_name="Lantern", last_name=f"Keeper {n}")
        extra = AgendaItemFactory(meeting=meeting, title=f"Lantern item {n}", minutes="Lantern minute.")
        add_text_paper(extra, f"Lantern paper {n}", "Lantern text.")
        Decision.objects.create(item=extra, resolution="Lantern decision.")
        ActionFactory(raised_at=meeting, description="Lantern action.")
    after = _count(client, "lantern")
    assert after == before
    # One query per kind of record, and the few that work out who the reader is.
    assert after <= 16


def test_the_demonstration_papers_are_found_by_their_words_and_confidential_ones_only_by_members(client, db):
    from meetings import demo as meetings_demo
    from partnerships import demo as partnerships_demo

    meetings_demo.seed(partnerships_demo.seed())
    public = "What the partnership is asked to do"
    assert 'id="results-papers"' in results(client, f'"{public}"')
    assert Paper.objects.filter(is_confidential=True, current__text__contains="Not for publication").exists()
    # Every confidential demonstration paper says so on its first page; none of them is found by the public.
    assert 'id="results-papers"' not in results(client, '"Not for publication"')


@pytest.mark.django_db
def test_a_nul_character_in_the_search_is_dropped(client):
    response = client.get("/search/", {"q": "park\x00land"})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
