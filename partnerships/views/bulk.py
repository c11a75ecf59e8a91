"""Members in bulk: add many seats from a list or file, end several at once, give a person a login."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import get_membership_for_user, get_partnership_for_user
from ..bulk import memberships_end_many, memberships_import, rows_check, rows_to_text
from ..bulk_forms import EndSeatsForm, ImportConfirmForm, InviteForm, MembersImportForm
from ..invitations import login_invite


def _preview_context(partnership, rows):
    preview = rows_check(partnership=partnership, rows=rows)
    problems = sum(1 for row in preview if not row.form.is_valid())
    return preview, problems


@login_required
@require_http_methods(["GET", "POST"])
def membership_import(request, slug):
    """Check a list of members row by row; add them all, in one step, once every row is right."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    context = {"partnership": partnership, "preview": None, "problems": 0, "confirm": None}
    if request.method == "POST" and "staged" in request.POST:
        confirm = ImportConfirmForm(request.POST, partnership=partnership)
        rows = confirm.cleaned_data["staged"] if confirm.is_valid() else []
        form = MembersImportForm(initial={"pasted": rows_to_text(rows) if rows else ""})
        if rows:
            preview, problems = _preview_context(partnership, rows)
            if not problems:
                saved = memberships_import(partnership=partnership, rows=preview, by=request.user)
                messages.success(request, f"{len(saved)} members have been added to {partnership.name}.")
                return redirect("partnerships:membership_list", slug=partnership.slug)
            context.update(preview=preview, problems=problems)
        context.update(form=form, confirm_errors=confirm.errors.get("staged", []))
        return render(request, "partnerships/membership_import.html", context)
    form = MembersImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        preview, problems = _preview_context(partnership, form.rows)
        if form.cleaned_data.get("upload"):
            # The file's rows go in the box, so nothing in it is lost and each can be corrected there.
            form = MembersImportForm(initial={"pasted": rows_to_text(form.rows)})
        if problems and form.is_bound:
            form.add_error("pasted", f"{problems} of {len(preview)} rows need correcting before any member is added.")
        elif not problems:
            staged = ImportConfirmForm.sign(partnership, [row.given for row in preview])
            context["confirm"] = ImportConfirmForm(initial={"staged": staged}, partnership=partnership)
        context.update(preview=preview, problems=problems)
    context["form"] = form
    return render(request, "partnerships/membership_import.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def memberships_end(request, slug):
    """End the chosen seats on one date, for one reason."""
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = EndSeatsForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        seats = list(form.cleaned_data["seats"])
        try:
            memberships_end_many(
                memberships=seats,
                end_date=form.cleaned_data["end_date"],
                reason=form.cleaned_data["end_reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("end_date", error.messages)
        else:
            when = form.cleaned_data["end_date"]
            messages.success(request, f"{len(seats)} seats end on {when:%-d %B %Y}.")
            return redirect("partnerships:membership_list", slug=partnership.slug)
    return render(request, "partnerships/memberships_end.html", {"form": form, "partnership": partnership})


@login_required
@require_http_methods(["GET", "POST"])
def membership_login(request, pk):
    """Give the person in a seat a login, and officer rights (or, for administrators, a council's clerk rights)."""
    membership, access = get_membership_for_user(request.user, pk, write=True)
    partnership, person = membership.partnership, membership.person
    # A clerk reads every partnership their council sits on: more than one partnership's officers may open.
    organisation = membership.organisation
    clerk_of = organisation if access.is_admin and organisation and organisation.is_council else None
    form = InviteForm(
        request.POST or None,
        clerk_of=clerk_of,
        initial={"email": person.user.email if person.user_id else person.email},
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("make_clerk") and clerk_of is None:
            raise PermissionDenied("Only an administrator can make a clerk.")
        try:
            _user, given = login_invite(
                person=person,
                partnership=partnership,
                email=form.cleaned_data["email"],
                make_officer=form.cleaned_data["make_officer"],
                clerk_of=clerk_of if form.cleaned_data.get("make_clerk") else None,
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            rights = f" as {' and '.join(given)}" if given else ""
            messages.success(request, f"An invitation{rights} is on its way to {person}.")
            return redirect("partnerships:membership_list", slug=partnership.slug)
    roles = {
        "officer_of": list(person.user.officer_roles.select_related("partnership")) if person.user_id else [],
        "clerk_of": list(person.user.clerk_roles.select_related("organisation")) if person.user_id else [],
    }
    context = {"form": form, "partnership": partnership, "membership": membership, "person": person, **roles}
    return render(request, "partnerships/membership_login.html", context)
