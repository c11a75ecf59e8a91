"""The open data API, its documentation, the token page and the open data downloads, for the matrix."""

from django.utils import timezone

from meetings.models import Attendance, Decision, Meeting
from reporting.api.services import api_token_create
from tests.matrix import ANY_OFFICER, PUBLIC_PAGE, READ, Route
from tests.meetings.factories import ActionFactory, AgendaItemFactory, MeetingFactory
from tests.themes.factories import AchievementFactory, IndicatorFactory, OutcomeFactory, ThemeFactory

from .factories import ReportFactory

# Organisations are a directory for every role; the public reads only those named on public pages.
DIRECTORY = {**PUBLIC_PAGE, "anonymous": 404}
TOKEN_POST = {**ANY_OFFICER, "outsider": 302, "officer": 302, "admin": 302}
# A token is revoked by its owner alone: everyone else may not know it exists.
REVOKE_POST = {**TOKEN_POST, "outsider": 404, "admin": 404}


def _approved_meeting(c):
    return MeetingFactory(
        partnership=c.partnership,
        status=Meeting.Status.MINUTES_APPROVED,
        minutes_status=Meeting.MinutesStatus.APPROVED,
        agenda_published_at=timezone.now(),
    )


def _decision(c):
    return Decision.objects.create(item=AgendaItemFactory(meeting=_approved_meeting(c)), resolution="To agree.")


def _attendance(c):
    return Attendance.objects.create(meeting=_approved_meeting(c), membership=c.membership, status="present")


def _detail(name, build):
    return lambda c: f"/api/{name}/{build(c)}/"


LISTS = [
    "organisation",
    "person",
    "partnership",
    "membership",
    "meeting",
    "decision",
    "attendance",
    "action",
    "theme",
    "achievement",
    "indicator",
    "report",
]
PATHS = dict(
    zip(
        LISTS,
        [
            "organisations",
            "people",
            "partnerships",
            "memberships",
            "meetings",
            "decisions",
            "attendance",
            "actions",
            "themes",
            "achievements",
            "indicators",
            "reports",
        ],
        strict=True,
    )
)

ROUTES = [
    Route("api:documentation", lambda c: "/api/", PUBLIC_PAGE),
    Route("api:openapi", lambda c: "/api/openapi.json", PUBLIC_PAGE),
    Route("api:tokens", lambda c: "/api/tokens/", ANY_OFFICER),
    Route("api:tokens", lambda c: "/api/tokens/", TOKEN_POST, method="post", data={"name": "x"}, id="api_token_make"),
    Route(
        "api:token_revoke",
        lambda c: f"/api/tokens/{api_token_create(user=c.users['officer'], name='x')[0].pk}/revoke/",
        REVOKE_POST,
        method="post",
    ),
    *(Route(f"api:{name}-list", lambda c, path=PATHS[name]: f"/api/{path}/", PUBLIC_PAGE) for name in LISTS),
    Route("api:organisation-detail", _detail("organisations", lambda c: c.council.slug), DIRECTORY),
    Route("api:person-detail", _detail("people", lambda c: c.member_person.pk), READ),
    Route("api:partnership-detail", _detail("partnerships", lambda c: c.partnership.slug), READ),
    Route("api:membership-detail", _detail("memberships", lambda c: c.membership.pk), READ),
    Route("api:meeting-detail", _detail("meetings", lambda c: MeetingFactory(partnership=c.partnership).pk), READ),
    Route("api:decision-detail", _detail("decisions", lambda c: _decision(c).pk), READ),
    Route("api:attendance-detail", _detail("attendance", lambda c: _attendance(c).pk), READ),
    Route("api:action-detail", _detail("actions", lambda c: ActionFactory(raised_at=_approved_meeting(c)).pk), READ),
    Route("api:theme-detail", _detail("themes", lambda c: ThemeFactory(partnership=c.partnership).pk), READ),
    Route(
        "api:achievement-detail",
        _detail("achievements", lambda c: AchievementFactory(partnership=c.partnership).pk),
        READ,
    ),
    Route(
        "api:indicator-detail",
        _detail(
            "indicators",
            lambda c: IndicatorFactory(outcome=OutcomeFactory(framework__partnership=c.partnership)).pk,
        ),
        READ,
    ),
    Route(
        "api:report-detail",
        _detail("reports", lambda c: ReportFactory(partnership=c.partnership, published_at=timezone.now()).pk),
        READ,
    ),
    Route(
        "api:attendance_records",
        lambda c: f"/api/attendance-records/?partnership={c.partnership.slug}&year=2022",
        READ,
    ),
    Route("opendata:attendance", lambda c: f"/open-data/partnerships/{c.partnership.slug}/attendance/", READ),
    Route("opendata:decisions", lambda c: f"/open-data/partnerships/{c.partnership.slug}/decisions/", READ),
    Route("opendata:index", lambda c: "/open-data/", PUBLIC_PAGE),
    Route("opendata:register_json", lambda c: "/open-data/popolo.json", PUBLIC_PAGE),
    Route("opendata:register_csv", lambda c: "/open-data/memberships.csv", PUBLIC_PAGE),
    Route("opendata:partnership_json", lambda c: f"/open-data/partnerships/{c.partnership.slug}/popolo.json", READ),
    Route("opendata:partnership_csv", lambda c: f"/open-data/partnerships/{c.partnership.slug}/votes.csv", READ),
]
