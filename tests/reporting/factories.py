import datetime as dt

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from reporting.models import Kind, Narrative, Report
from tests.factories import PartnershipFactory

# A tiny valid PDF stands in for a rendered report where only access or storage is being tested.
TINY_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class NarrativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Narrative

    kind = Kind.ANNUAL_UPDATE
    partnership = factory.SubFactory(PartnershipFactory)
    year = 2022


class ReportFactory(factory.django.DjangoModelFactory):
    """A finished annual update report with a PDF on file."""

    class Meta:
        model = Report

    kind = Kind.ANNUAL_UPDATE
    partnership = factory.SubFactory(PartnershipFactory)
    year = 2022
    as_at = dt.date(2023, 3, 31)
    status = Report.Status.DONE
    progress = 100
    finished_at = factory.LazyFunction(timezone.now)
    page_count = 1
    file_size = len(TINY_PDF)
    file = factory.LazyFunction(lambda: ContentFile(TINY_PDF, name="report.pdf"))


def council_review(organisation, **kwargs) -> Report:
    return ReportFactory(kind=Kind.COUNCIL_REVIEW, partnership=None, organisation=organisation, year=2023, **kwargs)
