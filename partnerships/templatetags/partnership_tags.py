from decimal import Decimal

from django import template

from ..access import get_access
from ..tabs import tabs_for

register = template.Library()


@register.inclusion_tag("partnerships/includes/tabs.html", takes_context=True)
def partnership_tabs(context, partnership):
    request = context["request"]
    level = get_access(request.user).level(partnership)
    tabs, beneath = tabs_for(partnership=partnership, level=level, path=request.path)
    return {"tabs": tabs, "beneath": beneath, "partnership": partnership}


@register.filter
def pounds(value) -> str:
    """£14,000 or £1,250.50, as council reports print money."""
    if value in (None, ""):
        return ""
    value = Decimal(value)
    return f"£{value:,.0f}" if value == value.to_integral() else f"£{value:,.2f}"


@register.filter
def govuk_widget(field, css: str):
    """Render a bound field's widget with a GOV.UK class, for forms built elsewhere (allauth's)."""
    attrs = {"class": css + (" govuk-input--error" if field.errors and css == "govuk-input" else "")}
    if field.errors:
        attrs["aria-describedby"] = f"{field.html_name}-error"
    return field.as_widget(attrs=attrs)
