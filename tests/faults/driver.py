"""One step of a fault test, run in a process of its own against the private services (see processes.py).

Requests go through the whole Django stack with the real broker and database, as a web process's would;
each step prints one JSON line for the test to read.
"""

import json
import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

OFFICER = "faults-officer@example.org"


def _client() -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=OFFICER))
    return client


def seed(reports: str, meetings: str) -> dict:
    from meetings.models import AgendaItem
    from meetings.services import agenda_item_add
    from partnerships.models import PartnershipOfficer
    from tests.factories import MembershipFactory, PartnershipFactory, PersonFactory, UserFactory
    from tests.meetings.factories import MeetingFactory, add_paper

    officer = UserFactory(username=OFFICER, email=OFFICER)
    slugs = []
    for number in range(int(reports)):
        partnership = PartnershipFactory(
            name=f"Fault Partnership {number}", vision=f"A vision that is this partnership's own ({number})."
        )
        PartnershipOfficer.objects.create(user=officer, partnership=partnership)
        slugs.append(partnership.slug)
    host = PartnershipFactory(name="Fault Meetings Partnership")
    PartnershipOfficer.objects.create(user=officer, partnership=host)
    for number in range(3):
        person = PersonFactory(first_name="Member", last_name=f"Number {number}", email=f"member{number}@example.org")
        MembershipFactory(partnership=host, person=person, organisation=person.organisation)
    meeting_pks = []
    for number in range(int(meetings)):
        meeting = MeetingFactory(partnership=host, date=settings_date(number))
        item = agenda_item_add(item=AgendaItem(meeting=meeting, title=f"Item {number}", kind=AgendaItem.Kind.MAJOR))
        for paper in range(2):
            add_paper(item, f"Paper {number}.{paper}", pages=3, name=f"paper-{number}-{paper}.pdf")
        meeting_pks.append(meeting.pk)
    return {"slugs": slugs, "meetings": meeting_pks}


def settings_date(number: int):
    import datetime as dt

    return dt.date(2024, 1, 8) + dt.timedelta(days=7 * number)


def _post(client: Client, url: str, data: dict | None = None) -> dict:
    started = time.perf_counter()
    response = client.post(url, data or {})
    return {
        "url": url,
        "status": response.status_code,
        "ms": round((time.perf_counter() - started) * 1000, 1),
        "location": response.get("Location", ""),
    }


def ask_reports(*slugs: str) -> dict:
    """Ask for each partnership's 2022/23 report; "slug@day" asks for it as at that day of March 2023."""
    client = _client()
    responses = []
    for slug_and_day in slugs:
        slug, _, day = slug_and_day.partition("@")
        data = {"year": "2022"}
        if day:
            data.update(as_at_day=day, as_at_month="3", as_at_year="2023")
        responses.append(_post(client, f"/partnerships/{slug}/reports/", data))
    return {"responses": responses}


def ask_packs(*meeting_pks: str) -> dict:
    client = _client()
    return {"responses": [_post(client, f"/meetings/{pk}/pack/members/prepare/") for pk in meeting_pks]}


def publish(meeting_pk: str) -> dict:
    client = _client()
    return {"responses": [_post(client, f"/meetings/{meeting_pk}/agenda/publish/")]}


def login_and_pages() -> dict:
    """Pages that use the cache: the login form with allauth's rate limit, and the home page."""
    anonymous = Client(raise_request_exception=False)
    login = anonymous.post("/accounts/login/", {"login": "nobody@example.org", "password": "not the password"})
    client = _client()
    return {"login": login.status_code, "home": client.get("/").status_code}


def state() -> dict:
    from meetings.models import MeetingPack
    from partnerships.outbox import OutboundEmail
    from reporting.models import Report

    def rows(model, files):
        return [
            {
                "pk": job.pk,
                "status": job.status,
                "attempts": job.attempts,
                "stalls": job.stalls,
                "dispatched": job.dispatched_at is not None,
                "error": job.error,
                "files": [getattr(job, name).name for name in files if getattr(job, name)],
            }
            for job in model.objects.order_by("pk")
        ]

    media = sorted(str(path.relative_to(settings.MEDIA_ROOT)) for path in settings.MEDIA_ROOT.rglob("*.pdf"))
    return {
        "reports": rows(Report, ["file"]),
        "packs": rows(MeetingPack, ["file", "agenda_file"]),
        "emails": rows(OutboundEmail, []),
        "media": media,
    }


COMMANDS = {
    "seed": seed,
    "ask-reports": ask_reports,
    "ask-packs": ask_packs,
    "publish": publish,
    "login-and-pages": login_and_pages,
    "state": state,
}

if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    print(json.dumps(COMMANDS[command](*arguments)))
