"""Chart labels read as the figures were given: no floating-point noise on the axis."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from themes.charts import axis_value, data_places, indicator_chart
from themes.models import Indicator, Measurement


def labels(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*years[^<]*)</text>", svg)


@pytest.mark.parametrize(
    "values",
    [
        ["10.4", "10.6", "11.2", "11.9"],
        ["10.4", "10.5"],
        ["0.1", "0.2", "0.3", "0.7"],
    ],
)
def test_axis_labels_have_no_more_places_than_the_data(values):
    indicator = Indicator(pk=7, name="Healthy life expectancy", code="hle", unit="years")
    measurements = [
        Measurement(measured_on=dt.date(2016 + i, 1, 1), value=Decimal(value)) for i, value in enumerate(values)
    ]
    found = labels(indicator_chart(indicator, measurements, size="full"))
    assert found, "the chart has value labels"
    for label in found:
        number = label.replace(" years", "").replace(",", "")
        assert re.fullmatch(r"-?\d+(\.\d{1,3})?", number), label


def test_a_value_worked_out_in_floating_point_comes_back_at_the_data_precision():
    assert data_places([Decimal("10.4"), Decimal("12"), Decimal("3.250")]) == 2
    assert axis_value(10.4 + 1e-15, 1) == Decimal("10.4")
    assert axis_value(0.1 + 0.2, 1) == Decimal("0.3")
    # A tick finer than the data keeps the places it needs.
    assert axis_value(12.5, 0) == Decimal("12.5")
