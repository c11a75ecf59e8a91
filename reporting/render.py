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

    `{{ number.next }}` gives 1, 2, 3 … through the whole report (as the OSP annual update to Council numbers them); `{{ number.3 }}` gives
    3.1, 3.2 … within section 3 (Cambridge City Council's Annual Review of Strategic Partnerships 2024).
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
def _layout_digest() -> bytes:
    """The stylesheet and the report templates: a change to either changes every fingerprint."""
    digest = hashlib.sha256(STYLESHEET.read_bytes())
    templates = Path(__file__).parent / "templates" / "reporting" / "report"
    for path in sorted(templates.rglob("*.html")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _canonical(value, depth: int = 0):
    """A stable, JSON-ready form of the gathered records: dataclasses, model rows and plain values."""
    import dataclasses
    import datetime as dt
    from decimal import Decimal

    from django.db import models

    if depth > 12:
        return repr(type(value))
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            "@": type(value).__name__,
            **{f.name: _canonical(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)},
        }
    if isinstance(value, models.Model):
        # A row by its stored values, and the related rows already loaded with it (what the template reads).
        row = {"@": value._meta.label}
        for field in value._meta.concrete_fields:
            row[field.attname] = _canonical(field.value_from_object(value), depth + 1)
        for name, related in sorted(value._state.fields_cache.items()):
            row[f"~{name}"] = _canonical(related, depth + 1)
        for name, rows in sorted(getattr(value, "_prefetched_objects_cache", {}).items()):
            row[f"*{name}"] = [_canonical(item, depth + 1) for item in rows]
        return row
    if isinstance(value, dict):
        return {str(key): _canonical(item, depth + 1) for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_canonical(item, depth + 1) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((_canonical(item, depth + 1) for item in value), key=repr)
    if isinstance(value, models.QuerySet):
        return [_canonical(item, depth + 1) for item in value]
    return str(value)


def fingerprint(data) -> str:
    """A hash of the gathered records and the layout: the same records make the same PDF, printed once."""
    import json

    digest = hashlib.sha256(_layout_digest())
    digest.update(json.dumps(_canonical(data), sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def pdf_from_html(html: str) -> bytes:
    return html_to_pdf(html, base_url=str(settings.BASE_DIR))


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
