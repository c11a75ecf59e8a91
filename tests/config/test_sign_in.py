"""Signing in: a second factor for those who change records, Argon2 passwords, throttling without the cache."""

import time

import pytest
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache.backends.base import BaseCache
from django.urls import reverse

from partnerships import throttle
from partnerships.models import Membership
from tests.browser.conftest import current_code
from tests.factories import (
    TEST_TOTP_SECRET,
    MembershipFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
    make_clerk,
    make_officer,
)

PASSWORD = "a-long-test-password"
TOO_MANY = "Too many failed login attempts"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["officer", "clerk", "admin"])
def test_officers_clerks_and_administrators_must_set_up_a_second_factor(client, kind):
    partnership = PartnershipFactory()
    if kind == "officer":
        user = make_officer(partnership, second_factor=False)
    elif kind == "clerk":
        user = make_clerk(partnership.host_organisation or PersonFactory().organisation, second_factor=False)
    else:
        user = UserFactory(is_superuser=True, is_staff=True, second_factor=False)
    client.force_login(user)
    response = client.get(reverse("partnerships:partnership_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_index"))
    # The set-up pages themselves stay open, with an authenticator app and a passkey to choose from.
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert reverse("mfa_activate_totp") in page.content.decode()


@pytest.mark.django_db
def test_members_may_choose_a_second_factor(client):
    partnership = PartnershipFactory()
    person = PersonFactory(user=UserFactory(second_factor=False))
    MembershipFactory(partnership=partnership, person=person, role=Membership.Role.MEMBER)
    client.force_login(person.user)
    assert client.get(reverse("partnerships:partnership_detail", args=[partnership.slug])).status_code == 200


@pytest.mark.django_db
def test_an_officer_signs_in_with_password_then_authenticator_code(client):
    make_officer(PartnershipFactory(), username="officer@example.org")
    response = client.post(reverse("account_login"), {"login": "officer@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not client.get(reverse("home")).context["user"].is_authenticated
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    done = client.post(reverse("mfa_authenticate"), {"code": current_code(TEST_TOTP_SECRET)})
    assert done.status_code == 302
    assert client.get(reverse("home")).context["user"].is_authenticated


def test_passkeys_are_offered():
    from django.conf import settings

    assert {"totp", "webauthn", "recovery_codes"} <= set(settings.MFA_SUPPORTED_TYPES)


def test_passwords_are_hashed_with_argon2_quickly(settings):
    settings.PASSWORD_HASHERS = ["partnerships.hashers.RoundtableArgon2PasswordHasher"]
    encoded = make_password(PASSWORD)
    assert encoded.startswith("argon2$argon2id$")
    assert "m=19456,t=2,p=1" in encoded
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        assert check_password(PASSWORD, encoded)
        timings.append(time.perf_counter() - start)
    # Well under the 300 ms a sign-in may take, even on a busy two-core machine (about 70 ms when quiet).
    assert min(timings) < 0.3


class BrokenCache(BaseCache):
    """A cache whose server has gone away."""

    def __init__(self, *args, **kwargs):
        super().__init__({})

    def _fail(self, *args, **kwargs):
        raise ConnectionError("cache is down")

    get = set = add = delete = get_many = set_many = delete_many = incr = has_key = clear = touch = _fail


@pytest.fixture
def broken_cache(monkeypatch):
    fallback = throttle.FallbackCache(primary=BrokenCache())
    monkeypatch.setattr(throttle, "counts", fallback)
    throttle.install_for_sign_in()
    from allauth.core.internal import ratelimit

    monkeypatch.setattr(ratelimit, "cache", fallback)
    return fallback


@pytest.mark.django_db
@pytest.mark.parametrize("cache_down", [False, True])
def test_failed_sign_ins_are_throttled_with_or_without_the_cache(client, request, cache_down):
    if cache_down:
        request.getfixturevalue("broken_cache")
    else:
        from django.core.cache import cache

        cache.clear()
    UserFactory(username="target@example.org", second_factor=False)
    responses = [
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "wrong-password"})
        for _ in range(7)
    ]
    assert {response.status_code for response in responses} <= {200, 429}
    assert TOO_MANY not in responses[0].content.decode()
    assert TOO_MANY in responses[-1].content.decode() or responses[-1].status_code == 429
    # Throttled means throttled: even the right password waits.
    right = client.post(reverse("account_login"), {"login": "target@example.org", "password": PASSWORD})
    assert right.status_code != 302


@pytest.mark.django_db
def test_expensive_actions_are_limited_per_user(broken_cache):
    user, other = UserFactory(), UserFactory()
    limit = settings.ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES
    assert all(throttle.allow(user=user, action="pack_build") for _ in range(limit))
    assert not throttle.allow(user=user, action="pack_build")
    assert throttle.allow(user=other, action="pack_build")


@pytest.mark.django_db
def test_signed_in_pages_are_private_and_features_are_off(client, cast):
    anonymous = client.get(reverse("partnerships:partnership_list"))
    assert "camera=()" in anonymous["Permissions-Policy"]
    assert "no-store" not in anonymous.get("Cache-Control", "")
    client.force_login(cast.users["officer"])
    page = client.get(reverse("partnerships:partnership_detail", args=[cast.partnership.slug]))
    assert page["Cache-Control"] == "private, no-store"
    assert "camera=()" in page["Permissions-Policy"]


@pytest.mark.django_db
def test_csrf_cookie_is_hidden_from_scripts_and_htmx_still_posts(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.users["officer"])
    page = client.get(reverse("partnerships:person_create"))
    assert client.cookies["csrftoken"]["httponly"]
    html = page.content.decode()
    token = html.split('hx-headers=\'{"X-CSRFToken": "', 1)[1].split('"', 1)[0]
    refused = client.post(reverse("partnerships:person_create"), {"first_name": "Ann", "last_name": "Other"})
    assert refused.status_code == 403
    sent = client.post(
        reverse("partnerships:person_create"),
        {"first_name": "Ann", "last_name": "Other"},
        headers={"X-CSRFToken": token, "HX-Request": "true"},
    )
    assert sent.status_code in (200, 302)
