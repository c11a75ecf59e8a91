"""Who may ask for, read, write and publish reports.

Clerks of an organisation ask for and download the annual updates of every partnership it sits on, and
its own council-wide review; officers of a partnership do the same for its reports, write their
narrative and publish them; members read a report once it is published, and so does anyone when the
partnership is public; nobody else sees any.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from partnerships.access import Access, Level, get_access, get_organisation_for_user, get_partnership_for_user
from partnerships.models import Membership, Organisation, Partnership

from .models import Kind, Report


def manages_partnership_reports(access: Access, partnership: Partnership) -> bool:
    """Officers of the partnership and clerks of an organisation on it ask for and download its reports."""
    return access.level(partnership) >= Level.EDIT or partnership.pk in access.clerk_ids


def manages_council_review(access: Access, organisation: Organisation) -> bool:
    return access.is_admin or organisation.pk in access.clerk_organisation_ids


def represents(access: Access, organisation: Organisation) -> bool:
    """A member who sits on a partnership for the organisation reads its published review."""
    if not access.person_id:
        return False
    return Membership.objects.current().filter(person_id=access.person_id, organisation=organisation).exists()


def get_partnership_reports_for_user(user, slug: str, *, manage: bool = False, edit: bool = False):
    """The partnership, and whether the user manages its reports; others see published ones only.

    Members read them; so does the public, where the partnership is public.
    """
    partnership, access = get_partnership_for_user(user, slug, full=manage, write=edit)
    manages = manages_partnership_reports(access, partnership)
    if manage and not manages:
        raise PermissionDenied("Only the partnership's officers and clerks of its member organisations can do that.")
    return partnership, access, manages


def get_organisation_reviews_for_user(user, slug: str, *, manage: bool = False):
    """The council, and whether the user manages its review; its representatives see published ones only."""
    organisation, access = get_organisation_for_user(user, slug)
    manages = manages_council_review(access, organisation)
    if not manages and (manage or not represents(access, organisation)):
        raise PermissionDenied(f"Only clerks of {organisation.name} can see and ask for its review of partnerships.")
    return organisation, access, manages


def get_report_for_user(user, pk: int, *, manage: bool = False, publish: bool = False) -> tuple[Report, bool, bool]:
    """A report and (manages, may_publish).

    404 to whoever may not read its partnership (or, for a council's review, does not clerk for or
    represent the council); 403 only to those readers when the report is not yet published to them.
    """
    report = get_object_or_404(Report.objects.select_related("partnership", "organisation", "requested_by"), pk=pk)
    access = get_access(user)
    if report.kind == Kind.ANNUAL_UPDATE:
        level = access.level(report.partnership)
        # A public partnership's published reports are for everyone; the rest are unknown to the public.
        if level < Level.READ and not (level == Level.PUBLIC and report.is_published):
            raise Http404("No report found.")
        manages = manages_partnership_reports(access, report.partnership)
        may_publish = level >= Level.EDIT
        reads = manages or (level >= Level.PUBLIC and report.is_published)
    else:
        organisation = report.organisation
        manages = may_publish = manages_council_review(access, organisation)
        if not (manages or represents(access, organisation)):
            raise Http404("No report found.")
        reads = manages or report.is_published
    if not reads:
        if report.is_published or manages:
            raise PermissionDenied("You do not have permission to read this report.")
        raise PermissionDenied("This report has not been published yet. An officer publishes it when it is ready.")
    if manage and not manages:
        raise PermissionDenied("Only those who look after this report can do that.")
    if publish and not may_publish:
        raise PermissionDenied("Only the partnership's officers can publish its reports.")
    return report, manages, may_publish
