from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe

from ..access import get_access
from ..tabs import tabs_for

register = template.Library()


@register.simple_tag(takes_context=True)
def partnership_tabs(context, partnership):
    """The partnership's tabs for this reader's level, marked for the page open now."""
    request = context["request"]
    level = get_access(request.user).level(partnership)
    return _tabs_html(get_script_prefix(), partnership.slug, partnership.name, int(level), request.path)


@lru_cache(maxsize=4096)
def _tabs_html(prefix: str, slug: str, name: str, level: int, path: str) -> str:
    # Drawn from nothing but its arguments and the URL list, so each process keeps what it has drawn.
    partnership = SimpleNamespace(slug=slug, name=name)
    tabs, beneath = tabs_for(partnership=partnership, level=level, path=path)
    context = {"tabs": tabs, "beneath": beneath, "partnership": partnership}
    return mark_safe(render_to_string("partnerships/includes/tabs.html", context))


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
