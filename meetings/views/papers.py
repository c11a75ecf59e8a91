"""Papers: upload, replace, and download through an access check (never from a public address)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerships.pdf import serve_pdf

from ..access import get_item_for_user, get_paper_for_user, get_paper_version_for_user
from ..forms import PaperForm, ReplacePaperForm
from ..services import paper_add, paper_replace


@login_required
@require_http_methods(["GET", "POST"])
def paper_add_view(request, pk):
    item, access, level = get_item_for_user(request.user, pk, write=True)
    form = PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            paper = paper_add(
                item=item,
                title=form.cleaned_data["title"],
                is_confidential=form.cleaned_data["is_confidential"],
                upload=form.cleaned_data["file"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            kind = "confidential" if paper.is_confidential else "public"
            notes = getattr(paper.current, "notes", "")
            messages.success(
                request, f"The {kind} paper “{paper.title}” has been added to item {item.position}. {notes}".strip()
            )
            return redirect(item.meeting)
    return render(request, "meetings/paper_form.html", {"form": form, "item": item, "meeting": item.meeting})


@login_required
@require_http_methods(["GET", "POST"])
def paper_replace_view(request, pk):
    paper, access, level = get_paper_for_user(request.user, pk, write=True)
    form = ReplacePaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = paper_replace(paper=paper, upload=form.cleaned_data["file"], user=request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request,
                f"“{paper.title}” is now version {version.number}. Earlier versions are kept. {version.notes}".strip(),
            )
            return redirect(paper.item.meeting)
    versions = paper.versions.select_related("uploaded_by")
    return render(
        request,
        "meetings/paper_replace.html",
        {"form": form, "paper": paper, "meeting": paper.item.meeting, "versions": versions},
    )


def paper_download(request, pk):
    paper, access, level = get_paper_for_user(request.user, pk)
    return serve_pdf(paper.current.file, paper.current.download_name)


def paper_version_download(request, pk, number):
    version, access = get_paper_version_for_user(request.user, pk, number)
    return serve_pdf(version.file, version.download_name)
