"""The demonstration lives in the present: seeded on any day, the OSP is at work, and the documents' facts stay put."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from meetings.models import Meeting
from partnerships.models import Budget, Contribution, Membership, Partnership
from partnerships.services import partnership_all_warnings
from themes.demo import ACHIEVEMENTS, OSP_REPORTS
from themes.models import Achievement, ThemeReport
from themes.warnings import overdue_report_warnings

DOCUMENTED_MEETINGS = ["2022-04-12", "2022-07-12", "2022-10-11", "2022-11-08", "2023-01-10", "2023-04-11"]


@pytest.fixture(params=[dt.datetime(2026, 12, 1, 9), dt.datetime(2028, 5, 10, 9)], ids=["2026-12-01", "2028-05-10"])
def seeded_on(request, db):
    with time_machine.travel(timezone.make_aware(request.param), tick=False):
        call_command("seed_demo", verbosity=0)
        yield timezone.localdate()


def _warnings(osp, today):
    memberships = list(
        Membership.objects.current(today).filter(partnership=osp).select_related("person", "organisation")
    )
    return partnership_all_warnings(partnership=osp, memberships=memberships, today=today)


def test_the_osp_is_at_work_today_and_the_documents_facts_stay_at_their_true_dates(seeded_on):
    today = seeded_on
    osp = Partnership.objects.get(short_name="OSP")
    meetings = Meeting.objects.filter(partnership=osp)
    upcoming = meetings.filter(date__gte=today).order_by("date")
    following = upcoming.first()
    assert following.date > today and following.agenda_published_at is not None
    assert following.status == Meeting.Status.PUBLISHED and following.items.filter(kind="major").count() == 2
    # The coming year is scheduled on the pattern: quarterly, and the annual review in November.
    assert upcoming.filter(date__lte=today + dt.timedelta(days=365)).count() == 5
    assert upcoming.filter(kind=Meeting.Kind.ANNUAL_REVIEW).count() == 1
    # Every meeting held in the last year has attendance, and all but the latest have approved minutes.
    held = list(meetings.filter(date__lt=today).order_by("date"))
    assert held[-1].date > today - dt.timedelta(days=120)
    assert all(m.attendance.exists() for m in held)
    assert [m.minutes_status for m in held[-2:]] == ["approved", "circulated"]
    assert not [m for m in held[:-1] if m.minutes_status != "approved"]

    overdue = overdue_report_warnings(partnership=osp, today=today)
    assert 0 < len(overdue) <= 3
    warnings = _warnings(osp, today)
    kinds = {w.kind for w in warnings}
    assert all(sum(w.kind == kind for w in warnings) <= 3 for kind in kinds), [w.message for w in warnings]
    assert len(warnings) <= 6, [w.message for w in warnings]
    assert "tenure" not in kinds  # The chair was re-appointed when the term ran out.

    year = today.year if today.month >= 4 else today.year - 1
    family = Partnership.objects.filter(parent=osp)
    assert Achievement.objects.filter(partnership__in=family, achieved_on__gte=dt.date(year, 4, 1)).exists()
    assert Budget.objects.filter(partnership=osp, year=year).exists()

    # The documents' facts stay at their true dates.
    documented = Meeting.objects.filter(partnership=osp, date__lte=dt.date(2023, 4, 11)).order_by("date")
    assert [m.date.isoformat() for m in documented] == DOCUMENTED_MEETINGS
    seats = Membership.objects.current(dt.date(2023, 3, 31)).filter(partnership=osp).seats()
    assert seats.count() == 22
    chair = seats.get(role=Membership.Role.CHAIR)
    assert (chair.person.display_name, chair.start_date) == ("Paul James", dt.date(2022, 10, 1))
    assert Budget.objects.get(partnership=osp, year=2022).amount == 14000

    in_2022 = Achievement.objects.filter(achieved_on__range=(dt.date(2022, 4, 1), dt.date(2023, 3, 31)))
    assert set(in_2022.values_list("title", flat=True)) >= {title for _key, _day, title, *_ in ACHIEVEMENTS}
    assert in_2022.filter(partnership__parent=osp).count() == sum(1 for key, *_ in ACHIEVEMENTS if key != "oiep")
    kickstart = Achievement.objects.get(title="Kickstart scheme completed and final report launched")
    assert [(f.value, f.unit) for f in kickstart.figures.order_by("order")] == [
        (137, "placements"),
        (71, "young people"),
        (350000, "£"),
    ]
    reports = ThemeReport.objects.filter(theme__partnership=osp, year=2022)
    assert reports.count() == 8 and all(r.status == "submitted" for r in reports)
    assert {r.progress for r in reports} == {text for texts in OSP_REPORTS.values() for text in texts[:2]}
    cambridge = Contribution.objects.filter(organisation__name="Cambridge City Council", year=2023)
    assert sorted(int(c.amount) for c in cambridge) == [5000, 10000, 50000]
    board = Meeting.objects.filter(partnership__slug="combined-authority-board").order_by("date")
    assert [m.date.isoformat() for m in board] == ["2024-03-20", "2024-06-05", "2024-10-16"]
