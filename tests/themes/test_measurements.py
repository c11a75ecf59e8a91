"""Measurements one at a time and from CSV: good files import, bad files import nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from themes.models import Measurement
from themes.services import measurements_import

from .factories import FrameworkFactory, IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(cast):
    framework = FrameworkFactory(partnership=cast.partnership)
    IndicatorFactory(outcome__framework=framework, code="bus-journeys")
    IndicatorFactory(outcome__framework=framework, code="carbon")
    return framework


def upload(text: str):
    return SimpleUploadedFile("measurements.csv", text.encode("utf-8"), content_type="text/csv")


def test_a_good_file_imports_every_row(framework):
    result = measurements_import(
        framework=framework,
        upload=upload('indicator,date,value,note\nbus-journeys,2023-03-31,18.5,\ncarbon,31/03/2023,"6,100",estimate\n'),
    )
    assert result.ok and result.created == 2
    assert Measurement.objects.get(indicator__code="carbon").value == 6100


def test_wrong_columns_are_refused(framework):
    result = measurements_import(framework=framework, upload=upload("measure,when,value\nbus-journeys,2023-03-31,1\n"))
    assert result.errors == [
        (
            1,
            "The first row must name the columns indicator, date, value and optionally note; it has no indicator, "
            "date columns and it has columns we do not recognise: measure, when.",
        )
    ]


def test_bad_rows_are_listed_and_nothing_is_imported(framework):
    MeasurementFactory(indicator=framework.indicators.get(code="carbon"), measured_on=dt.date(2022, 3, 31))
    result = measurements_import(
        framework=framework,
        upload=upload(
            "indicator,date,value\n"
            "bus-journeys,2023-03-31,18\n"
            "bus-journeys,2023-03-31,19\n"
            "trams,2023-03-31,5\n"
            "carbon,2023-03-31,lots\n"
            "carbon,31 March,5\n"
            "carbon,2022-03-31,6\n"
        ),
    )
    assert result.errors == [
        (3, "Bus-journeys has another value for 31 March 2023 on row 2."),
        (4, "There is no indicator “trams” in " + framework.name + "."),
        (5, "“lots” is not a number."),
        (6, "“31 March” is not a date: use the form 2024-03-31."),
        (7, "Carbon already has a measurement for 31 March 2022; change that one on the indicator's page."),
    ]
    assert Measurement.objects.count() == 1


def test_the_upload_page_shows_the_problems_by_row(officer_client, framework):
    response = officer_client.post(
        reverse("themes:measurement_import", args=[framework.pk]),
        {"file": upload("indicator,date,value\ntrams,2023-03-31,5\n")},
    )
    content = response.content.decode()
    assert "The file has 1 problem, listed below. Nothing has been imported." in content
    assert "There is no indicator “trams”" in content


def test_an_officer_adds_a_measurement_and_a_duplicate_date_is_refused(officer_client, framework):
    indicator = framework.indicators.get(code="carbon")
    url = reverse("themes:indicator_detail", args=[indicator.pk])
    data = {"measured_on_day": "31", "measured_on_month": "3", "measured_on_year": "2024", "value": "5.5"}
    assert officer_client.post(url, data).status_code == 302
    response = officer_client.post(url, data)
    assert "There is already a measurement for this date." in response.content.decode()
    assert indicator.measurements.count() == 1


def test_overflowing_numbers_nul_characters_and_huge_cells_are_reported_by_row(framework):
    result = measurements_import(
        framework=framework,
        upload=upload(
            "indicator,date,value,note\n"
            "bus-journeys,2023-03-31,99999999999999999999999,\n"
            "bus-journeys,2023-04-30,1e400,\n"
            "carbon,2023-03-31,5,bad\x00note\n"
            "carbon,9999-03-31,5,\n"
            "carbon,2023-05-31,1.23456,\n"
            f"carbon,2023-06-30,5,{'x' * 2000}\n"
            f"carbon,2023-07-31,5,{'x' * 200_000}\n"
        ),
    )
    rows = dict(result.errors)
    assert rows[2] == "The value must be less than 100,000,000,000."
    assert rows[3] == "The value must be less than 100,000,000,000."
    assert "NUL" in rows[4]
    assert rows[5] == "The date must be between 1990 and 2100."
    assert rows[6] == "The value has more than 3 decimal places."
    assert rows[7] == "A cell is longer than 1,000 characters."
    assert 8 in rows
    assert Measurement.objects.count() == 0


def test_the_upload_page_refuses_a_file_over_five_megabytes(officer_client, framework):
    url = reverse("themes:measurement_import", args=[framework.pk])
    big = SimpleUploadedFile("big.csv", b"indicator,date,value\n" + b"carbon,2023-03-31,1\n" * 300_000, "text/csv")
    response = officer_client.post(url, {"file": big})
    assert response.status_code == 200
    assert "larger than 5 MB" in response.content.decode()


def test_trends_are_coloured_by_the_template_not_the_service(framework):
    from themes.services import indicator_trend
    from themes.templatetags.themes_tags import trend_tag

    indicator = framework.indicators.get(code="carbon")
    assert trend_tag(indicator_trend(indicator, [])) == "govuk-tag--grey"
    one = MeasurementFactory(indicator=indicator, measured_on=dt.date(2022, 3, 31), value=5)
    two = MeasurementFactory(indicator=indicator, measured_on=dt.date(2023, 3, 31), value=5)
    trend = indicator_trend(indicator, [one, two])
    assert (trend.label, trend_tag(trend)) == ("No change", "govuk-tag--blue")


def test_a_row_is_checked_by_django_date_and_number_fields(framework):
    result = measurements_import(
        framework=framework,
        upload=upload("indicator,date,value\ncarbon,2023-02-30,5\ncarbon,2023-03-31,inf\ncarbon,,\n"),
    )
    assert result.errors == [
        (2, "“2023-02-30” is not a date: use the form 2024-03-31."),
        (3, "“inf” is not a number."),
        (4, "The date is missing; the value is missing."),
    ]
