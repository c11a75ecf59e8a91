"""From gathered data to HTML (a Django template) and from HTML to a tagged PDF (WeasyPrint, PDF/UA-1)."""

import hashlib
import io
import logging
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from pypdf import PdfReader

from partnerships.pdf import html_to_pdf

from .models import Kind

# WeasyPrint logs every layout step at INFO; a report's progress is kept on the job instead.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

STYLESHEET = Path(settings.BASE_DIR, "static/css/reporting.css")
TEMPLATES = {
    Kind.ANNUAL_UPDATE: "reporting/report/annual_update.html",
    Kind.COUNCIL_REVIEW: "reporting/report/council_review.html",
}


class ParagraphNumbers:
    """Numbers for a council report's paragraphs, handed out as the template reaches them.

    `{{ number.next }}` gives 1, 2, 3 … through the whole report (seeds/001); `{{ number.3 }}` gives
    3.1, 3.2 … within section 3 (seeds/004).
    """

    def __init__(self):
        self.count = 0
        self.within: dict[str, int] = {}

    @property
    def next(self) -> str:
        self.count += 1
        return str(self.count)

    def __getitem__(self, section) -> str:
        section = str(section)
        if not section.isdigit():
            raise KeyError(section)
        self.within[section] = self.within.get(section, 0) + 1
        return f"{section}.{self.within[section]}"


def body_template(kind: str) -> str:
    return TEMPLATES[kind]


def body_context(data) -> dict:
    """What the report body templates need; the same for the PDF and the browser preview."""
    return {"report": data, "number": ParagraphNumbers()}


def report_html(data) -> str:
    """The whole HTML document WeasyPrint turns into the PDF."""
    context = body_context(data)
    context["body_template"] = body_template(data.kind)
    context["stylesheet"] = STYLESHEET.as_uri()
    return render_to_string("reporting/report/document.html", context)


@cache
def _stylesheet_digest() -> bytes:
    return hashlib.sha256(STYLESHEET.read_bytes()).digest()


def fingerprint(html: str) -> str:
    """Identical HTML and stylesheet make an identical PDF, so a report need never be rendered twice."""
    digest = hashlib.sha256(_stylesheet_digest())
    digest.update(html.encode("utf-8"))
    return digest.hexdigest()


def pdf_from_html(html: str) -> bytes:
    return html_to_pdf(html, base_url=str(settings.BASE_DIR))


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
