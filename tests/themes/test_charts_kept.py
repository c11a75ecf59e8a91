"""Charts are drawn when their figures change and kept: a dashboard read with the cache empty draws nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import make_officer
from themes import charts
from themes.charts import charts_draw, indicator_charts
from themes.models import IndicatorChart, Measurement
from themes.services import measurement_add, measurement_remove

from .factories import FrameworkFactory, IndicatorFactory, MeasurementFactory, OutcomeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    framework = FrameworkFactory()
    outcome = OutcomeFactory(framework=framework)
    for _ in range(3):
        indicator = IndicatorFactory(outcome=outcome)
        for n in range(4):
            MeasurementFactory(indicator=indicator, measured_on=dt.date(2020, 1, 1) + dt.timedelta(days=90 * n))
    return framework


def refuse_to_draw(monkeypatch):
    def draw(*args, **kwargs):
        raise AssertionError("a chart was drawn again")

    monkeypatch.setattr(charts, "_render", draw)


def test_a_dashboard_read_with_the_cache_empty_reads_its_stored_charts(client, framework, monkeypatch):
    client.force_login(make_officer(framework.partnership))
    url = reverse("themes:framework_dashboard", args=[framework.pk])
    first = client.get(url).content.decode()
    assert IndicatorChart.objects.filter(size="small").count() == 3
    cache.clear()
    refuse_to_draw(monkeypatch)
    again = client.get(url).content.decode()
    assert again.count("<svg") == first.count("<svg") == 3


def test_a_new_measurement_redraws_only_its_own_indicators_charts(framework):
    indicators = list(framework.indicators.order_by("pk"))
    charts_draw(indicator_ids=[i.pk for i in indicators])
    before = {(c.indicator_id, c.size): (c.digest, c.drawn_at) for c in IndicatorChart.objects.all()}
    assert len(before) == 6  # both sizes of each
    changed = indicators[0]
    added = measurement_add(measurement=Measurement(indicator=changed, measured_on=dt.date(2022, 1, 1), value=99))
    after = {(c.indicator_id, c.size): (c.digest, c.drawn_at) for c in IndicatorChart.objects.all()}
    for key, drawn in after.items():
        assert (drawn != before[key]) == (key[0] == changed.pk), key
    measurement_remove(measurement=added)
    restored = {(c.indicator_id, c.size): c.digest for c in IndicatorChart.objects.all()}
    assert restored == {key: digest for key, (digest, _) in before.items()}


def test_a_stored_chart_is_never_used_for_other_figures(framework, monkeypatch):
    indicator = framework.indicators.first()
    points = [charts.Point(m.measured_on, m.value) for m in indicator.measurements.all()]
    old = indicator_charts([(indicator, points)])[indicator.pk]
    cache.clear()
    points[-1] = charts.Point(points[-1].measured_on, Decimal("12.5"))
    new = indicator_charts([(indicator, points)])[indicator.pk]
    assert new != old and "12.5%" in new
    assert IndicatorChart.objects.get(indicator=indicator, size="small").svg == new


def test_two_readers_drawing_the_same_chart_both_succeed(framework):
    indicator = framework.indicators.first()
    digests = {indicator.pk: "a" * 32}
    charts._store([(indicator, "<svg>one</svg>")], digests, "small")
    charts._store([(indicator, "<svg>two</svg>")], digests, "small")
    assert IndicatorChart.objects.get(indicator=indicator, size="small").svg == "<svg>two</svg>"
