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
