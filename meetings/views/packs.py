"""The meeting pack: always a PDF at once once one has been built, else the first build's progress, polled."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from partnerships import throttle
from partnerships.access import Level
from partnerships.pdf import serve_pdf
from partnerships.views.common import render_partial

from ..access import can_read_pack, get_meeting_for_user, get_pack_for_user
from ..models import MeetingPack
from ..services import pack_current, pack_for_reader, pack_request


def _meeting_and_variant(request, pk, variant):
    if variant not in MeetingPack.Variant.values:
        raise Http404("No such pack.")
    meeting, access, level = get_meeting_for_user(request.user, pk)
    if not can_read_pack(level, variant, meeting):
        if variant == MeetingPack.Variant.MEMBERS:
            if not request.user.is_authenticated:
                return meeting, redirect_to_login(request.get_full_path())
            raise PermissionDenied("The members' pack, with confidential papers, is for members of the partnership.")
        raise PermissionDenied("The public pack is available once the agenda is published.")
    return meeting, None


def _file_name(file) -> str:
    return file.name.rsplit("/", 1)[-1].split("-", 2)[-1]


def _waiting(request, meeting, variant):
    """No pack has been built for this audience yet: the build's progress, polled until it is ready."""
    pack = meeting.packs.filter(variant=variant).order_by("-requested_at").first()
    context = {"meeting": meeting, "variant": variant, "label": dict(MeetingPack.Variant.choices)[variant]}
    return render(request, "meetings/pack_missing.html", {**context, "pack": pack, "can_edit": False})


def pack_download(request, pk, variant):
    """The pack as a PDF at once: as the meeting stands now, or the last one while the rebuild runs."""
    meeting, refused = _meeting_and_variant(request, pk, variant)
    if refused:
        return refused
    pack = pack_for_reader(meeting=meeting, variant=variant, user=request.user)
    if pack is None:
        return _waiting(request, meeting, variant)
    return serve_pdf(pack.file, _file_name(pack.file))


@login_required
@require_POST
def pack_prepare(request, pk, variant):
    """Building a pack costs the server seconds: only signed-in readers of the pack start one, a few at a time."""
    meeting, refused = _meeting_and_variant(request, pk, variant)
    if refused:
        return refused
    if not throttle.allow(user=request.user, action="pack_build"):
        return render(request, "429.html", {"what": "meeting packs"}, status=429)
    pack = pack_request(meeting=meeting, variant=variant, user=request.user)
    return redirect("meetings:pack_status", pk=pack.pk)


def pack_status(request, pk):
    """Progress of one build; htmx polls the fragment until it has finished."""
    pack, access, level = get_pack_for_user(request.user, pk)
    context = {
        "pack": pack,
        "meeting": pack.meeting,
        "can_edit": level >= Level.EDIT,
        "current": pack_current(meeting=pack.meeting, variant=pack.variant) if pack.is_finished else None,
    }
    return render_partial(request, "meetings/pack_status.html", context, "progress")


def pack_agenda(request, pk):
    """The front sheet and agenda alone, as a tagged PDF that screen readers can follow."""
    pack, access, level = get_pack_for_user(request.user, pk)
    if pack.status != MeetingPack.Status.DONE or not pack.agenda_file:
        raise Http404("This pack has not been built.")
    return serve_pdf(pack.agenda_file, _file_name(pack.agenda_file))


def pack_agenda_current(request, pk, variant):
    """The front sheet and agenda of the pack as the meeting stands now, linked beside the pack on the meeting."""
    meeting, refused = _meeting_and_variant(request, pk, variant)
    if refused:
        return refused
    pack = pack_for_reader(meeting=meeting, variant=variant, user=request.user)
    if pack is None or not pack.agenda_file:
        return _waiting(request, meeting, variant)
    return serve_pdf(pack.agenda_file, _file_name(pack.agenda_file))


def pack_read(request, pk, variant):
    """The pack in the browser's viewer, for reading on a screen without downloading it."""
    meeting, refused = _meeting_and_variant(request, pk, variant)
    if refused:
        return refused
    if pack_for_reader(meeting=meeting, variant=variant, user=request.user) is None:
        return _waiting(request, meeting, variant)
    label = dict(MeetingPack.Variant.choices)[variant]
    return render(request, "meetings/pack_read.html", {"meeting": meeting, "variant": variant, "label": label})
