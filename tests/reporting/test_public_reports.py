"""A public partnership's published reports are for anyone to download; nothing else of its reports is."""

import pytest
from django.urls import reverse
from django.utils import timezone

from .factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public(cast):
    cast.partnership.is_public = True
    cast.partnership.save()
    return cast.partnership


def test_anyone_downloads_a_published_report(client, public):
    report = ReportFactory(partnership=public, published_at=timezone.now())
    response = client.get(reverse("reporting:report_download", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    listing = client.get(reverse("reporting:partnership_reports", args=[public.slug])).content.decode()
    assert reverse("reporting:report_download", args=[report.pk]) in listing


def test_the_public_never_learns_of_an_unpublished_report(client, public):
    report = ReportFactory(partnership=public)
    assert client.get(reverse("reporting:report_detail", args=[report.pk])).status_code == 404
    listing = client.get(reverse("reporting:partnership_reports", args=[public.slug])).content.decode()
    assert reverse("reporting:report_detail", args=[report.pk]) not in listing


def test_the_public_is_not_told_who_asked_for_a_report(client, cast, public):
    report = ReportFactory(partnership=public, published_at=timezone.now(), requested_by=cast.users["officer"])
    page = client.get(reverse("reporting:report_detail", args=[report.pk])).content.decode()
    assert "officer@example.org" not in page


def test_a_private_partnerships_published_report_stays_unknown(client, cast):
    report = ReportFactory(partnership=cast.partnership, published_at=timezone.now())
    assert client.get(reverse("reporting:report_download", args=[report.pk])).status_code == 404


def test_the_api_lists_the_public_reports_and_themes_anonymously(client, public):
    from tests.themes.factories import ThemeFactory

    report = ReportFactory(partnership=public, published_at=timezone.now())
    theme = ThemeFactory(partnership=public)
    reports = client.get("/api/reports/").json()
    themes = client.get("/api/themes/").json()
    assert report.pk in [row["id"] for row in reports["results"]]
    assert theme.pk in [row["id"] for row in themes["results"]]
