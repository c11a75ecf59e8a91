"""Indicator charts drawn on the server as SVG with pygal, the same in the browser and in PDF reports.

pygal puts its own <style> and <script> inside the SVG. Our pages forbid inline styles and scripts
(Content-Security-Policy), so both are taken out and the chart is styled by static/themes/charts.css,
which the page links. A PDF has no such policy: `standalone=True` embeds that same stylesheet instead.
"""

import datetime as dt
import hashlib
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

import pygal
from django.conf import settings
from django.core.cache import cache as django_cache
from django.utils import timezone
from django.utils.html import escape

from .models import Indicator, IndicatorChart, Measurement


class Point(NamedTuple):
    """One measurement as a chart needs it, lighter than a model instance when there are thousands."""

    measured_on: dt.date
    value: Decimal


CHART_CSS_PATH = Path(settings.BASE_DIR, "static/themes/charts.css")
SIZES = {"small": (360, 170), "full": (720, 320)}
SVG_NS = "http://www.w3.org/2000/svg"
CACHE_SECONDS = 60 * 60 * 24


@cache
def chart_css() -> str:
    return CHART_CSS_PATH.read_text(encoding="utf-8")


def describe(indicator: Indicator, measurements: list[Measurement]) -> str:
    """The chart's text alternative: what it shows, in a sentence or two."""
    if not measurements:
        text = f"{indicator.name}: no measurements yet."
    else:
        first, last = measurements[0], measurements[-1]
        if len(measurements) == 1:
            text = f"{indicator.name}: one measurement, {indicator.format_value(last.value)} on {last.measured_on:%-d %B %Y}."
        else:
            text = (
                f"{indicator.name}: {len(measurements)} measurements from {indicator.format_value(first.value)} "
                f"on {first.measured_on:%-d %B %Y} to {indicator.format_value(last.value)} on {last.measured_on:%-d %B %Y}."
            )
    if indicator.target_value is not None:
        when = f" by {indicator.target_on:%B %Y}" if indicator.target_on else ""
        text += f" Target {indicator.format_value(indicator.target_value)}{when}, shown as a dashed line."
    return text


def data_places(values) -> int:
    """How many decimal places the figures are given to: 10.4 and 12 give 1."""
    places = 0
    for value in values:
        exponent = Decimal(value).normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return places


def axis_value(value: float, places: int) -> Decimal:
    """A figure pygal worked out in binary floating point, back at the precision of the data.

    10.4 comes back as 10.4000000000000003552…; rounding to the data's places removes the noise. A tick
    genuinely finer than the data (12.5 between 12 and 13) keeps the places it needs, up to the three stored.
    """
    exact = Decimal(repr(float(value)))
    rounded = round(exact, places)
    if abs(rounded - exact) > Decimal("1e-9") * max(Decimal(1), abs(exact)):
        rounded = round(exact, 3)
    return rounded


def _render(indicator: Indicator, measurements: list[Measurement], size: str) -> str:
    width, height = SIZES[size]
    points = [(m.measured_on, float(m.value)) for m in measurements]
    places = data_places(
        [m.value for m in measurements] + ([indicator.target_value] if indicator.target_value is not None else [])
    )
    dates = [d for d, _ in points]
    target_end = max(indicator.target_on or dt.date.min, dates[-1]) if dates else None
    span = (target_end - dates[0]).days if dates else 0
    chart = pygal.DateLine(
        width=width,
        height=height,
        disable_xml_declaration=True,
        js=[],
        css=[],
        show_legend=False,
        explicit_size=False,
        show_dots=len(points) <= (16 if size == "full" else 8),
        dots_size=3 if size == "full" else 2.5,
        show_x_guides=False,
        truncate_label=-1,
        x_label_rotation=0,
        x_labels_major_count=4 if size == "small" else 7,
        show_minor_x_labels=False,
        y_labels_major_every=None,
        show_minor_y_labels=size == "full",
        margin=12,
        no_data_text="No measurements yet",
        x_value_formatter=(lambda d: d.strftime("%b %Y")) if span < 3 * 365 else (lambda d: d.strftime("%Y")),
        value_formatter=lambda v: indicator.format_value(axis_value(v, places)),
        include_x_axis=False,
        show_x_labels=bool(points),
        show_y_labels=bool(points),
    )
    if points:
        chart.add("Measured", points)
    if indicator.target_value is not None and points:
        chart.add("Target", [(dates[0], float(indicator.target_value)), (target_end, float(indicator.target_value))])
    if len(points) == 1 and indicator.target_value is None:
        # A single point on its own has no range to draw; give the axis one around it.
        value = points[0][1]
        chart.range = (value - abs(value) * 0.1 - 1, value + abs(value) * 0.1 + 1)
        chart.x_labels = [dates[0] - dt.timedelta(days=180), dates[0] + dt.timedelta(days=180)]
    tree = chart.render_tree()
    return _clean(tree, indicator, measurements, size)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _clean(tree, indicator, measurements, size: str) -> str:
    for parent in list(tree.iter()):
        for child in list(parent):
            name = _local(child.tag)
            classes = (child.get("class") or "").split()
            if name in ("style", "script", "") or "tooltip-overlay" in classes:
                parent.remove(child)
            elif name == "title" and parent is not tree:
                # Hover titles on every guide line repeat the axis labels; the chart has one text alternative.
                parent.remove(child)
    chart_id = f"indicator-{indicator.pk}-{size}-chart"
    tree.set("id", chart_id)
    tree.set("class", f"pygal-chart rt-chart rt-chart--{size}")
    tree.set("role", "img")
    tree.set("aria-labelledby", f"{chart_id}-title")
    tree.set("focusable", "false")
    for title in [child for child in tree if _local(child.tag) == "title"]:
        title.text = describe(indicator, measurements)
        title.set("id", f"{chart_id}-title")
    text = ElementTree.tostring(tree, encoding="unicode")
    if "xmlns=" not in text[:200]:
        text = text.replace("<svg", f'<svg xmlns="{SVG_NS}"', 1)
    return text


