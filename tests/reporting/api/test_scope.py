"""Each list's scope gives, record by record, the answer of the single-record access rules."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from meetings.models import Action, Attendance, Decision, Meeting
from meetings.views.common import page_flags
from partnerships.access import Level, get_access
from reporting import scope
from reporting.access import get_report_for_user
from reporting.models import Report
from tests.conftest import ROLES
from tests.reporting.factories import ReportFactory, council_review
from tests.themes.factories import ThemeFactory
from themes.access import get_theme_for_user
from themes.models import Theme

pytestmark = pytest.mark.django_db


def _user(cast, role):
    return None if role == "anonymous" else cast.users[role]


def _allowed(rule, *args) -> bool:
    try:
        rule(*args)
    except (Http404, PermissionDenied):
        return False
    return True


@pytest.mark.parametrize("role", ROLES)
def test_the_record_of_a_meeting_is_listed_exactly_where_its_page_shows_it(cast, record, private_record, role):
    access = get_access(_user(cast, role))
    decisions = set(
        Decision.objects.filter(item__meeting__in=scope.meetings(access).values("pk"))
        .filter(scope.record_shown(access, "item__meeting"))
        .values_list("pk", flat=True)
    )
    attendance = set(Attendance.objects.filter(scope.record_shown(access, "meeting")).values_list("pk", flat=True))
    actions = set(Action.objects.filter(scope.record_shown(access, "raised_at")).values_list("pk", flat=True))
    visible = set(scope.meetings(access).values_list("pk", flat=True))
    for meeting in Meeting.objects.select_related("partnership"):
        level = access.level(meeting.partnership)
        assert (meeting.pk in visible) == (level >= Level.PUBLIC), meeting
        shown = level >= Level.PUBLIC and page_flags(level, meeting)["show_record"]
        for decision in Decision.objects.filter(item__meeting=meeting):
            assert (decision.pk in decisions) == shown, (role, meeting)
        for row in meeting.attendance.all():
            assert (row.pk in attendance) == shown, (role, meeting)
        for action in meeting.actions.all():
            assert (action.pk in actions) == shown, (role, meeting)


@pytest.mark.parametrize("role", ROLES)
def test_themes_and_reports_are_listed_where_their_pages_open(cast, record, role):
    for partnership in (cast.partnership, cast.sub_group, cast.other_partnership, record.partnership):
        ThemeFactory(partnership=partnership)
        ReportFactory(partnership=partnership, published_at=timezone.now())
    council_review(cast.council, published_at=timezone.now())
    user = _user(cast, role)
    access = get_access(user)
    themes = set(Theme.objects.filter(scope.published(access)).values_list("pk", flat=True))
    for theme in Theme.objects.all():
        assert (theme.pk in themes) == _allowed(get_theme_for_user, user, theme.pk), (role, theme.partnership)
    reports = set(scope.reports(access).values_list("pk", flat=True))
    for report in Report.objects.all():
        assert (report.pk in reports) == _allowed(get_report_for_user, user, report.pk), (role, report)
