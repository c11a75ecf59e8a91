import calendar

from django import template

register = template.Library()


@register.filter
def due_dates_text(schedule) -> str:
    """'31 October (first half-year) and 30 April (second half-year)'."""
    first = f"{schedule.first_due_day} {calendar.month_name[schedule.first_due_month]}"
    second = f"{schedule.second_due_day} {calendar.month_name[schedule.second_due_month]}"
    return f"{first} for the half-year from April to September and {second} for October to March"


@register.filter
def indicator_value(indicator, value) -> str:
    """A value in the indicator's unit: 72.5%, £1,200, 8.1 years."""
    return indicator.format_value(value)


_TREND_TAGS = {
    "met": "govuk-tag--green",
    "improving": "govuk-tag--turquoise",
    "unchanged": "govuk-tag--blue",
    "worse": "govuk-tag--orange",
}
_OBLIGATION_TAGS = {"Submitted": "govuk-tag--green", "Overdue": "govuk-tag--red", "Draft": "govuk-tag--yellow"}


@register.filter
def trend_tag(trend) -> str:
    """The GOV.UK tag colour for an indicator's trend."""
    return _TREND_TAGS.get(trend.state, "govuk-tag--grey")


@register.filter
def obligation_tag(obligation) -> str:
    """The GOV.UK tag colour for a report's state: submitted, overdue, draft or not started."""
    return _OBLIGATION_TAGS.get(obligation.state, "govuk-tag--grey")
