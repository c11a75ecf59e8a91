"""A crawl of the demonstration site, as each demonstration login and the public, with a private board
and a private person added: nothing of either reaches anyone who may not read it.

Each role follows every link and form it is shown, GET and POST, searches for the secrets by name, and
tries every named URL with the private records' addresses. No response may carry the board's name,
its paper, or the person's contact details and interests to someone without the right to them; the
private records' own addresses give 404 (or the sign-in page) to all of them.
"""

import datetime as dt
import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.models import AgendaItem
from meetings.services import agenda_item_add
from partnerships.access import get_access
from partnerships.middleware import accepted_methods
from partnerships.models import Interest, Membership, Partnership, PartnershipOfficer, Person
from tests.conftest import records_for_the_module
from tests.meetings.factories import MeetingFactory, add_paper

BOARD = "Quillfeather Holdings Oversight Board"
BOARD_SHORT = "QHOB"
BOARD_SLUG = "quillfeather-board"
PUBLIC_CHILD = "Quillfeather Community Panel"
PAPER = "Quillfeather settlement terms"
PERSON = "Zephyrine Quarrington"
EMAIL = "zephyrine@quarrington.example"
PHONE = "01632 960 447"
INTEREST = "Director of Quarrington Estates Ltd"
# Pages a crawl must leave alone: signing out, third-party areas, and what every page links to anyway.
SKIP = ("/accounts/", "/admin/", "/static/", "/healthz")
PAGES_PER_ROLE = 260
TOKEN = re.compile(r"[A-Za-z0-9_-]{32,}")


@pytest.fixture(scope="module")
def demo_site(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demonstration with a private board and a private person added, made once for the module."""
    with (
        records_for_the_module(request.module, django_db_blocker, tmp_path_factory),
        override_settings(DEBUG=True),
    ):
        yield _private_records()


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True


def _private_records() -> dict:
    call_command("seed_demo", "--with-demo-users", verbosity=0)
    osp = Partnership.objects.get(short_name="OSP")
    board = Partnership.objects.create(name=BOARD, short_name=BOARD_SHORT, slug=BOARD_SLUG, is_public=False)
    # A public panel under the private board: its page must not name its parent.
    Partnership.objects.create(name=PUBLIC_CHILD, slug="quillfeather-panel", parent=board, is_public=True)
    person = Person.objects.create(first_name="Zephyrine", last_name="Quarrington", email=EMAIL, phone=PHONE)
    Interest.objects.create(person=person, kind=Interest.Kind.choices[0][0], description=INTEREST)
    Membership.objects.create(partnership=board, person=person, role=Membership.Role.CHAIR)
    # The OSP's officer adds her as a guest of a sub-group they run: that opens nothing private.
    sub_group = osp.sub_groups.order_by("name").first()
    Membership.objects.create(partnership=sub_group, person=person, role=Membership.Role.GUEST, is_voting=False)
    meeting = MeetingFactory(partnership=board, date=dt.date.today() + dt.timedelta(days=20))
    item = agenda_item_add(item=AgendaItem(meeting=meeting, title="Settlement"))
    paper = add_paper(item, PAPER, confidential=True)
    board_officer = get_user_model().objects.get(email="admin@roundtable.example")
    assert not PartnershipOfficer.objects.filter(partnership=board).exclude(user=board_officer).exists()
    return {"board": board, "person": person, "sub_group": sub_group, "meeting": meeting, "item": item, "paper": paper}


# The demonstration's logins (seed_demo --with-demo-users) and the public.
ROLES = {
    "anonymous": None,
    "officer": "officer@roundtable.example",
    "member": "member@roundtable.example",
    "observer": "observer@roundtable.example",
    "clerk": "clerk@roundtable.example",
    "cambridge.clerk": "cambridge.clerk@roundtable.example",
}


def forbidden_for(user, site) -> list[str]:
    """What this login may not see: the board unless it reads it; contact details unless it may."""
    access = get_access(user)
    secrets = []
    if not access.can_see(site["board"]):
        secrets += [BOARD, BOARD_SHORT, BOARD_SLUG]
    if not access.can_read(site["board"]):
        secrets += [PAPER]
    from partnerships.access import may_see_contact

    if not may_see_contact(access, site["person"]):
        secrets += [EMAIL, PHONE, INTEREST]
    if not (access.can_see(site["sub_group"]) or access.can_see(site["board"])):
        secrets += ["Quarrington"]
    return secrets


HREF = re.compile(r'(?:href|action|hx-get)="([^"#]+)"')
FORM = re.compile(r'<form[^>]*method="post"[^>]*action="([^"]*)"', re.I)


def _internal(base, link):
    url = urldefrag(urljoin(base, link.replace("&amp;", "&")))[0]
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/") or parts.path.startswith(SKIP):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _leaks(response, secrets, url="") -> list[str]:
    """The secrets in a response, leaving out what the request itself said (a 404 page may echo it)."""
    secrets = [secret for secret in secrets if secret.lower() not in url.lower()]
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode("utf-8", "replace") + response.get("Location", "") + response.get("Content-Disposition", "")
    # Random tokens (CSRF, one-time form tokens) can spell a short secret by chance: they are no leak.
    body = TOKEN.sub("", body)
    return [secret for secret in secrets if secret.lower() in body.lower()]


def _private_addresses(site) -> list[str]:
    """Every named URL of our apps that takes one key, filled with the private records' keys."""
    keys = {
        "people/": site["person"].pk,
        "meetings/": site["meeting"].pk,
        "agenda-items/": site["item"].pk,
        "papers/": site["paper"].pk,
    }

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                module = getattr(pattern.urlconf_module, "__name__", "")
                if pattern.namespace == "admin" or module.startswith(("allauth", "django.contrib")):
                    continue
                yield from walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else "")
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", pattern

    addresses = []
    for name, pattern in walk(get_resolver().url_patterns):
        converters, route = set(pattern.pattern.converters), str(pattern.pattern)
        if converters == {"slug"} and route.startswith("partnerships/"):
            addresses.append(reverse(name, kwargs={"slug": BOARD_SLUG}))
        elif converters == {"pk"}:
            addresses += [reverse(name, kwargs={"pk": pk}) for prefix, pk in keys.items() if route.startswith(prefix)]
    return sorted(set(addresses))


