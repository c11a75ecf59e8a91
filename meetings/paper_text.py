"""The words of a paper, taken once from its PDF when a version is stored, so search can find them."""

import logging

from pypdf import PdfReader

logger = logging.getLogger(__name__)

# Enough for any agenda paper's substance; a 400-page appendix must not hold up an upload.
MAX_PAGES = 60
MAX_CHARS = 200_000


def extract_text(file) -> str:
    """The text of the first MAX_PAGES pages, at most MAX_CHARS characters; empty if the PDF has none."""
    chunks: list[str] = []
    total = 0
    try:
        file.seek(0)
        reader = PdfReader(file, strict=False)
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            chunks.append(text)
            total += len(text)
            if total >= MAX_CHARS:
                break
    except Exception:  # noqa: BLE001 - a paper whose text cannot be read is still a paper; search just misses it.
        logger.warning("Could not read the text of a paper", exc_info=True)
    finally:
        file.seek(0)
    # PostgreSQL text cannot hold NUL characters, which some PDFs' text layers contain.
    return " ".join(" ".join(chunks).replace("\x00", " ").split())[:MAX_CHARS]
