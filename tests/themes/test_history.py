"""Officers see who changed a theme or a theme report, and what."""

from django.urls import reverse

from .factories import ThemeFactory, ThemeReportFactory


def test_a_theme_history_names_the_change(client, cast):
    theme = ThemeFactory(partnership=cast.partnership, title="Skills")
    theme.title = "Skills and employment"
    theme.save()
    client.force_login(cast.users["officer"])
    page = client.get(reverse("themes:theme_history", args=[theme.pk])).content.decode()
    assert "Title: Skills → Skills and employment" in page
    client.force_login(cast.users["member"])
    assert client.get(reverse("themes:theme_history", args=[theme.pk])).status_code == 403


def test_a_theme_report_history_is_linked_from_the_report(client, cast):
    report = ThemeReportFactory(theme__partnership=cast.partnership)
    client.force_login(cast.users["officer"])
    page = client.get(reverse("themes:theme_report_detail", args=[report.pk])).content.decode()
    assert reverse("themes:theme_report_history", args=[report.pk]) in page
    assert client.get(reverse("themes:theme_report_history", args=[report.pk])).status_code == 200
