"""Papers: only readable PDFs of at most 25 MB, each refusal with a clear message; versions kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import Paper
from meetings.papers import MAX_PAPER_BYTES

from .factories import add_paper, pdf_bytes, pdf_upload


def _post(client, item, upload, title="Budget report", confidential="false"):
    return client.post(
        f"/agenda-items/{item.pk}/papers/add/", {"title": title, "is_confidential": confidential, "file": upload}
    )


BAD_UPLOADS = [
    (
        "renamed executable",
        lambda: SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 500),
        "it is not a PDF: it looks like a Windows program",
    ),
    ("empty file", lambda: SimpleUploadedFile("report.pdf", b""), "The selected file is empty"),
    ("truncated PDF", lambda: SimpleUploadedFile("report.pdf", pdf_bytes(3)[:-200]), "“Budget report” is incomplete"),
    ("encrypted PDF", lambda: pdf_upload("report.pdf", password="secret"), "protected with a password"),
    ("wrong type", lambda: SimpleUploadedFile("report.docx", b"PK\x03\x04 word"), "The selected file must be a PDF"),
    (
        "damaged PDF",
        lambda: SimpleUploadedFile("report.pdf", b"%PDF-1.7\n1 0 obj garbage\ntrailer\n%%EOF"),
        "damaged and cannot be read",
    ),
    (
        "oversized file",
        lambda: SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"0" * (MAX_PAPER_BYTES + 1)),
        "must be smaller than 25 MB",
    ),
]


@pytest.mark.parametrize(("make", "message"), [case[1:] for case in BAD_UPLOADS], ids=[case[0] for case in BAD_UPLOADS])
def test_bad_uploads_are_refused_with_a_clear_message_and_nothing_else_lost(officer_client, major_item, make, message):
    response = _post(officer_client, major_item, make(), title="Budget report", confidential="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "There is a problem" in body
    assert 'value="Budget report"' in body
    assert 'value="true" checked' in body or 'value="true"\n' in body or "checked" in body
    assert not Paper.objects.exists()


def test_a_good_pdf_is_stored_under_a_name_that_is_never_shown(officer_client, major_item, meeting):
    response = _post(officer_client, major_item, pdf_upload("budget.pdf", pages=2), confidential="true")
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert paper.is_confidential and paper.current.page_count == 2
    page = officer_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert paper.current.file.name not in page
    assert "meetings/papers/" not in page
    assert f"/papers/{paper.pk}/" in page


def test_a_paper_downloads_in_its_original_form(officer_client, major_item):
    paper = add_paper(major_item, "Original", pages=2)
    response = officer_client.get(f"/papers/{paper.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    with paper.current.file.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()


def test_replacing_a_paper_keeps_the_earlier_version(officer_client, major_item):
    paper = add_paper(major_item, "Budget", pages=1, name="v1.pdf")
    response = officer_client.post(f"/papers/{paper.pk}/replace/", {"file": pdf_upload("v2.pdf", pages=3)})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.current.number == 2 and paper.current.page_count == 3
    assert list(paper.versions.values_list("number", flat=True)) == [2, 1]
    first = officer_client.get(f"/papers/{paper.pk}/versions/1/")
    assert first.status_code == 200
    assert 'filename="v1.pdf"' in first["Content-Disposition"]


def test_a_bad_replacement_keeps_the_current_version(officer_client, major_item):
    paper = add_paper(major_item, "Budget")
    response = officer_client.post(f"/papers/{paper.pk}/replace/", {"file": SimpleUploadedFile("x.pdf", b"")})
    assert "The selected file is empty" in response.content.decode()
    paper.refresh_from_db()
    assert paper.current.number == 1
