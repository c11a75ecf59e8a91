"""Operations across partnership records, and the governance checks of the OSP Terms of Reference."""

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction

from .concurrency import save_versioned
from .models import Membership, Participation, Partnership, unique_slug


@dataclass(frozen=True)
class GovernanceWarning:
    kind: str
    message: str


# Apps below partnerships add their own warnings to the partnership page (a group past its end date,
# an overdue theme report) by registering a provider in AppConfig.ready().
WARNING_PROVIDERS: list = []


def register_warning_provider(provider) -> None:
    """provider(*, partnership, today) -> list[GovernanceWarning]; keep it to a fixed number of queries."""
    if provider not in WARNING_PROVIDERS:
        WARNING_PROVIDERS.append(provider)


def partnership_all_warnings(
    *,
    partnership: Partnership,
    memberships: list[Membership],
    participations: list[Participation] | None = None,
    today: dt.date | None = None,
):
    """Governance warnings from the seats, then every registered app's warnings."""
    today = today or dt.date.today()
    warnings = partnership_warnings(partnership=partnership, memberships=memberships, today=today)
    if participations is None:
        participations = list(
            Participation.objects.current(today).filter(partnership=partnership).select_related("organisation")
        )
    warnings.extend(participation_warnings(participations=participations))
    for provider in WARNING_PROVIDERS:
        warnings.extend(provider(partnership=partnership, today=today))
    return warnings


def membership_save(*, membership: Membership, started_from: int | None = None) -> Membership:
    """Add or change a seat, checking every membership rule first."""
    membership.full_clean()
    return save_versioned(membership, started_from=started_from)


def membership_end(
    *, membership: Membership, end_date: dt.date, reason: str = "", started_from: int | None = None
) -> Membership:
    """End a seat on a date; the record is kept so the membership as at any date can be shown."""
    with transaction.atomic():
        membership.end_date = end_date
        membership.end_reason = reason
        membership.full_clean()
        save_versioned(membership, started_from=started_from)
        # An alternate cannot outlast the lead representative they stand in for.
        for alternate in membership.alternates.filter(end_date__isnull=True):
            alternate.end_date = max(end_date, alternate.start_date or end_date)
            alternate.end_reason = f"Lead representative {membership.person} stood down"
            save_versioned(alternate)
    return membership


def participation_save(*, participation: Participation, started_from: int | None = None) -> Participation:
    """Add or change a seat held by office, a vacant seat or a member organisation, checking its rules first."""
    participation.full_clean()
    return save_versioned(participation, started_from=started_from)


def partnership_save(*, partnership: Partnership, started_from: int | None = None) -> Partnership:
    if not partnership.slug:
        partnership.slug = unique_slug(Partnership, partnership.name)
    partnership.full_clean()
    return save_versioned(partnership, started_from=started_from)


def partnership_warnings(
    *, partnership: Partnership, memberships: list[Membership], today: dt.date | None = None
) -> list[GovernanceWarning]:
    """Governance warnings from the current seats (the OSP Terms of Reference 'Membership of the OSP', 'Criteria for membership').

    `memberships` are the partnership's current memberships with person and organisation loaded.
    """
    today = today or dt.date.today()
    warnings: list[GovernanceWarning] = []
    officers = {m.role: m for m in memberships if m.role in (Membership.Role.CHAIR, Membership.Role.DEPUTY_CHAIR)}
    for membership in officers.values():
        role = membership.get_role_display().lower()
        ends = membership.tenure_ends
        if membership.start_date and not membership.end_date and ends <= today:
            warnings.append(
                GovernanceWarning(
                    "tenure",
                    f"{membership.person} has been {role} since {membership.start_date:%-d %B %Y}, "
                    f"past the normal tenure of {Membership.NORMAL_TENURE_YEARS} years.",
                )
            )
        elif ends and today <= ends <= today + relativedelta(months=3):
            warnings.append(
                GovernanceWarning("tenure", f"{membership.person}'s tenure as {role} ends on {ends:%-d %B %Y}.")
            )
    chair, deputy = officers.get(Membership.Role.CHAIR), officers.get(Membership.Role.DEPUTY_CHAIR)
    if chair and deputy and chair.start_date and deputy.start_date:
        first, second = sorted([chair.start_date, deputy.start_date])
        if second < first + relativedelta(months=6):
            warnings.append(
                GovernanceWarning(
                    "stagger",
                    "The chair and deputy chair started within six months of each other. "
                    "Their start dates should be staggered so that one can hand over to the other.",
                )
            )
    seats_by_org: dict[int, list[Membership]] = {}
    for membership in memberships:
        if membership.organisation_id and membership.role in Membership.SEAT_ROLES:
            seats_by_org.setdefault(membership.organisation_id, []).append(membership)
    for seats in sorted(seats_by_org.values(), key=lambda s: s[0].organisation.name):
        organisation = seats[0].organisation
        leads = [m for m in seats if m.role in Membership.LEAD_ROLES]
        if leads and not any(m.is_lead_representative for m in leads):
            warnings.append(GovernanceWarning("lead", f"{organisation} has no lead representative."))
        if organisation.is_council:
            has_councillor = any(m.person.is_councillor for m in leads)
            has_officer = any(not m.person.is_councillor for m in leads)
            if not (has_councillor and has_officer):
                missing = "councillor" if not has_councillor else "officer"
                warnings.append(
                    GovernanceWarning(
                        "council",
                        f"{organisation} is a council and should have both a councillor and an officer seat; "
                        f"it has no {missing}.",
                    )
                )
    return warnings


def participation_warnings(*, participations: list[Participation]) -> list[GovernanceWarning]:
    """A seat nobody holds is a gap in the partnership's membership, and is said so."""
    warnings = []
    for seat in sorted(participations, key=lambda p: (p.organisation.name, p.office)):
        if seat.kind != Participation.Kind.VACANT:
            continue
        which = f"seat for {seat.office}" if seat.office else "seat"
        since = f" since {seat.start_date:%-d %B %Y}" if seat.start_date else ""
        warnings.append(GovernanceWarning("vacant", f"{seat.organisation}'s {which} is vacant{since}."))
    return warnings
