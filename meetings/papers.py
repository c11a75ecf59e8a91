"""Checks on an uploaded paper: a real, readable, unencrypted PDF of at most 25 MB."""

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PdfStreamError

MAX_PAPER_BYTES = 25 * 1024 * 1024

# What a file's first bytes say it really is, for a clearer message than "not a PDF".
_SIGNATURES = [
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"PK\x03\x04", "a Word, Excel or zip file"),
    (b"\xd0\xcf\x11\xe0", "an older Word or Excel file"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"{\\rtf", "a rich text document"),
]


@dataclass(frozen=True)
class CheckedPdf:
    size: int
    page_count: int
    sha256: str


def _looks_like(head: bytes) -> str:
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return what
    return ""


def check_pdf(upload) -> CheckedPdf:
    """Raise ValidationError with a message a person can act on, or return what the pack needs."""
    name = getattr(upload, "name", "") or ""
    size = upload.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty. Choose the PDF again.", code="empty")
    if size > MAX_PAPER_BYTES:
        raise ValidationError(
            f"The selected file must be smaller than 25 MB (it is {size / 1024 / 1024:.1f} MB).", code="too_big"
        )
    if not name.lower().endswith(".pdf"):
        raise ValidationError("The selected file must be a PDF. Save it as a PDF and upload that.", code="type")
    upload.seek(0)
    head = upload.read(1024)
    if b"%PDF-" not in head[:1024]:
        what = _looks_like(head)
        detail = f": it looks like {what}" if what else ""
        raise ValidationError(
            f"The selected file is called {name} but it is not a PDF{detail}. Upload the paper as a PDF.",
            code="content",
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(max(0, size - 2048))
    tail = upload.read()
    if b"%%EOF" not in tail:
        raise ValidationError(
            "The selected PDF is incomplete: the file ends before the PDF does. Save it again and upload the new copy.",
            code="truncated",
        )
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                "The selected PDF is protected with a password. Upload a copy without a password, "
                "so members and the public can open it.",
                code="encrypted",
            )
        page_count = len(reader.pages)
        if page_count:
            reader.pages[0].get_contents()
    except ValidationError:
        raise
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, OSError):
        raise ValidationError(
            "The selected PDF is damaged and cannot be read. Save it again and upload the new copy.",
            code="unreadable",
        ) from None
    finally:
        upload.seek(0)
    if page_count == 0:
        raise ValidationError("The selected PDF has no pages.", code="no_pages")
    return CheckedPdf(size=size, page_count=page_count, sha256=digest.hexdigest())
