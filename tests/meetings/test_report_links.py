"""Agenda items take a theme's report or a task-and-finish group's report to the steering group."""

import pytest
from django.core.exceptions import ValidationError

from meetings.pack import pack_contents
from tests.factories import PartnershipFactory
from tests.taskgroups.factories import GroupReportFactory, TaskGroupFactory
from tests.themes.factories import ThemeFactory, ThemeReportFactory


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
    assert major_item.theme_report == theme_report and major_item.task_group_report == group_report
    page = officer_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Low Carbon City" in page and "Retrofit progress" in page
    assert pack_contents(meeting, "public").content_hash != before
    assert list(theme_report.agenda_items.all()) == [major_item]


def test_a_report_from_another_partnership_is_refused(cast, major_item):
    other = PartnershipFactory()
    major_item.theme_report = ThemeReportFactory(theme=ThemeFactory(partnership=other))
    major_item.task_group_report = GroupReportFactory(group=TaskGroupFactory(partnership=other))
    with pytest.raises(ValidationError) as error:
        major_item.full_clean(exclude=["guests"])
    assert "one of this partnership's themes" in str(error.value)
    assert "one of this partnership's task-and-finish groups" in str(error.value)
