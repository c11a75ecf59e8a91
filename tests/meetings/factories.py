"""Meeting records for tests, and small PDFs made on the spot."""

import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from meetings.models import Action, AgendaItem, Meeting
from meetings.services import meeting_create, paper_add
from tests.factories import PartnershipFactory


def pdf_bytes(pages: int = 1, *, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_upload(name: str = "paper.pdf", pages: int = 1, **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(pages, **kwargs), content_type="application/pdf")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    partnership = factory.SubFactory(PartnershipFactory)
    date = dt.date(2024, 3, 12)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return meeting_create(meeting=model_class(*args, **kwargs))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Major item {n}")
    kind = AgendaItem.Kind.MAJOR
    position = factory.LazyAttribute(lambda item: item.meeting.items.count() + 100)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    raised_at = factory.SubFactory(MeetingFactory)
    partnership = factory.LazyAttribute(lambda a: a.raised_at.partnership)
    description = factory.Sequence(lambda n: f"Action {n}")


def add_paper(item, title="Report", *, confidential=False, pages=1, name="report.pdf"):
    return paper_add(item=item, title=title, is_confidential=confidential, upload=pdf_upload(name, pages))


def text_pdf_upload(*pages: str, name: str = "paper.pdf") -> SimpleUploadedFile:
    """A PDF whose pages carry the given lines of text, so passages can be quoted and found."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    for text in pages:
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        lines = " ".join(f"({line}) Tj 0 -16 Td" for line in text.split("\n"))
        page.Contents = pdf.make_stream(f"BT /F1 11 Tf 56 780 Td {lines} ET".encode("latin-1"))
    out = io.BytesIO()
    pdf.save(out)
    return SimpleUploadedFile(name, out.getvalue(), content_type="application/pdf")
