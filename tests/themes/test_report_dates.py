"""Due and overdue theme reports, across calendar and financial year ends (the OSP Terms of Reference Appendix B)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerships.models import financial_year_of
from themes.models import ReportPeriod, Theme, ThemeReport, ThemeReportSchedule
from themes.services import report_obligations

from .factories import ThemeFactory, ThemeReportFactory


def test_financial_year_starts_in_april():
    assert financial_year_of(dt.date(2023, 3, 31)) == 2022
    assert financial_year_of(dt.date(2023, 4, 1)) == 2023


def test_the_second_half_year_report_falls_due_after_the_year_ends():
    schedule = ThemeReportSchedule()  # 31 October and 30 April
    assert schedule.due_on(ReportPeriod(2022, 1)) == dt.date(2022, 10, 31)
    assert schedule.due_on(ReportPeriod(2022, 2)) == dt.date(2023, 4, 30)


def test_a_due_date_in_january_is_in_the_next_calendar_year():
    schedule = ThemeReportSchedule(first_due_month=10, first_due_day=1, second_due_month=1, second_due_day=15)
    assert schedule.due_on(ReportPeriod(2022, 1)) == dt.date(2022, 10, 1)
    assert schedule.due_on(ReportPeriod(2022, 2)) == dt.date(2023, 1, 15)


def test_29_february_falls_back_to_the_28th_in_other_years():
    schedule = ThemeReportSchedule(second_due_month=2, second_due_day=29)
    assert schedule.due_on(ReportPeriod(2022, 2)) == dt.date(2023, 2, 28)
    assert schedule.due_on(ReportPeriod(2023, 2)) == dt.date(2024, 2, 29)


def test_a_day_the_month_does_not_have_is_refused():
    schedule = ThemeReportSchedule(first_due_month=9, first_due_day=31)
    with pytest.raises(ValidationError) as error:
        schedule.clean()
    assert error.value.message_dict["first_due_day"] == ["September does not have a day 31."]


def test_periods_due_between_crosses_the_year_end():
    found = ThemeReportSchedule().periods_due_between(dt.date(2022, 12, 1), dt.date(2023, 11, 30))
    assert [(p.year, p.half, due) for p, due in found] == [
        (2022, 2, dt.date(2023, 4, 30)),
        (2023, 1, dt.date(2023, 10, 31)),
    ]


@pytest.mark.django_db
def test_overdue_due_soon_and_submitted():
    theme = ThemeFactory()
    ThemeReportFactory(
        theme=theme, year=2022, half=1, status=ThemeReport.Status.SUBMITTED, submitted_at="2022-10-01T10:00Z"
    )
    obligations = report_obligations(themes=[theme], today=dt.date(2023, 4, 20), lookback_days=300)
    states = {(o.period.year, o.period.half): (o.state, o.when_text) for o in obligations}
    assert states == {(2022, 1): ("Submitted", ""), (2022, 2): ("Not started", "Due in 10 days")}
    obligations = report_obligations(themes=[theme], today=dt.date(2023, 5, 1), lookback_days=300)
    assert [(o.state, o.when_text) for o in obligations][-1] == ("Overdue", "1 day overdue")


@pytest.mark.django_db
def test_a_draft_past_its_date_is_overdue():
    theme = ThemeFactory()
    ThemeReportFactory(theme=theme, year=2022, half=2, due_on=dt.date(2023, 4, 30))
    [obligation] = report_obligations(themes=[theme], today=dt.date(2023, 5, 2), lookback_days=10)
    assert obligation.is_overdue and obligation.report is not None


@pytest.mark.django_db
def test_closed_themes_and_themes_not_yet_started_owe_nothing():
    closed = ThemeFactory(status=Theme.Status.CLOSED)
    later = ThemeFactory(starts_on=dt.date(2023, 10, 1))
    obligations = report_obligations(themes=[closed, later], today=dt.date(2023, 5, 1), lookback_days=300)
    assert obligations == []


@pytest.mark.django_db
def test_a_partnerships_own_dates_are_used(client):
    theme = ThemeFactory()
    ThemeReportSchedule.objects.create(partnership=theme.partnership, first_due_month=9, first_due_day=30)
    theme = Theme.objects.select_related("partnership__theme_report_schedule").get(pk=theme.pk)
    [obligation] = report_obligations(themes=[theme], today=dt.date(2023, 9, 20), lookback_days=0)
    assert obligation.due_on == dt.date(2023, 9, 30)