def _starts(site) -> deque:
    queue = deque(
        [
            "/",
            reverse("partnerships:partnership_list"),
            reverse("partnerships:partnership_list") + "?q=Quillfeather",
            reverse("partnerships:person_list") + "?q=Quarr",
            reverse("meetings:calendar"),
        ]
    )
    for partnership in Partnership.objects.filter(is_public=True).values_list("slug", flat=True):
        queue.append(reverse("partnerships:membership_add", args=[partnership]) + "?q=Quarr")
    return queue


def _crawl(client, role, secrets, site, leaks) -> set:
    """Every page reachable by links from the start pages, each form on them posted empty once."""
    seen = set()
    queue = _starts(site)
    posted = set()
    while queue and len(seen) < PAGES_PER_ROLE:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code != 500, f"{role} GET {url}: 500"
        leaks += [f"{role} GET {url}: {secret}" for secret in _leaks(response, secrets, url)]
        if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
            continue
        html = response.content.decode()
        for action in FORM.findall(html):
            target = _internal(url, action or url)
            if target and target not in posted:
                posted.add(target)
                answer = client.post(target, {})
                assert answer.status_code != 500, f"{role} POST {target}: 500"
                leaks += [f"{role} POST {target}: {secret}" for secret in _leaks(answer, secrets, target)]
        for link in HREF.findall(html):
            target = _internal(url, link)
            if target and target not in seen:
                queue.append(target)
    return seen


def _try_private_addresses(client, role, user, secrets, site, leaks) -> None:
    """The board's own addresses, typed in directly: nothing of it shows, and its pages are not found."""
    for address in _private_addresses(site):
        for method in ("get", "post"):
            response = getattr(client, method)(address)
            leaks += [f"{role} {method.upper()} {address}: {s}" for s in _leaks(response, secrets, address)]
            if address.startswith(f"/partnerships/{BOARD_SLUG}/") or address.startswith(
                (f"/meetings/{site['meeting'].pk}/", f"/papers/{site['paper'].pk}/")
            ):
                ok = {404, 405} | ({302} if user is None else set())
                if response.status_code not in ok:
                    leaks.append(f"{role} {method.upper()} {address}: {response.status_code}, not 404")


@pytest.mark.parametrize("role", ROLES)
def test_nothing_private_reaches_anyone_without_the_right(client, demo_site, db, role):
    site = demo_site
    leaks = []
    user = get_user_model().objects.get(email=ROLES[role]) if ROLES[role] else None
    if user is not None:
        client.force_login(user)
    secrets = forbidden_for(user, site)
    assert secrets, f"{role} should be kept from something"
    seen = _crawl(client, role, secrets, site, leaks)
    assert len(seen) >= 30, f"{role} reached only {len(seen)} pages: the crawl is not looking"
    if not get_access(user).can_see(site["board"]):
        _try_private_addresses(client, role, user, secrets, site, leaks)
    assert not leaks, "\n".join(sorted(set(leaks))[:60])


def test_the_crawl_can_find_a_leak(client, demo_site, db):
    """The same check, shown a page that names the board, reports it."""
    secrets = forbidden_for(None, demo_site)
    client.force_login(get_user_model().objects.get(email="admin@roundtable.example"))
    response = client.get(reverse("partnerships:partnership_detail", args=[BOARD_SLUG]))
    assert BOARD in _leaks(response, secrets)


def test_every_accepted_method_of_the_private_addresses_is_tried(demo_site, db):
    """The crawl's direct addresses reach views that take GET, and views that take POST."""
    from django.urls import resolve

    methods = set()
    for address in _private_addresses(demo_site):
        methods |= accepted_methods(resolve(address).func)
    assert {"GET", "POST"} <= methods
