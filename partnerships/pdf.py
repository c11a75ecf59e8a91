"""HTML to tagged, accessible PDF with WeasyPrint, shared by meeting packs and reports."""

from django.conf import settings
from weasyprint import HTML

# PDF/UA-1 makes WeasyPrint tag headings, lists and tables so screen readers can follow them.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF bytes."""
    document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR))
    return document.write_pdf(pdf_variant=PDF_VARIANT)
