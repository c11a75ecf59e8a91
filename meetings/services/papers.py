"""Adding and replacing the papers on an agenda item."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from ..models import (
    AgendaItem,
    Paper,
    PaperVersion,
)
from ..paper_text import extract_text
from ..papers import check_pdf


def _store_version(paper: Paper, upload, user) -> PaperVersion:
    """Store the cleaned copy of the upload, never the file as sent; `notes` says what cleaning changed."""
    checked = check_pdf(upload, title=paper.title)
    number = (paper.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = PaperVersion(
        paper=paper,
        number=number,
        original_name=upload.name[-255:],
        size=checked.size,
        page_count=checked.page_count,
        sha256=checked.sha256,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        text=extract_text(upload),
    )
    version.file.save(upload.name, ContentFile(checked.data), save=False)
    version.save()
    version.notes = checked.notes
    paper.current = version
    paper.save(update_fields=["current"])
    return version


@transaction.atomic
def paper_add(*, item: AgendaItem, title: str, is_confidential: bool, upload, user=None) -> Paper:
    """Attach a checked PDF to an item. Raises ValidationError naming what is wrong with the file."""
    check_pdf(upload, title=title)
    position = (item.papers.aggregate(top=Max("position"))["top"] or 0) + 1
    paper = Paper.objects.create(item=item, title=title, is_confidential=is_confidential, position=position)
    _store_version(paper, upload, user)
    return paper


@transaction.atomic
def paper_replace(*, paper: Paper, upload, user=None) -> PaperVersion:
    """A new version of a paper; the earlier ones are kept."""
    return _store_version(paper, upload, user)
