import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ..access import Level, get_access, get_partnership_for_user
from ..collation import by_name
from ..concurrency import save_form
from ..forms import PartnershipForm
from ..fragments import conditional, fragment_key, lazy_context, record_state
from ..govuk import query_text
from ..models import Membership, Participation, Partnership
from ..services import partnership_all_warnings, partnership_save
from .common import history_entries, paginate, render_partial


def partnership_list(request):
    access = get_access(request.user)
    query = query_text(request.GET.get("q"))
    kind = query_text(request.GET.get("kind"))

    def results() -> dict:
        partnerships = (
            access.visible_partnerships()
            .select_related("parent", "host_organisation")
            .annotate(sub_group_count=Count("sub_groups", filter=access.visible_sub_groups_q(), distinct=True))
            .order_by("name")
        )
        if query:
            partnerships = partnerships.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
        if kind in Partnership.Kind.values:
            partnerships = partnerships.filter(kind=kind)
        page, querystring = paginate(request, partnerships)
        return {"page": page, "querystring": querystring}

    context = {
        "query": query,
        "kind": kind,
        "kinds": Partnership.Kind.choices,
        "can_create": access.is_admin,
        "fragment_key": fragment_key(
            "partnerships:partnership_list",
            access=access,
            depends=("partnerships.partnership", "partnerships.organisation"),
            parts=(request.get_full_path(),),
        ),
        **lazy_context(results, ("page", "querystring")),
    }
    return conditional(
        request,
        context["fragment_key"],
        lambda: render_partial(request, "partnerships/partnership_list.html", context, "results"),
    )


def partnership_detail(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug)
    level = access.level(partnership)
    context = {
        "partnership": partnership,
        "level": level,
        "can_edit": level >= Level.EDIT,
        "can_read": level >= Level.READ,
        # The seats, sub-groups and warnings are read only when the cached page is missing. The warnings
        # gather every app's, so any save anywhere makes it again.
        "fragment_key": fragment_key(
            "partnerships:partnership_detail",
            access=access,
            depends=DETAIL_APPS,
            parts=(record_state(partnership), request.get_full_path(), dt.date.today()),
        ),
        **lazy_context(lambda: _detail_context(partnership, access, level), DETAIL_NAMES),
    }
    return conditional(
        request, context["fragment_key"], lambda: render(request, "partnerships/partnership_detail.html", context)
    )


DETAIL_APPS = ("partnerships", "meetings", "themes", "taskgroups", "reporting")
DETAIL_NAMES = ("seats", "supporting", "office_seats", "office_seat_count", "member_organisations", "sub_groups")
DETAIL_NAMES = (*DETAIL_NAMES, "reports_to", "warnings", "budgets")


def _detail_context(partnership, access, level) -> dict:
    memberships = list(
        Membership.objects.current()
        .filter(partnership=partnership)
        .select_related("person", "organisation", "alternate_for__person")
        .order_by(*by_name("person__"))
    )
    role_order = {role: index for index, role in enumerate(Membership.Role.values)}
    memberships.sort(key=lambda m: role_order[m.role])
    participations = list(
        Participation.objects.current().filter(partnership=partnership).select_related("organisation")
    )
    sub_groups = list(partnership.sub_groups.order_by("name"))
    if level < Level.READ:
        sub_groups = [group for group in sub_groups if group.is_public]
    context = {
        "seats": [m for m in memberships if m.role in Membership.SEAT_ROLES],
        "supporting": [m for m in memberships if m.role == Membership.Role.SUPPORTING_OFFICER],
        "office_seats": [p for p in participations if p.is_seat],
        "office_seat_count": sum(1 for p in participations if p.is_seat),
        "member_organisations": [p for p in participations if not p.is_seat],
        "sub_groups": sub_groups,
        "reports_to": [other for other in partnership.reports_to.all() if access.can_see(other)],
        "warnings": partnership_all_warnings(
            partnership=partnership, memberships=memberships, participations=participations
        )
        if level >= Level.READ
        else [],
    }
    if level >= Level.READ:
        context["budgets"] = list(partnership.budgets.all()[:3])
    return context


def partnership_tree_view(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug)
    children = Partnership.objects.tree()
    wanted = {partnership.pk}
    stack = [partnership.pk]
    while stack:
        for child in children.get(stack.pop(), []):
            wanted.add(child)
            stack.append(child)
    by_id = {
        p.pk: p
        for p in Partnership.objects.filter(pk__in=wanted).only(
            "pk", "name", "short_name", "slug", "is_public", "parent_id", "kind"
        )
    }

    def branch(pk):
        node = by_id[pk]
        kids = sorted((by_id[c] for c in children.get(pk, []) if c in by_id), key=lambda p: p.name)
        return {"partnership": node, "children": [branch(k.pk) for k in kids if access.can_see(k)]}

    return render(
        request, "partnerships/partnership_tree.html", {"partnership": partnership, "tree": branch(partnership.pk)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def partnership_create(request):
    access = get_access(request.user)
    parent = None
    if request.GET.get("parent"):
        parent, access = get_partnership_for_user(request.user, request.GET["parent"], write=True)
    elif not access.is_admin:
        raise PermissionDenied(
            "Only administrators add a partnership in its own right. "
            "Officers add sub-groups from the page of the partnership they look after."
        )
    form = PartnershipForm(request.POST or None, access=access, initial={"parent": parent})
    if request.method == "POST" and form.is_valid():
        partnership = form.save(commit=False)
        if partnership.parent and not access.can_edit(partnership.parent):
            raise PermissionDenied("You cannot add a sub-group to a partnership you do not look after.")
        if created := save_form(form, lambda _, __: partnership_save(partnership=partnership)):
            messages.success(request, f"{created.name} has been added.")
            return redirect(created)
    return render(request, "partnerships/partnership_form.html", {"form": form, "parent": parent})


@login_required
@require_http_methods(["GET", "POST"])
def partnership_edit(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    form = PartnershipForm(request.POST or None, instance=partnership, access=access)
    if request.method == "POST" and form.is_valid():
        updated = save_form(form, lambda record, version: partnership_save(partnership=record, started_from=version))
        if updated:
            messages.success(request, "Your changes have been saved.")
            return redirect(updated)
    return render(request, "partnerships/partnership_form.html", {"form": form, "partnership": partnership})


@login_required
def partnership_history(request, slug):
    partnership, access = get_partnership_for_user(request.user, slug, write=True)
    return render(
        request,
        "partnerships/history.html",
        {
            "record": partnership,
            "entries": history_entries(partnership),
            "back": partnership.get_absolute_url(),
            "partnership": partnership,
        },
    )
