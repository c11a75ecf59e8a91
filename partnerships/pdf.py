"""HTML to tagged, accessible PDF with WeasyPrint, shared by meeting packs and reports."""

from django.conf import settings
from django.http import FileResponse, Http404
from weasyprint import HTML

# PDF/UA-1 makes WeasyPrint tag headings, lists and tables so screen readers can follow them.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF bytes."""
    document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR))
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def serve_pdf(file_field, filename: str, *, inline: bool = True) -> FileResponse:
    """Stream a stored PDF to someone the calling view has already let see it; never kept by shared caches."""
    try:
        handle = file_field.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage.") from None
    response = FileResponse(handle, content_type="application/pdf", as_attachment=not inline, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
