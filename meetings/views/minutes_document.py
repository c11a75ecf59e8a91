"""The minutes of a meeting as a page to read and as a tagged PDF to download."""

from django.http import HttpResponse
from django.shortcuts import render

from ..access import get_minutes_for_user
from ..minutes_document import minutes_document, minutes_filename, minutes_pdf


def minutes_page(request, pk):
    """Who came, apologies, alternates, guests, declarations, each item's minute, decisions, votes and actions."""
    meeting, access, level = get_minutes_for_user(request.user, pk)
    document = minutes_document(meeting=meeting)
    return render(
        request,
        "meetings/minutes_document/page.html",
        {"document": document, "meeting": meeting, "partnership": meeting.partnership},
    )


def minutes_download(request, pk):
    """The same minutes as a tagged PDF."""
    meeting, access, level = get_minutes_for_user(request.user, pk)
    document = minutes_document(meeting=meeting)
    response = HttpResponse(minutes_pdf(document=document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{minutes_filename(meeting)}"'
    response["X-Content-Type-Options"] = "nosniff"
    if document.is_draft:
        # Draft minutes are for the partnership's members: no shared cache may keep them.
        response["Cache-Control"] = "private, no-store"
    return response
