"""Every list whose filters push an address gives the whole page back when the Back button restores it.

htmx keeps no history cache here, so Back asks the server again with HX-Request and
HX-History-Restore-Request: that request must get the page, not the fragment, and every answer says it
varies by HX-Request so no cache mixes the two.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LISTS = {
    "search:search": lambda c: reverse("search:search") + "?q=riverside",
    "partnerships:partnership_list": lambda c: reverse("partnerships:partnership_list") + "?q=river",
    "partnerships:organisation_list": lambda c: reverse("partnerships:organisation_list") + "?q=river",
    "partnerships:person_list": lambda c: reverse("partnerships:person_list") + "?q=ada",
    "partnerships:membership_list": lambda c: reverse("partnerships:membership_list", args=[c.partnership.slug]),
    "themes:reports_due": lambda c: reverse("themes:reports_due"),
    "themes:achievement_list": lambda c: reverse("themes:achievement_list", args=[c.partnership.slug]),
    "taskgroups:challenge_list": lambda c: reverse("taskgroups:challenge_list", args=[c.partnership.slug]),
}
HTMX = {"HTTP_HX_REQUEST": "true"}
RESTORE = {**HTMX, "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}


def _pushing_lists() -> set[str]:
    """The URL names of every element in the templates that pushes its address as it filters."""
    names = set()
    for folder in [Path(settings.BASE_DIR, "templates"), *Path(settings.BASE_DIR).glob("*/templates")]:
        for path in folder.rglob("*.html"):
            for tag in re.findall(r"<[^>]*hx-push-url=\"true\"[^>]*>", path.read_text(encoding="utf-8")):
                names.update(re.findall(r"hx-get=\"\{% url '([^']+)'", tag))
    return names


def _whole_page(html: str) -> bool:
    return "<header" in html and "govuk-service-navigation" in html and "<h1" in html


def test_every_list_that_pushes_its_address_is_checked():
    assert _pushing_lists() == set(LISTS)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_back_restores_the_whole_page_and_answers_vary_by_htmx(client, cast, name):
    client = cast.client_for(client, "admin")
    url = LISTS[name](cast)

    page = client.get(url)
    fragment = client.get(url, **HTMX)
    restored = client.get(url, **RESTORE)

    assert page.status_code == fragment.status_code == restored.status_code == 200
    for response in (page, fragment, restored):
        assert "HX-Request" in response.get("Vary", ""), name
    assert _whole_page(page.content.decode())
    assert not _whole_page(fragment.content.decode()), "htmx filtering swaps the results alone"
    assert _whole_page(restored.content.decode()), "Back must bring the header, navigation and heading back"
