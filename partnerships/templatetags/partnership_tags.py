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
def visible_parent(partnership, access):
    """The partnership's parent if this reader may know it exists; a private parent goes unnamed."""
    parent = partnership.parent if partnership.parent_id else None
    return parent if parent is not None and access is not None and access.can_see(parent) else None


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
    described = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}_error")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
