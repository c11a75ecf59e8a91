"""HTML to tagged, accessible PDF with WeasyPrint, shared by meeting packs and reports.

Layout uses only the fonts shipped in static/vendor/fonts, never the machine's, and the file carries
no clock time or random identifier: the same HTML gives the same bytes on every machine.
"""

import datetime as dt
import threading
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http import FileResponse, Http404
from weasyprint import CSS, HTML
from weasyprint.text.ffi import ffi, fontconfig, pangoft2
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

# PDF/UA-1 makes WeasyPrint tag headings, lists and tables so screen readers can follow them.
PDF_VARIANT = "pdf/ua-1"

STATIC_DIR = Path(settings.BASE_DIR, "static")
FONTS_DIR = STATIC_DIR / "vendor" / "fonts"
FONTS_CSS = FONTS_DIR / "fonts.css"
# The families of fonts.css, in the order a character looks for a glyph; stylesheets name them the same way.
FONT_FAMILIES = ("Noto Sans", "Noto Sans Arabic", "Noto Sans SC", "Noto Emoji")
FONT_STACK = ", ".join(f'"{family}"' for family in FONT_FAMILIES)

ffi.cdef("FcConfig * FcConfigCreate (void); FcBool FcConfigBuildFonts (FcConfig *config);")

# One font configuration per process, shared by every render; WeasyPrint's font maps are not thread-safe.
_render_lock = threading.Lock()


class VendoredFonts(FontConfiguration):
    """A font configuration that holds only the @font-face fonts it is given: no system fonts, no fallback."""

    def __init__(self):
        super().__init__()
        empty = fontconfig.FcConfigCreate()
        fontconfig.FcConfigParseAndLoadFromMemory(
            empty,
            b'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig/>',
            True,
        )
        fontconfig.FcConfigBuildFonts(empty)
        # The font map takes its own reference, as in WeasyPrint's own set-up.
        pangoft2.pango_fc_font_map_set_config(ffi.cast("PangoFcFontMap *", self.font_map), empty)
        fontconfig.FcConfigDestroy(empty)
        self._config = empty

    def font_count(self) -> int:
        fonts = fontconfig.FcConfigGetFonts(self._config, fontconfig.FcSetApplication)
        return 0 if fonts == ffi.NULL else fonts.nfont


class LocalFilesOnly(URLFetcher):
    """Fetch only the project's static files and data: URLs, so nothing outside the records shapes a PDF."""

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=False)

    def fetch(self, url, headers=None):
        if url.lower().startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not path.is_relative_to(STATIC_DIR.resolve()):
                raise ValueError(f"Only the project's own static files may be used in a PDF, not {url}")
        return super().fetch(url, headers)


@cache
def _fonts() -> tuple[VendoredFonts, list[CSS], LocalFilesOnly]:
    """The vendored fonts, loaded once per process, and the user stylesheet that makes them the default."""
    fetcher = LocalFilesOnly()
    font_config = VendoredFonts()
    faces = CSS(filename=str(FONTS_CSS), font_config=font_config, url_fetcher=fetcher)
    if not font_config.font_count():
        raise RuntimeError(f"No fonts could be loaded from {FONTS_CSS}: run scripts/vendor_frontend.sh.")
    default = CSS(string=f"html {{ font-family: {FONT_STACK}; }}", font_config=font_config, url_fetcher=fetcher)
    return font_config, [faces, default], fetcher


def pdf_date(value: dt.date | dt.datetime) -> str:
    """A record's date or time in the W3C form WeasyPrint writes as the PDF's creation and change dates."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def html_to_pdf(html: str, *, base_url: str | None = None, dated: dt.date | dt.datetime | None = None) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF bytes.

    `dated` is the record's date the file is stamped with; without it the document's own
    dcterms.created / dcterms.modified meta elements are used, and without those it carries no date.
    """
    with _render_lock:
        font_config, stylesheets, fetcher = _fonts()
        document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR), url_fetcher=fetcher).render(
            stylesheets=stylesheets, font_config=font_config, pdf_variant=PDF_VARIANT
        )
        if dated is not None:
            document.metadata.created = document.metadata.modified = pdf_date(dated)
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
