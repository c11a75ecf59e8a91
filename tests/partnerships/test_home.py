"""The home page tells each role what to do next, links to where it is done, and costs the same queries however busy."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingPack
from partnerships.access import Level
from partnerships.models import financial_year_of
from partnerships.tabs import MAX_TABS, TABS, register_tab
from partnerships.visits import HomeVisit
from reporting.models import Kind
from tests.factories import MembershipFactory, PersonFactory
from tests.meetings.factories import ActionFactory, AgendaItemFactory, MeetingFactory, add_paper
from tests.reporting.factories import ReportFactory
from tests.taskgroups.factories import AgreedGroupFactory
from tests.themes.factories import ThemeFactory

TODAY = dt.date.today()


def busy(cast, n: int = 1, start: int = 0):
    """n of everything each role has to do, on the cast's partnership."""
    for i in range(start, start + n):
        coming = MeetingFactory(
            partnership=cast.partnership, date=TODAY + dt.timedelta(days=14 + i), title=f"Coming {i}"
        )
        item = AgendaItemFactory(meeting=coming, title=f"Budget {i}")
        add_paper(item, title=f"Budget paper {i}")
        Meeting.objects.filter(pk=coming.pk).update(agenda_published_at=timezone.now(), status=Meeting.Status.PUBLISHED)
        MeetingFactory(partnership=cast.partnership, date=TODAY + dt.timedelta(days=20 + i), title=f"Unpublished {i}")
        past = MeetingFactory(partnership=cast.partnership, date=TODAY - dt.timedelta(days=7 + i), title=f"Held {i}")
        ActionFactory(raised_at=past, owner=cast.member_person, description=f"Write to the minister {i}")
        MeetingPack.objects.create(
            meeting=past, variant="members", content_hash=f"h{i}", status="failed", error="A paper could not be read."
        )
        ThemeFactory(partnership=cast.partnership, title=f"Housing {i}")
        AgreedGroupFactory(
            partnership=cast.partnership,
            name=f"Retrofit sprint {i}",
            start_date=TODAY - dt.timedelta(days=200),
            end_date=TODAY - dt.timedelta(days=10 + i),
        )
        MembershipFactory(
            partnership=cast.partnership, organisation=cast.council, person=PersonFactory(is_councillor=True)
        )


def home_text(client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_member_sees_their_next_meetings_papers_apologies_declarations_and_actions(client, cast):
    busy(cast)
    client.force_login(cast.users["member"])
    html = home_text(client)
    coming = Meeting.objects.get(title="Coming 0")
    assert "RSP: Coming 0" in html
    assert reverse("meetings:pack_download", args=[coming.pk, "members"]) in html
    assert "Budget paper 0" in html
    assert f"{coming.get_absolute_url()}#my-attendance" in html
    assert reverse("meetings:declarations", args=[coming.pk]) in html
    assert "Write to the minister 0" in html
    # Officer work is not a member's.
    assert "Agendas to publish" not in html and "Governance warnings" not in html


@pytest.mark.django_db
def test_papers_are_new_only_since_the_visit_before_this_session(cast):
    busy(cast)
    member = cast.users["member"]
    first = Client()
    first.force_login(member)
    assert "Budget paper 0" in home_text(first)
    visit = HomeVisit.objects.get(user=member)
    assert visit.seen_at <= timezone.now()
    later = AgendaItemFactory(meeting=Meeting.objects.get(title="Coming 0"), title="Late item")
    add_paper(later, title="Late paper")
    second = Client()
    second.force_login(member)
    html = home_text(second)
    assert "Late paper" in html and "Budget paper 0" not in html
    # Reloading in the same session still shows what was new when it began.
    assert "Late paper" in home_text(second)


@pytest.mark.django_db
def test_an_officer_sees_agendas_minutes_theme_reports_deadlines_warnings_and_stalled_packs(client, cast):
    busy(cast)
    client.force_login(cast.users["officer"])
    html = home_text(client)
    unpublished = Meeting.objects.get(title="Unpublished 0")
    held = Meeting.objects.get(title="Held 0")
    assert f"{unpublished.get_absolute_url()}#agenda-heading" in html
    assert reverse("meetings:minutes", args=[held.pk]) in html
    assert "Housing 0 report for" in html
    assert "Retrofit sprint 0" in html and "passed its required end date" in html
    assert "should have both a councillor and an officer seat" in html
    assert "A paper could not be read." in html
    assert reverse("meetings:pack_status", args=[MeetingPack.objects.get().pk]) in html


@pytest.mark.django_db
def test_an_officer_of_another_partnership_sees_none_of_it(client, cast):
    busy(cast)
    client.force_login(cast.users["outsider"])
    html = home_text(client)
    for secret in ("Unpublished 0", "Held 0", "Housing 0", "Retrofit sprint 0", "A paper could not be read."):
        assert secret not in html


@pytest.mark.django_db
def test_a_clerk_sees_reports_due_and_reports_ready(client, cast):
    last_year = financial_year_of(TODAY) - 1
    ready = ReportFactory(partnership=cast.partnership, year=last_year)
    client.force_login(cast.users["clerk"])
    html = home_text(client)
    assert "Riverside City Council: annual review of strategic partnerships" in html
    assert reverse("reporting:organisation_reviews", args=[cast.council.slug]) in html
    assert reverse("reporting:report_download", args=[ready.pk]) in html
    # The partnership's report for last year is made, so it is no longer due.
    assert f"{cast.partnership.name}: annual update report" not in html.split("Reports ready")[0]
    ReportFactory(kind=Kind.COUNCIL_REVIEW, partnership=None, organisation=cast.council, year=last_year)
    assert "Every report for last year has been made." in home_text(client)


def count_home_queries(user) -> int:
    client = Client()
    client.force_login(user)
    client.get(reverse("home"))  # the first visit of a session records it; count the next
    cache.clear()  # worked out afresh, not served from the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


# Session, user and access, then each role's sections: a fixed number of queries each.
PINNED = {"member": 14, "officer": 17, "clerk": 12, "admin": 15}


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(PINNED))
def test_the_home_page_query_count_is_pinned_and_does_not_grow(cast, role):
    busy(cast, 1)
    small = count_home_queries(cast.users[role])
    busy(cast, 4, start=1)
    assert count_home_queries(cast.users[role]) == small == PINNED[role]


def test_a_partnership_has_at_most_seven_tabs_and_the_rest_sit_beneath_them():
    top = [tab for tab in TABS if not tab.under]
    assert len(top) <= MAX_TABS
    top_names = {tab.url_name for tab in top}
    assert all(tab.under in top_names for tab in TABS if tab.under)
    before = list(TABS)
    try:
        with pytest.raises(ValueError, match="at most 7 tabs"):
            for n in range(MAX_TABS):
                register_tab(f"Extra {n}", f"extra:{n}", level=Level.READ)
    finally:
        TABS[:] = before
