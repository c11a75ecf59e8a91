"""Agenda items take a theme's report or a task-and-finish group's report to the steering group."""

import pytest
from django.core.exceptions import ValidationError

from meetings.pack import pack_contents
from meetings.services import agenda_item_links_save
from taskgroups.models import GroupReportItem
from tests.factories import PartnershipFactory
from tests.taskgroups.factories import GroupReportFactory, TaskGroupFactory
from tests.themes.factories import ThemeFactory, ThemeReportFactory
from themes.models import ThemeReportItem


def test_an_item_links_to_a_theme_report_and_a_group_report(officer_client, cast, meeting, major_item):
    theme_report = ThemeReportFactory(theme=ThemeFactory(partnership=cast.partnership, title="Low Carbon City"))
    group_report = GroupReportFactory(group=TaskGroupFactory(partnership=cast.partnership), title="Retrofit progress")
    before = pack_contents(meeting, "public").content_hash
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/edit/",
        {
            "title": major_item.title,
            "kind": "theme_update",
            "theme_report": theme_report.pk,
            "task_group_report": group_report.pk,
            "version": major_item.version,
        },
    )
    assert response.status_code == 302, response.content.decode()
    major_item.refresh_from_db()
    assert major_item.taken_reports == [
        ("Theme report", theme_report),
        ("Task-and-finish group report", group_report),
    ]
    page = officer_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Low Carbon City" in page and "Retrofit progress" in page
    assert pack_contents(meeting, "public").content_hash != before
    assert list(theme_report.agenda_items.all()) == [major_item]
    assert list(group_report.agenda_items.all()) == [major_item]


def test_clearing_a_report_unlinks_it_and_the_edit_form_shows_the_current_one(officer_client, cast, major_item):
    report = ThemeReportFactory(theme=ThemeFactory(partnership=cast.partnership))
    ThemeReportItem.objects.create(item=major_item, report=report)
    page = officer_client.get(f"/agenda-items/{major_item.pk}/edit/").content.decode()
    assert f'<option value="{report.pk}" selected>' in page
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/edit/",
        {"title": major_item.title, "kind": "major", "theme_report": "", "version": major_item.version},
    )
    assert response.status_code == 302
    assert not ThemeReportItem.objects.exists()


def test_a_report_is_offered_only_to_its_own_partnerships_items(officer_client, cast, major_item):
    foreign = ThemeReportFactory(theme=ThemeFactory(partnership=PartnershipFactory()))
    response = officer_client.post(
        f"/agenda-items/{major_item.pk}/edit/",
        {"title": major_item.title, "kind": "major", "theme_report": foreign.pk, "version": major_item.version},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ThemeReportItem.objects.exists()


def test_a_report_from_another_partnership_is_refused(cast, major_item):
    other = PartnershipFactory()
    theme_link = ThemeReportItem(item=major_item, report=ThemeReportFactory(theme=ThemeFactory(partnership=other)))
    with pytest.raises(ValidationError, match="one of this partnership's themes"):
        theme_link.full_clean()
    group_link = GroupReportItem(item=major_item, report=GroupReportFactory(group=TaskGroupFactory(partnership=other)))
    with pytest.raises(ValidationError, match="one of this partnership's task-and-finish groups"):
        group_link.full_clean()
    with pytest.raises(ValidationError, match="one of this partnership's themes"):
        agenda_item_links_save(item=major_item, taken={"theme_report": theme_link.report})
