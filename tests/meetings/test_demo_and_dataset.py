"""The demonstration year of OSP meetings, and the synthetic meetings for benchmarks."""

import datetime as dt

import pytest
from django.core.management import call_command

from meetings.models import Action, AgendaItem, Attendance, Decision, Meeting, Paper, PaperVersion


@pytest.mark.django_db
def test_the_osp_has_a_year_of_meetings_from_the_report_and_seeding_again_changes_nothing():
    call_command("seed_demo")
    # The documented year; the meetings since are carried on to today (tests/partnerships/test_demo_present.py).
    osp = Meeting.objects.filter(partnership__short_name="OSP", date__lte=dt.date(2023, 4, 11))
    assert osp.count() == 6
    assert osp.filter(kind="annual_review", date__month=11).exists()
    # The OSP annual update to Council (March 2023) paragraph 36 topics and paragraph 38 workshop items are agenda items.
    titles = set(AgendaItem.objects.filter(meeting__in=osp).values_list("title", flat=True))
    assert {"Cost of Living Crisis", "Homes for Ukraine Scheme and local response", "Housing delivery"} <= titles
    assert Paper.objects.filter(item__meeting__in=osp, is_confidential=True).count() == 1
    assert Attendance.objects.filter(meeting__in=osp).exists()
    assert Decision.objects.filter(item__meeting__in=osp, method="vote").exists()
    assert Action.objects.filter(raised_at__in=osp).exclude(status="done").exists()
    # The last documented meeting's minutes were approved at the first meeting after it.
    assert osp.filter(minutes_status="approved").count() == 6
    # The Combined Authority Board: the two decision sheets the Cambridge review attaches, and the Shared
    # Ambition paper of 16 October 2024 with its recommendations A to C as the meeting's decisions.
    board = Meeting.objects.filter(partnership__slug="combined-authority-board").order_by("date")
    assert [m.date.isoformat() for m in board] == ["2024-03-20", "2024-06-05", "2024-10-16"]
    sheets = Paper.objects.filter(item__meeting__in=board, title="Decision Sheet", is_confidential=False)
    assert sorted(p.item.meeting.date.isoformat() for p in sheets) == ["2024-03-20", "2024-06-05"]
    assert all(p.current.page_count == 1 for p in sheets)
    assert [d.resolution[:28] for d in Decision.objects.filter(item__meeting=board.last()).order_by("pk")] == [
        "Recommendation A: To note th",
        "Recommendation B: To approve",
        "Recommendation C: To approve",
    ]
    counts = [m.objects.count() for m in (Meeting, AgendaItem, Paper, PaperVersion, Attendance, Decision, Action)]
    call_command("seed_demo")
    assert [
        m.objects.count() for m in (Meeting, AgendaItem, Paper, PaperVersion, Attendance, Decision, Action)
    ] == counts


@pytest.mark.django_db
def test_the_dataset_grows_with_the_scale():
    from partnerships.management.commands.generate_dataset import generate_all

    context = generate_all(0.1)
    assert len(context["meetings"]) == 8 * len(context["partnerships"])
    assert Paper.objects.exists() and Attendance.objects.exists() and Action.objects.exists()
