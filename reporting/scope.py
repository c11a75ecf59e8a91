"""What one caller may read, as querysets: the project's access rules composed for lists.

The single-record rules live with each app (partnerships/access.py and its siblings). A list needs the
same answer for many records in one query, so these compose `Access` (its readable ids, its visible
partnerships, its readable people) with the publication states the meeting pages use. Tests compare
each scope with the single-record rules record by record.
"""

from django.db.models import Q

from meetings.models import Meeting
from partnerships.access import Access
from partnerships.models import Membership, Organisation, Partnership, Person


def _reads_in_full(access: Access, path: str) -> Q:
    """Records of partnerships the caller reads in full (Level.READ and above)."""
    if access.is_admin:
        return Q(pk__isnull=False)
    return Q(**{f"{path}_id__in": access.readable_ids})


def _public(path: str) -> Q:
    return Q(**{f"{path}__is_public": True})


def partnerships(access: Access):
    return access.visible_partnerships()


def meetings(access: Access):
    return Meeting.objects.visible_to(access)


def record_shown(access: Access, path: str | None = "meeting") -> Q:
    """page_flags 'show_record' for many meetings (path None: the meetings themselves).

    The public reads the record once minutes are approved.
    """
    prefix = f"{path}__" if path else ""
    approved = Q(**{f"{prefix}minutes_status": Meeting.MinutesStatus.APPROVED})
    return _reads_in_full(access, f"{prefix}partnership") | (_public(f"{prefix}partnership") & approved)


def read_in_full(access: Access, path: str = "partnership") -> Q:
    """Records that only those who read the partnership in full may see."""
    return _reads_in_full(access, path)


def published(access: Access, path: str = "partnership") -> Q:
    """What a partnership publishes (themes, achievements, outcomes): its readers', and everyone's if public."""
    return _reads_in_full(access, path) | _public(path)


def memberships(access: Access):
    """Seats of the partnerships the caller sees: the membership list is public as at any date."""
    return Membership.objects.filter(partnership__in=partnerships(access).values("pk"))


def people(access: Access):
    """People the caller may read, and those who sit on a partnership the caller sees (by name only)."""
    if access.is_admin:
        return Person.objects.all()
    seated = Membership.objects.filter(partnership__in=partnerships(access).values("pk")).values("person_id")
    return Person.objects.filter(Q(pk__in=access.readable_people().values("pk")) | Q(pk__in=seated))


def organisations(access: Access):
    """Any login with a role reads the organisations directory; the public, those named on public pages."""
    if access.is_officer or access.readable_ids or access.is_clerk:
        return Organisation.objects.all()
    public = Partnership.objects.filter(is_public=True)
    return Organisation.objects.filter(
        Q(pk__in=Membership.objects.filter(partnership__in=public).values("organisation_id"))
        | Q(pk__in=public.values("host_organisation_id"))
    )


def reports(access: Access):
    """Published reports, to those reporting.access.get_report_for_user lets read them (public ones to all)."""
    from reporting.models import Kind, Report

    done = Report.objects.published()
    if access.is_admin:
        return done
    councils = set(access.clerk_organisation_ids)
    if access.person_id:
        councils |= set(
            Membership.objects.current().filter(person_id=access.person_id).values_list("organisation_id", flat=True)
        )
    return done.filter(
        (Q(kind=Kind.ANNUAL_UPDATE) & published(access, "partnership"))
        | Q(kind=Kind.COUNCIL_REVIEW, organisation_id__in=councils)
    )
