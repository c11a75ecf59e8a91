"""The words of a paper, taken once from its PDF when a version is stored, so search can find them."""

import bisect
import logging
import unicodedata

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


def page_texts(file) -> list[str]:
    """The text of each of the first MAX_PAGES pages, for finding a passage again; empty if unreadable."""
    try:
        file.seek(0)
        reader = PdfReader(file, strict=False)
        return [(page.extract_text() or "").replace("\x00", " ") for page in reader.pages[:MAX_PAGES]]
    except Exception:  # noqa: BLE001 - an unreadable paper finds no passages; its notes are flagged, never lost
        logger.warning("Could not read the pages of a paper", exc_info=True)
        return []
    finally:
        file.seek(0)


def squash(text: str) -> str:
    """Text compared as words only: the viewer and the extractor break lines and space words differently."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def find_passage(pages: list[str], quote: str, prefix: str = "", suffix: str = "") -> int | None:
    """The page (from 1) where the passage is, preferring where its context matches too; None if it is gone."""
    wanted = squash(quote)
    if not wanted:
        return None
    squashed = [squash(page) for page in pages]
    joined = "".join(squashed)
    starts, total = [], 0
    for page in squashed:
        starts.append(total)
        total += len(page)
    before, after = squash(prefix)[-30:], squash(suffix)[:30]
    found, at = None, joined.find(wanted)
    while at != -1:
        found = found if found is not None else at
        if joined[:at].endswith(before) and joined[at + len(wanted) :].startswith(after):
            found = at
            break
        at = joined.find(wanted, at + 1)
    if found is None:
        return None
    return bisect.bisect_right(starts, found)
