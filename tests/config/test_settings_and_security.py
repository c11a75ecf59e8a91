"""Configuration from the environment, security headers, sign-in rules and the deployment files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)


def run_manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "x" * 30 + "a-long-and-random-enough-secret-for-the-check",
        "DJANGO_ALLOWED_HOSTS": "roundtable.example.gov.uk",
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_bad_boolean_is_refused():
    result = run_manage("check", env={"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "perhaps"})
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_every_setting_read_from_the_environment_is_documented():
    example = (ROOT / ".env.example").read_text()
    source = (ROOT / "config/settings.py").read_text()
    import re

    names = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', source))
    undocumented = {name for name in names if f"{name}=" not in example}
    assert not undocumented


def test_compose_file_follows_the_compose_specification():
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            "vendor.compose-spec",
            "docker-compose.yml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    compose = (ROOT / "docker-compose.yml").read_text()
    for service in ("web:", "worker:", "scheduler:", "db:", "redis:", "healthcheck:", "media:"):
        assert service in compose


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_pages_carry_no_inline_script(client, cast):
    client.force_login(cast.users["officer"])
    page = client.get(reverse("partnerships:partnership_detail", args=[cast.partnership.slug])).content.decode()
    import re

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert 'hx-headers=\'{"X-CSRFToken"' in page


@pytest.mark.django_db
def test_administrators_must_set_up_an_authenticator_app(client):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True, second_factor=False)
    client.force_login(admin)
    response = client.get(reverse("partnerships:partnership_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_index"))


@pytest.mark.django_db
def test_people_cannot_sign_themselves_up(client):
    response = client.get(reverse("account_signup"))
    assert (
        "Sign Up Closed" in response.content.decode()
        or response.status_code == 403
        or "closed" in response.content.decode().lower()
    )


@pytest.mark.django_db
def test_sign_in_by_email(client):
    from tests.factories import UserFactory

    UserFactory(username="someone@example.org", second_factor=False)
    response = client.post(
        reverse("account_login"), {"login": "someone@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"].is_authenticated


def test_health_check(client, db):
    assert client.get("/healthz").content == b"ok"