def _digest(indicator: Indicator, measurements: list[Measurement], size: str) -> str:
    """A digest of everything drawn, so a changed measurement or target can never show an old chart."""
    parts = [
        indicator.pk,
        indicator.name,
        indicator.unit,
        indicator.target_value,
        indicator.target_on,
        size,
        pygal.__version__,
        # Charts drawn before axis labels were rounded to the data's precision must not be served again.
        "axis-at-data-precision",
        *((m.measured_on, m.value) for m in measurements),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def indicator_chart(
    indicator: Indicator, measurements: list[Measurement] | None = None, *, size: str = "full", standalone: bool = False
) -> str:
    """SVG text of one indicator's chart. With standalone=True it carries its own styles (for WeasyPrint)."""
    if measurements is None:
        measurements = list(indicator.measurements.order_by("measured_on"))
    return indicator_charts([(indicator, measurements)], size=size, standalone=standalone)[indicator.pk]


def indicator_charts(pairs, *, size: str = "small", standalone: bool = False, stored_only: bool = False):
    """Charts for many indicators at once (a dict by indicator id): from the cache, else as stored, else drawn
    now and stored. With stored_only the cache is passed over, so what is stored is brought up to date."""
    digests = {indicator.pk: _digest(indicator, measurements, size) for indicator, measurements in pairs}
    keys = {pk: f"themes:chart:{pk}:{digest}" for pk, digest in digests.items()}
    found = {} if stored_only else django_cache.get_many(list(keys.values()))
    svgs = {pk: found[key] for pk, key in keys.items() if key in found}
    # Indicators not yet saved (a preview) are drawn every time and never stored.
    saved = [indicator.pk for indicator, _ in pairs if indicator.pk not in svgs and not indicator._state.adding]
    if saved:
        for pk, digest, svg in IndicatorChart.objects.filter(indicator_id__in=saved, size=size).values_list(
            "indicator_id", "digest", "svg"
        ):
            if digest == digests[pk]:
                svgs[pk] = svg
    drawn = []
    for indicator, measurements in pairs:
        if indicator.pk not in svgs:
            svgs[indicator.pk] = _render(indicator, measurements, size)
            if not indicator._state.adding:
                drawn.append((indicator, svgs[indicator.pk]))
    _store(drawn, digests, size)
    django_cache.set_many({keys[pk]: svgs[pk] for pk in keys if keys[pk] not in found}, CACHE_SECONDS)
    return {pk: _standalone(svg) if standalone else svg for pk, svg in svgs.items()}


def _store(drawn: list, digests: dict, size: str) -> None:
    """Keep fresh drawings, replacing an indicator's older one; two readers drawing at once both succeed."""
    if not drawn:
        return
    now = timezone.now()
    IndicatorChart.objects.bulk_create(
        [
            IndicatorChart(indicator=indicator, size=size, digest=digests[indicator.pk], svg=svg, drawn_at=now)
            for indicator, svg in drawn
        ],
        update_conflicts=True,
        unique_fields=["indicator", "size"],
        update_fields=["digest", "svg", "drawn_at"],
    )


def charts_draw(*, indicator_ids) -> None:
    """Draw these indicators' charts at both sizes now, after their figures changed, so no reader waits."""
    indicators = list(Indicator.objects.filter(pk__in=indicator_ids))
    series: dict[int, list[Point]] = {indicator.pk: [] for indicator in indicators}
    for indicator_id, measured_on, value in (
        Measurement.objects.filter(indicator__in=indicators)
        .order_by("indicator_id", "measured_on")
        .values_list("indicator_id", "measured_on", "value")
    ):
        series[indicator_id].append(Point(measured_on, value))
    for size in SIZES:
        indicator_charts([(indicator, series[indicator.pk]) for indicator in indicators], size=size, stored_only=True)


def _standalone(svg: str) -> str:
    head, _, tail = svg.partition(">")
    return f"{head}><style>{escape(chart_css())}</style>{tail}" if tail else svg
