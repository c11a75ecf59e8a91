"""Filtering a list twice and going Back twice brings back the whole page each time, not the results alone."""

import re

from playwright.sync_api import expect

from partnerships.models import Partnership
from tests.browser.conftest import check_accessibility


def _whole_page(page, heading: str) -> None:
    expect(page.locator("header.rt-header")).to_have_count(1)
    expect(page.locator("header.rt-header")).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("#results")).to_have_count(1)


def test_back_after_two_filters_restores_the_whole_list_page(page, cast):
    Partnership.objects.filter(pk__in=[cast.partnership.pk, cast.other_partnership.pk]).update(is_public=True)
    table = page.locator("#results tbody")

    page.goto("/partnerships/")
    _whole_page(page, "Partnerships")
    expect(table).to_contain_text("Hillside Partnership")

    page.get_by_label("Search by name").fill("Riverside")
    expect(page).to_have_url(re.compile(r"q=Riverside"))
    expect(table).not_to_contain_text("Hillside Partnership")
    page.get_by_label("Search by name").fill("Hillside")
    expect(page).to_have_url(re.compile(r"q=Hillside"))
    expect(table).not_to_contain_text("Riverside Strategic Partnership")

    page.go_back()
    expect(page).to_have_url(re.compile(r"q=Riverside"))
    _whole_page(page, "Partnerships")
    expect(table).to_contain_text("Riverside Strategic Partnership")
    expect(table).not_to_contain_text("Hillside Partnership")
    check_accessibility(page)

    page.go_back()
    expect(page).to_have_url(re.compile(r"/partnerships/$"))
    _whole_page(page, "Partnerships")
    expect(table).to_contain_text("Hillside Partnership")
    check_accessibility(page)
