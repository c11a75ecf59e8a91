"""The demonstration partnerships carried on from the documents' years to today.

The documents stop in 2022/23 (Oxford) and 2023/24 (Cambridge); their facts stay at their true dates. What
follows them is illustrative, computed from the day `seed_demo` runs, so the demonstration never goes stale:
the OSP chair's second term, and the OSP's budget each year at its documented figure.
"""

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from .models import Budget, Membership, Organisation, Partnership, financial_year_of

# The OSP annual update to Council (March 2023) gives the 2022/23 budget; later years repeat it.
OSP_BUDGET = Decimal("14000")
FIRST_CARRIED_YEAR = 2023


def _chair_terms(osp: Partnership, today: dt.date) -> None:
    """Paul James took the chair in October 2022; each three-year term that has run out is renewed at its end."""
    first = Membership.objects.filter(
        partnership=osp, role=Membership.Role.CHAIR, person__first_name="Paul", person__last_name="James"
    ).order_by("start_date")
    seat = first.first()
    if seat is None or seat.start_date is None:
        return
    term = relativedelta(years=Membership.NORMAL_TENURE_YEARS)
    start = seat.start_date
    while start + term <= today:
        renewed_on = start + term
        Membership.objects.filter(pk=seat.pk).update(
            end_date=renewed_on - dt.timedelta(days=1),
            end_reason="Re-appointed for a further term at the annual planning and review meeting",
        )
        seat, _ = Membership.objects.update_or_create(
            partnership=osp,
            person=seat.person,
            role=Membership.Role.CHAIR,
            start_date=renewed_on,
            defaults={
                "organisation": seat.organisation,
                "is_voting": True,
                "is_lead_representative": seat.is_lead_representative,
                "end_date": None,
                "end_reason": "",
                "notes": "Demonstration data: re-appointment illustrative.",
            },
        )
        start = renewed_on


def _budgets(osp: Partnership, today: dt.date) -> None:
    oxford = Organisation.objects.get(name="Oxford City Council")
    for year in range(FIRST_CARRIED_YEAR, financial_year_of(today) + 1):
        Budget.objects.update_or_create(
            partnership=osp,
            year=year,
            defaults={
                "amount": OSP_BUDGET,
                "funded_by": oxford,
                "notes": "Funded and facilitated by Oxford City Council (illustrative: the 2022/23 figure carried on)",
            },
        )


def seed(partnerships: dict, *, today: dt.date) -> None:
    osp = partnerships["osp"]
    _chair_terms(osp, today)
    _budgets(osp, today)
