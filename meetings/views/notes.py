"""Reading a paper in the browser and keeping notes on it; the page works as a plain form without scripts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from partnerships.access import Level

from ..access import get_meeting_for_user, get_note_for_user, get_paper_for_user
from ..models import PaperNote
from ..notes_forms import NoteEditForm, NoteForm
from ..services.notes import note_add, note_delete, note_update, notes_csv, notes_for_export, notes_markdown


@login_required
@require_http_methods(["GET", "POST"])
def paper_read(request, pk):
    """The paper in the viewer, the notes the reader may see on it, and the form to add one."""
    paper, access, level = get_paper_for_user(request.user, pk)
    is_member = level >= Level.READ
    form = NoteForm(request.POST if request.method == "POST" else None, can_share=is_member)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            note = note_add(
                author=request.user,
                paper=paper,
                level=level,
                quote=data["quote"],
                text=data["text"],
                prefix=data["prefix"],
                suffix=data["suffix"],
                page=data["page"],
                is_shared=data.get("is_shared", False),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your note has been saved.")
            return redirect(f"{reverse('meetings:paper_read', args=[paper.pk])}#note-{note.pk}")
    notes = (
        PaperNote.objects.filter(paper=paper)
        .readable_by(request.user, member=is_member)
        .select_related("author__person", "version", "lost_in")
    )
    return render(
        request,
        "meetings/paper_read.html",
        {"paper": paper, "meeting": paper.item.meeting, "form": form, "notes": notes, "is_member": is_member},
    )


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, pk):
    note, paper, level = get_note_for_user(request.user, pk, write=True)
    form = NoteEditForm(
        request.POST if request.method == "POST" else None,
        initial={"text": note.text, "is_shared": note.is_shared},
        can_share=level >= Level.READ,
    )
    if request.method == "POST" and form.is_valid():
        note_update(
            note=note, text=form.cleaned_data["text"], is_shared=form.cleaned_data.get("is_shared", False), level=level
        )
        messages.success(request, "Your note has been updated.")
        return redirect(f"{reverse('meetings:paper_read', args=[paper.pk])}#note-{note.pk}")
    return render(
        request, "meetings/note_form.html", {"form": form, "note": note, "paper": paper, "meeting": paper.item.meeting}
    )


@login_required
@require_POST
def note_delete_view(request, pk):
    note, paper, level = get_note_for_user(request.user, pk, write=True)
    note_delete(note=note)
    messages.success(request, "Your note has been deleted.")
    return redirect("meetings:paper_read", pk=paper.pk)


@login_required
def notes_export(request, pk, fmt):
    """A person's own notes on a meeting's papers, to keep: CSV for a spreadsheet or Markdown to read."""
    meeting, access, level = get_meeting_for_user(request.user, pk)
    notes = list(notes_for_export(user=request.user, meeting=meeting, level=level))
    name = f"notes-{meeting.date:%Y-%m-%d}"
    if fmt == "csv":
        response = HttpResponse(notes_csv(notes), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(notes_markdown(notes, meeting=meeting), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{"csv" if fmt == "csv" else "md"}"'
    response["Cache-Control"] = "private, no-store"
    return response
