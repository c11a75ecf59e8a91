"""Safe papers: what could run or carry something else is taken out before a paper is stored or packed."""

import io
import time
import zlib

import pikepdf
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from meetings.models import MeetingPack, Paper
from meetings.papers import clean_pdf
from meetings.services import pack_build, pack_request

from .factories import add_paper, pdf_bytes

UNSAFE_MARKERS = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/AcroForm", b"/AA", b"/OpenAction")


def _pdf(change, pages: int = 1) -> bytes:
    """A small PDF, changed by `change(pdf)` to carry something unsafe."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes(pages)))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _js(code="app.alert('pwned')"):
    return pikepdf.Dictionary(Type=pikepdf.Name.Action, S=pikepdf.Name.JavaScript, JS=pikepdf.String(code))


def _open_action_js(pdf):
    pdf.Root.OpenAction = pdf.make_indirect(_js())


def _page_aa_js(pdf):
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=_js(), C=_js("this.exportDataObject({cName: 'x'})"))


def _names_js(pdf):
    tree = pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("init"), pdf.make_indirect(_js())]))
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=tree)


def _launch(pdf):
    launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("C:\\Windows\\System32\\cmd.exe"))
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=pikepdf.Array([0, 0, 100, 100]), A=launch
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def _annotation_js(pdf):
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=pikepdf.Array([0, 0, 100, 100]),
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/"), Next=_js()),
    )
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(link)])


def _embedded_file(pdf):
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(
        pdf, b"MZ\x90\x00 not a paper", mime_type="application/x-msdownload"
    )


def _form(pdf):
    field = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("name"),
            V=pikepdf.String("Filled in value"),
            Rect=pikepdf.Array([50, 700, 300, 720]),
            P=pdf.pages[0].obj,
            AA=pikepdf.Dictionary(K=_js()),
        )
    )
    pdf.pages[0].obj.Annots = pikepdf.Array([field])
    helvetica = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    pdf.Root.AcroForm = pikepdf.Dictionary(
        Fields=pikepdf.Array([field]),
        DA=pikepdf.String("/Helv 12 Tf 0 g"),
        DR=pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=helvetica)),
        NeedAppearances=True,
    )


MALICIOUS = [
    ("JavaScript run on opening", _open_action_js, "JavaScript"),
    ("page-level JavaScript action", _page_aa_js, "JavaScript and automatic actions"),
    ("document JavaScript", _names_js, "JavaScript"),
    ("launch action", _launch, "an action that launches a program"),
    ("JavaScript chained from a link", _annotation_js, "JavaScript"),
    ("embedded file", _embedded_file, "embedded files"),
    ("form with a script", _form, "form fields"),
]


def _assert_safe(data: bytes):
    pdf = pikepdf.open(io.BytesIO(data))
    root = pdf.Root
    assert "/OpenAction" not in root and "/AA" not in root and "/AcroForm" not in root
    assert "/JavaScript" not in root.get("/Names", {}) and "/EmbeddedFiles" not in root.get("/Names", {})
    for page in pdf.pages:
        assert "/AA" not in page.obj
        for annot in page.obj.get("/Annots", []):
            assert str(annot.get("/Subtype")) not in ("/Widget", "/FileAttachment")
            assert "/AA" not in annot
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            assert "/JS" not in obj
            assert str(obj.get("/S", "")) not in ("/JavaScript", "/Launch")
            assert obj.get("/Type") != pikepdf.Name.EmbeddedFile
    uncompressed = io.BytesIO()
    pdf.save(uncompressed, qdf=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    for marker in (b"/JavaScript", b"/Launch", b"/EmbeddedFile", b"app.alert", b"/AcroForm"):
        assert marker not in uncompressed.getvalue(), marker


@pytest.mark.parametrize(("change", "said"), [c[1:] for c in MALICIOUS], ids=[c[0] for c in MALICIOUS])
def test_an_unsafe_pdf_is_cleaned_before_it_is_stored_and_the_officer_is_told(
    officer_client, major_item, meeting, change, said
):
    data = _pdf(change)
    with pytest.raises(AssertionError):
        _assert_safe(data)  # the sample really carries what it says
    upload = SimpleUploadedFile("paper.pdf", data, content_type="application/pdf")
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/papers/add/",
        {"title": "Budget report", "is_confidential": "false", "file": upload},
        follow=True,
    )
    assert response.status_code == 200
    assert "Removed from the PDF before it was stored" in response.content.decode()
    assert said in response.content.decode()
    paper = Paper.objects.get()
    with paper.current.file.open("rb") as handle:
        stored = handle.read()
    _assert_safe(stored)
    served = b"".join(officer_client.get(f"/papers/{paper.pk}/").streaming_content)
    _assert_safe(served)
    assert paper.current.size == len(stored)
    assert len(PdfReader(io.BytesIO(stored)).pages) == 1


def test_a_filled_in_form_keeps_its_values_as_printed_text():
    cleaned = clean_pdf(_pdf(_form), title="Nomination form")
    assert "form fields (their values are kept as printed text)" in cleaned.removed
    text = PdfReader(io.BytesIO(cleaned.data)).pages[0].extract_text()
    assert "Filled in value" in text


def test_a_safe_link_is_kept():
    def link(pdf):
        annot = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=pikepdf.Array([0, 0, 100, 100]),
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://www.oxford.gov.uk/")),
        )
        pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(annot)])

    cleaned = clean_pdf(_pdf(link))
    assert cleaned.removed == ()
    document = pikepdf.open(io.BytesIO(cleaned.data))
    annots = document.pages[0].obj.Annots
    assert str(annots[0].A.URI) == "https://www.oxford.gov.uk/"


def _bomb(pdf, size=400 * 1024 * 1024):
    squeezer = zlib.compressobj(9)
    chunk = b"0" * (1024 * 1024)
    packed = b"".join(squeezer.compress(chunk) for _ in range(size // len(chunk))) + squeezer.flush()
    stream = pikepdf.Stream(pdf, b"")
    stream.write(packed, filter=pikepdf.Name.FlateDecode)
    pdf.pages[0].obj.Contents = stream


def test_a_decompression_bomb_is_refused_quickly_with_a_clear_message(officer_client, major_item):
    data = _pdf(_bomb)
    assert len(data) < 2 * 1024 * 1024
    started = time.monotonic()
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/papers/add/",
        {"title": "Budget report", "is_confidential": "false", "file": SimpleUploadedFile("bomb.pdf", data)},
    )
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    body = response.content.decode()
    assert "The paper “Budget report” expands to far more data than its size suggests" in body
    assert 'value="Budget report"' in body
    assert not Paper.objects.exists()


def _lzw_run() -> bytes:
    """LZW data for one long run of zeros: each code stands for a string one longer than the last."""
    out, buffer, bits, width, table = bytearray(), 0, 0, 9, 258

    def emit(code):
        nonlocal buffer, bits
        buffer, bits = (buffer << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((buffer >> bits) & 0xFF)

    emit(256)
    emit(48)
    for code in range(258, 4095):
        emit(code)
        table += 1
        if table + 1 >= (1 << width) and width < 12:
            width += 1
    emit(257)
    if bits:
        out.append((buffer << (8 - bits)) & 0xFF)
    return bytes(out)


def test_an_lzw_bomb_is_counted_without_being_built():
    from meetings import paper_limits

    def lzw(pdf):
        stream = pikepdf.Stream(pdf, b"")
        stream.write(_lzw_run(), filter=pikepdf.Name.LZWDecode)
        pdf.pages[0].obj.Contents = stream

    document = pikepdf.open(io.BytesIO(_pdf(lzw)))
    contents = document.pages[0].obj.Contents
    size = paper_limits._decoded_size(contents, 10**12)
    assert size == len(contents.read_bytes()) > 7_000_000
    with pytest.raises(paper_limits._TooBig):
        paper_limits._decoded_size(contents, 1_000_000)


def test_a_page_without_a_size_is_given_one_and_the_pack_builds(officer_client, major_item, meeting):
    writer = PdfWriter()
    for _ in range(2):
        del writer.add_blank_page(width=595, height=842)[NameObject("/MediaBox")]
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert b"/MediaBox" not in data
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/papers/add/",
        {"title": "Site plan", "is_confidential": "false", "file": SimpleUploadedFile("plan.pdf", data)},
        follow=True,
    )
    assert "The paper “Site plan” gave no page size for pages 1 and 2: A4 was used." in response.content.decode()
    paper = Paper.objects.get()
    with paper.current.file.open("rb") as handle:
        page = PdfReader(handle).pages[0]
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 595, 842]
    pack = pack_build(pack_pk=pack_request(meeting=meeting, variant=MeetingPack.Variant.MEMBERS).pk)
    assert pack.status == MeetingPack.Status.DONE, pack.error


def _store_raw(paper, data: bytes):
    """Put a file in storage as papers were stored before cleaning existed."""
    version = paper.current
    version.file.save("legacy.pdf", ContentFile(data), save=True)


def test_a_pack_never_keeps_a_papers_javascript_even_from_a_paper_stored_before_cleaning(major_item, meeting):
    paper = add_paper(major_item, "Old paper", pages=1)
    _store_raw(paper, _pdf(lambda pdf: (_page_aa_js(pdf), _open_action_js(pdf), _embedded_file(pdf))))
    pack = pack_build(pack_pk=pack_request(meeting=meeting, variant=MeetingPack.Variant.MEMBERS).pk)
    assert pack.status == MeetingPack.Status.DONE, pack.error
    with pack.file.open("rb") as handle:
        _assert_safe(handle.read())


def test_a_pack_that_cannot_read_a_paper_names_it(major_item, meeting):
    paper = add_paper(major_item, "Broken appendix", pages=1)
    _store_raw(paper, b"%PDF-1.7\n1 0 obj garbage\ntrailer\n%%EOF")
    pack = pack_build(pack_pk=pack_request(meeting=meeting, variant=MeetingPack.Variant.MEMBERS).pk)
    assert pack.status == MeetingPack.Status.FAILED
    assert "“Broken appendix”" in pack.error and f"Item {major_item.position}" in pack.error
    assert pack.failed_paper == paper


def test_the_same_meeting_and_papers_give_the_same_pack_bytes(major_item, meeting):
    add_paper(major_item, "Budget", pages=2)
    from meetings.pack import build_pack, pack_contents

    first, front_1, *_ = build_pack(pack_contents(meeting, MeetingPack.Variant.MEMBERS))
    second, front_2, *_ = build_pack(pack_contents(meeting, MeetingPack.Variant.MEMBERS))
    assert first == second and front_1 == front_2
    document = pikepdf.open(io.BytesIO(first))
    assert str(document.docinfo["/CreationDate"]).startswith(f"D:{meeting.date:%Y%m%d}")


@override_settings(REQUEST_BODY_MAX_BYTES=1024 * 1024)
def test_a_body_over_the_limit_is_refused_from_its_content_length_before_it_is_read(officer_client, major_item):
    class Unreadable(io.RawIOBase):
        def read(self, *args):
            raise AssertionError("the body was read")

    response = officer_client.generic(
        "POST",
        f"/agenda-items/{major_item.pk}/papers/add/",
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "What you sent is 60.0 MB" in response.content.decode()
    assert not Paper.objects.exists()
