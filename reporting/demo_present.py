"""The OSP's annual update for the last complete year, made from the carried-on records like the documented one."""

import datetime as dt

from django.contrib.auth import get_user_model

from partnerships.models import Person, financial_year_end, financial_year_label, financial_year_of

from .demo import OSP_NARRATIVE, OSP_YEAR
from .models import Kind, Narrative, Report, default_as_at

# The documented year's narrative, less what it says about that year alone.
CARRIED = [
    "addressed_to",
    "report_of",
    "is_key_decision",
    "cabinet_member",
    "corporate_priority",
    "policy_framework",
    "recommendations",
    "introduction",
    "legal",
    "risk",
    "equalities",
    "conclusion",
    "author_service_area",
    "author_telephone",
    "author_email",
]


def seed(partnerships: dict, *, today: dt.date) -> None:
    from .services import report_request

    year = financial_year_of(today) - 1
    if year <= OSP_YEAR:
        return
    osp = partnerships["osp"]
    Narrative.objects.update_or_create(
        kind=Kind.ANNUAL_UPDATE,
        partnership=osp,
        year=year,
        defaults={
            **{name: OSP_NARRATIVE[name] for name in CARRIED},
            "report_date": financial_year_end(year),
            "purpose": f"To note the annual update on the Oxford Strategic Partnership for {financial_year_label(year)}",
            "author": Person.objects.filter(first_name="Mish", last_name="Tullar").first(),
        },
    )
    as_at = default_as_at(year, today)
    request = {"kind": Kind.ANNUAL_UPDATE, "partnership": osp, "year": year}
    if Report.objects.filter(as_at=as_at, status=Report.Status.DONE, **request).exists():
        return
    officer = get_user_model().objects.filter(username="officer@roundtable.example").first()
    report, _queued = report_request(as_at=as_at, user=officer, **request)
    Report.objects.filter(pk=report.pk).update(published_at=report.requested_at, published_by=officer)
