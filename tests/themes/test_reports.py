"""Drafting and submitting a theme report: by the lead officer or the partnership's officers."""

import pytest
from django.urls import reverse

from tests.factories import PersonFactory, UserFactory
from themes.models import ThemeReport

from .factories import ThemeFactory, ThemeReportFactory

pytestmark = pytest.mark.django_db


def test_the_lead_officer_drafts_and_submits(client, cast):
    lead_user = UserFactory(username="lead@example.org")
    lead = PersonFactory(user=lead_user)
    theme = ThemeFactory(partnership=cast.partnership, lead_officer=lead)
    client.force_login(lead_user)
    response = client.post(reverse("themes:theme_report_start", args=[theme.pk]), {"year": "2023", "half": "2"})
    report = ThemeReport.objects.get(theme=theme, year=2023, half=2)
    assert response["Location"] == reverse("themes:theme_report_edit", args=[report.pk])
    assert str(report.due_on) == "2024-04-30"
    response = client.post(
        reverse("themes:theme_report_edit", args=[report.pk]),
        {
            "progress": "Retrofit pilot started.",
            "challenges": "",
            "collaboration": "",
            "task_and_finish": "",
            "asks": "",
            "version": "1",
        },
    )
    assert response.status_code == 302
    response = client.post(reverse("themes:theme_report_submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.is_submitted and report.submitted_by == lead_user


def test_a_report_cannot_be_submitted_without_progress(officer_client, cast):
    report = ThemeReportFactory(theme__partnership=cast.partnership, progress="")
    response = officer_client.post(reverse("themes:theme_report_submit", args=[report.pk]))
    assert "Describe the progress since the last report before submitting." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ThemeReport.Status.DRAFT


def test_a_submitted_report_can_no_longer_be_changed(officer_client, cast):
    report = ThemeReportFactory(
        theme__partnership=cast.partnership, status=ThemeReport.Status.SUBMITTED, submitted_at="2022-10-01T10:00Z"
    )
    response = officer_client.post(
        reverse("themes:theme_report_edit", args=[report.pk]), {"progress": "Changed", "version": "1"}, follow=True
    )
    assert "can no longer be changed" in response.content.decode()
    report.refresh_from_db()
    assert report.progress == "Good progress."


def test_two_officers_saving_at_once_the_second_is_told(officer_client, cast):
    report = ThemeReportFactory(theme__partnership=cast.partnership)
    ThemeReport.objects.filter(pk=report.pk).update(version=2)
    response = officer_client.post(
        reverse("themes:theme_report_edit", args=[report.pk]), {"progress": "Mine", "version": "1"}
    )
    assert response.status_code == 200
    assert "Your changes have not been saved" in response.content.decode()


def test_a_member_reads_but_cannot_start_a_report(client, cast):
    theme = ThemeFactory(partnership=cast.partnership)
    client.force_login(cast.users["member"])
    assert client.get(reverse("themes:theme_detail", args=[theme.pk])).status_code == 200
    response = client.post(reverse("themes:theme_report_start", args=[theme.pk]), {"year": "2023", "half": "1"})
    assert response.status_code == 403
    assert not ThemeReport.objects.exists()


def test_the_due_dashboard_lists_overdue_reports_of_supported_partnerships(officer_client, cast):
    ThemeFactory(partnership=cast.partnership, title="Safer Communities")
    ThemeFactory(partnership=cast.other_partnership, title="Someone else's theme")
    content = officer_client.get(reverse("themes:reports_due")).content.decode()
    assert "Safer Communities" in content
    assert "Someone else" not in content
    assert "Overdue (" in content


def test_report_dates_are_set_per_partnership(officer_client, cast):
    draft = ThemeReportFactory(theme__partnership=cast.partnership, year=2022, half=1)
    response = officer_client.post(
        reverse("themes:schedule_edit", args=[cast.partnership.slug]),
        {
            "first_due_day": "30",
            "first_due_month": "11",
            "second_due_day": "31",
            "second_due_month": "5",
            "reminder_days": "10",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert str(draft.due_on) == "2022-11-30"
    response = officer_client.post(
        reverse("themes:schedule_edit", args=[cast.partnership.slug]),
        {
            "first_due_day": "31",
            "first_due_month": "9",
            "second_due_day": "31",
            "second_due_month": "5",
            "reminder_days": "10",
        },
    )
    assert "September does not have a day 31." in response.content.decode()
