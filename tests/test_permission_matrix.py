"""Every named URL × every method its view accepts × every role × the status it must get.

tests/matrix.py explains the presets. A view takes only the methods it declares (require_POST,
require_http_methods); one that declares none is read-only (partnerships/middleware.py).
"""

import importlib

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from partnerships.middleware import accepted_methods
from tests.conftest import ROLES
from tests.matrix import check, expand

APPS = ["partnerships", "meetings", "themes", "taskgroups", "reporting"]
# Third-party areas with their own access rules, checked by their own projects.
OUTSIDE_THE_MATRIX = {"admin", "account", "mfa"}
PROBED = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def _routes():
    routes = []
    for app in APPS:
        module = importlib.import_module(f"tests.{app}.routes")
        routes.extend(expand(module.ROUTES, getattr(module, "POSTS", {})))
    return routes


ROUTES = _routes()


def _named_urls(patterns=None, namespace=""):
    """Each named URL of the project and its view."""
    names = {}
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in OUTSIDE_THE_MATRIX or (pattern.app_name or "") in OUTSIDE_THE_MATRIX:
                continue
            if getattr(pattern.urlconf_module, "__name__", "").startswith(("allauth", "django.contrib")):
                continue
            names |= _named_urls(pattern.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names[f"{namespace}{pattern.name}"] = pattern.callback
    return names


def listed_methods() -> dict[str, set[str]]:
    methods: dict[str, set[str]] = {}
    for route in ROUTES:
        methods.setdefault(route.name, set()).add(route.method.upper())
    return methods


def test_every_named_url_is_in_the_matrix():
    missing = set(_named_urls()) - {route.name for route in ROUTES}
    assert not missing, f"Add these URLs to a tests/<app>/routes.py: {sorted(missing)}"


def test_every_method_a_view_declares_is_in_the_matrix():
    listed = listed_methods()
    missing = {
        f"{name} {method}"
        for name, view in _named_urls().items()
        for method in accepted_methods(view) - {"HEAD", "OPTIONS"}
        if method not in listed.get(name, set())
    }
    assert not missing, f"Add these methods to ROUTES or POSTS in tests/<app>/routes.py: {sorted(missing)}"


def unlisted_methods_answered(client, cast) -> list[str]:
    """Asked as an administrator, who passes every check: any method not in the matrix must get 405."""
    listed = listed_methods()
    cast.client_for(client, "admin")
    answered = []
    seen = set()
    for route in ROUTES:
        if route.name in seen:
            continue
        seen.add(route.name)
        # Each route builds its own records; undone after, so the next route starts from the cast.
        with transaction.atomic():
            url = route.url(cast)
            for method in PROBED:
                if method in listed[route.name]:
                    continue
                response = getattr(client, method.lower())(url)
                if response.status_code != 405:
                    answered.append(f"{method} {url} ({route.name}): {response.status_code}")
            transaction.set_rollback(True)
    return answered


def test_no_view_answers_a_method_the_matrix_does_not_list(client, cast):
    answered = unlisted_methods_answered(client, cast)
    assert not answered, f"These views accept methods the matrix does not list: {answered}"


def check_every_role(client, cast, route) -> list[str]:
    """What went wrong for each role; each role starts from the cast alone, with the route's records made again."""
    problems = []
    for role in ROLES:
        with transaction.atomic():
            if problem := check(client, cast, route, role):
                problems.append(problem)
            transaction.set_rollback(True)
    return problems


# One test a route, every role inside it: the cast is built once for the eight, not once for each.
@pytest.mark.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])
def test_permission_matrix(client, cast, route):
    problems = check_every_role(client, cast, route)
    assert not problems, "\n".join(problems)


def test_a_view_that_checks_write_access_on_get_only_fails_the_matrix(client, cast, monkeypatch):
    """Change a view to skip its write check on POST: the matrix's POST rows for it must catch it."""
    from partnerships.views import people

    real = people.get_person_for_user

    def read_check_on_post(user, pk, *, write=False):
        return real(user, pk, write=write and False)

    monkeypatch.setattr(people, "get_person_for_user", read_check_on_post)
    rows = [route for route in ROUTES if route.name == "partnerships:person_edit" and route.method == "post"]
    assert rows, "the matrix has no POST row for the person form"
    failures = [problem for route in rows for problem in check_every_role(client, cast, route)]
    # The member (who reads the person) now gets the form instead of 403.
    assert any(failure.startswith("member POST") for failure in failures), failures


def test_a_page_that_declares_no_methods_is_read_only(client, cast):
    """No write can slip in through a page that never said it takes one."""
    cast.client_for(client, "admin")
    url = f"/partnerships/{cast.partnership.slug}/"
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405


ATTENDEE_ROUTES = importlib.import_module("tests.meetings.routes").ATTENDEE_ROUTES
ATTENDEE_ROLES = importlib.import_module("tests.meetings.routes").ATTENDEE_ROLES


@pytest.mark.parametrize("route", ATTENDEE_ROUTES, ids=[route.id for route in ATTENDEE_ROUTES])
def test_guests_alternates_and_supporting_officers(client, attendees, route):
    problems = []
    for role in ATTENDEE_ROLES:
        url = route.url(attendees)
        client.force_login(attendees.cast.users[role])
        response = client.get(url)
        if response.status_code != route.expected[role]:
            problems.append(f"{role} GET {url}: {response.status_code}, expected {route.expected[role]}")
    assert not problems, "\n".join(problems)
