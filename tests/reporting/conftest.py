import io

import pytest
from pypdf import PdfReader

from partnerships import demo as register_demo
from reporting import demo


@pytest.fixture
def demo_data(db):
    """The partnerships of the source documents and the two narratives, without making the reports."""
    partnerships = register_demo.seed()
    demo.seed_narratives(partnerships)
    return partnerships


def pdf_text(pdf: bytes) -> str:
    """The PDF's text in reading order, lines joined, as a screen reader or a copy-paste would get it."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())
