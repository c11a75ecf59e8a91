"""Indicator charts as SVG: empty, one point and long series; safe under the page's CSP."""

import datetime as dt
from decimal import Decimal

import pytest

from themes.charts import indicator_chart
from themes.models import Indicator, Measurement


def indicator(**kwargs):
    return Indicator(
        **{"pk": 1, "name": "Bus journeys", "code": "bus", "unit": "%", "target_value": Decimal("80"), **kwargs}
    )


def series(n):
    return [
        Measurement(measured_on=dt.date(2015, 1, 1) + dt.timedelta(days=30 * i), value=Decimal(40 + i))
        for i in range(n)
    ]


@pytest.mark.parametrize("n", [0, 1, 400])
def test_charts_have_no_inline_styles_or_scripts_and_a_text_alternative(n):
    svg = indicator_chart(indicator(), series(n))
    assert svg.startswith("<svg")
    assert "<style" not in svg and "<script" not in svg and 'style="' not in svg
    assert 'role="img"' in svg and 'aria-labelledby="indicator-1-full-chart-title"' in svg


def test_an_empty_chart_says_so():
    svg = indicator_chart(indicator(), [])
    assert "No measurements yet" in svg
    assert "Bus journeys: no measurements yet." in svg


def test_a_single_point_is_drawn_as_a_dot():
    svg = indicator_chart(indicator(target_value=None), series(1))
    assert svg.count('class="dot reactive') == 1
    assert "one measurement, 40% on 1 January 2015" in svg


def test_a_long_series_drops_the_dots_and_keeps_the_labels_few():
    svg = indicator_chart(indicator(), series(400))
    assert 'class="dot reactive' not in svg
    assert svg.count('class="major"') < 20
    assert "400 measurements from 40% on 1 January 2015 to 439%" in svg


def test_a_standalone_chart_carries_its_own_styles_for_pdf():
    svg = indicator_chart(indicator(), series(3), standalone=True)
    assert "<style>" in svg and ".rt-chart" in svg


def test_a_changed_measurement_is_never_served_from_the_cache():
    first = indicator_chart(indicator(), series(3))
    changed = series(3)
    changed[-1].value = Decimal(99)
    assert indicator_chart(indicator(), changed) != first
