"""Every named URL × every role × the status it must get (tests/matrix.py explains the presets)."""

import importlib

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import ROLES

APPS = ["partnerships", "meetings", "themes", "taskgroups", "reporting"]
# Third-party areas with their own access rules, checked by their own projects.
OUTSIDE_THE_MATRIX = {"admin", "account", "mfa"}


def _routes():
    routes = []
    for app in APPS:
        try:
            module = importlib.import_module(f"tests.{app}.routes")
        except ModuleNotFoundError as error:
            if error.name not in (f"tests.{app}", f"tests.{app}.routes"):
                raise
            continue
        routes.extend(module.ROUTES)
    return routes


ROUTES = _routes()


def _named_urls(patterns=None, namespace=""):
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in OUTSIDE_THE_MATRIX or (pattern.app_name or "") in OUTSIDE_THE_MATRIX:
                continue
            if getattr(pattern.urlconf_module, "__name__", "").startswith(("allauth", "django.contrib")):
                continue
            names |= _named_urls(pattern.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_named_url_is_in_the_matrix():
    missing = _named_urls() - {route.name for route in ROUTES}
    assert not missing, f"Add these URLs to a tests/<app>/routes.py: {sorted(missing)}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=[route.id for route in ROUTES])
def test_permission_matrix(client, cast, route, role):
    url = route.url(cast)
    cast.client_for(client, role)
    response = getattr(client, route.method)(url, route.data) if route.method != "get" else client.get(url)
    expected = route.expected[role]
    assert response.status_code == expected, (
        f"{role} {route.method.upper()} {url}: {response.status_code}, expected {expected}"
    )
    if expected == 302 and role == "anonymous":
        assert "/accounts/login/" in response["Location"]
