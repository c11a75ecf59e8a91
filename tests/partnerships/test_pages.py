"""Sign-in and password pages in the service's style, the footer pages, and the name in the header."""

import re

import pytest
from django.urls import reverse


def ids_and_references(html: str) -> tuple[set[str], set[str]]:
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    described = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', html) for ref in refs.split()}
    return ids, described


def assert_service_style(html: str) -> None:
    assert "placeholder=" not in html
    assert "Sign In" not in html and "Remember Me" not in html
    assert reverse("account_signup") not in html
    ids, described = ids_and_references(html)
    assert described <= ids, f"aria-describedby names missing ids: {described - ids}"
    for target in re.findall(r'class="govuk-error-summary__list">(.*?)</ul>', html, re.S):
        for href in re.findall(r'href="#([^"]*)"', target):
            assert href in ids, f"error summary links to #{href}, which is not on the page"


@pytest.mark.django_db
def test_the_sign_in_page_says_sign_in_without_placeholders_or_a_sign_up_link(client):
    response = client.get(reverse("account_login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Sign in</h1>' in html
    assert 'autocomplete="current-password"' in html
    assert_service_style(html)


@pytest.mark.django_db
def test_a_sign_in_with_nothing_typed_says_what_to_enter_and_links_to_each_box(client):
    html = client.post(reverse("account_login"), {}).content.decode()
    assert "Enter your email address" in html and "Enter your password" in html
    assert '<a href="#id_login">Enter your email address</a>' in html
    assert 'aria-describedby="id_login_error"' in html
    assert "<title>Error: Sign in" in html
    assert_service_style(html)


@pytest.mark.django_db
def test_a_wrong_password_links_the_problem_to_the_email_box_and_keeps_the_email(client, cast):
    html = client.post(
        reverse("account_login"), {"login": "member@example.org", "password": "not-the-password"}
    ).content.decode()
    assert '<a href="#id_login">' in html
    assert 'value="member@example.org"' in html
    assert_service_style(html)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["account_reset_password", "account_reset_password_done"])
def test_the_password_reset_pages_are_in_the_service_style(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert_service_style(response.content.decode())


@pytest.mark.django_db
def test_an_expired_reset_link_says_so_and_offers_a_new_one(client):
    response = client.get(reverse("account_reset_password_from_key", args=["x", "bad-key"]), follow=True)
    html = response.content.decode()
    assert "This link has expired" in html
    assert reverse("account_reset_password") in html


@pytest.mark.django_db
def test_signed_in_pages_for_sign_out_and_a_new_password(client, cast):
    client.force_login(cast.users["member"])
    html = client.get(reverse("account_logout")).content.decode()
    assert '<h1 class="govuk-heading-l">Sign out</h1>' in html and "Sign Out" not in html
    html = client.get(reverse("account_change_password")).content.decode()
    assert "Change your password" in html
    assert "at least 12 characters" in html  # the rules are a hint, given before anyone breaks one
    assert_service_style(html)
    html = client.post(reverse("account_change_password"), {}).content.decode()
    assert "Enter your current password" in html and "Enter a new password" in html
    assert_service_style(html)


@pytest.mark.django_db
def test_the_header_names_the_person_not_their_email(client, cast):
    client.force_login(cast.users["member"])
    html = client.get(reverse("home")).content.decode()
    assert 'Signed in as <span class="rt-header__name">Ada Member</span>' in html
    assert "Signed in as member@example.org" not in html


@pytest.mark.django_db
def test_a_login_without_a_person_is_shown_by_its_email(client, cast):
    client.force_login(cast.users["clerk"])
    assert 'class="rt-header__name">clerk@example.org<' in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["accessibility", "privacy", "contact"])
def test_the_footer_links_its_pages_and_anyone_can_read_them(client, name):
    home = client.get(reverse("home")).content.decode()
    assert f'class="govuk-footer__link" href="{reverse(name)}"' in home
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.django_db
def test_the_accessibility_statement_follows_the_public_sector_template(client, settings):
    settings.ROUNDTABLE_CONTACT_EMAIL = "access@example.gov.uk"
    html = client.get(reverse("accessibility")).content.decode()
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website’s accessibility",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert f">{heading}</h2>" in html, heading
    assert "Equality Advisory and Support Service (EASS)" in html
    assert "the combined meeting pack" in html and "is for printing" in html
    assert "mailto:access@example.gov.uk" in html
    assert "partially compliant" in html
