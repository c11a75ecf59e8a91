"""Every page the URL list names, as every role that may open it, 320 px wide: axe-core finds nothing, nothing scrolls sideways.

The pages are the permission matrix's (tests/<app>/routes.py ROUTES, and the guests', alternates' and supporting
officers' rows), so a new page is crawled as soon as its URL is listed. Each role signs in once and keeps its
browser context. WCAG 2.2 success criterion 1.4.10 (Reflow): content reflows to 320 CSS pixels without scrolling
in two directions, except for parts such as data tables, which may scroll inside their own focusable region.
Pages whose markup has the same shape as one axe has already checked (a member's and an observer's view of the
same page, say) are not checked by axe again; every page is measured for overflow.
"""

import re
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import WIDTH, page_problems
from tests.conftest import ROLES
from tests.meetings.routes import ATTENDEE_ROLES, ATTENDEE_ROUTES
from tests.test_permission_matrix import ROUTES

NOT_STATIC = re.compile(r"^(?!.*/static/)")


VIEWER_SETTLED = """() => {
  const viewer = document.querySelector("[data-paper-viewer]");
  const status = viewer.querySelector("[data-viewer-status]");
  return viewer.dataset.ready === "true" || status.textContent.startsWith("The paper could not");
}"""


def _html_only(route):
    """Pages go to the browser as they are; a PDF, CSV or feed only as its status, so no viewer opens for it."""
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch(max_redirects=0)
    if "text/html" in (response.headers.get("content-type") or "") or 300 <= response.status < 400:
        route.fulfill(response=response)
    else:
        route.fulfill(status=response.status, content_type="text/plain", body="")


class Crawl:
    """One browser context per role, signed in once; what each visit found."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.contexts = {}
        self.shapes: set = set()
        self.problems: list[str] = []
        self.visited = 0
        self.page_types: set = set()
        self.error_pages: set = set()
        self.load_time = self.check_time = 0.0

    def sign_in(self, role, user):
        """A context for the role, its session made now: outside any route's records, which are undone."""
        if role not in self.contexts:
            context = self.browser.new_context(
                base_url=self.base_url, locale="en-GB", viewport={"width": WIDTH, "height": 800}
            )
            if user is not None:
                client = Client()
                client.force_login(user)
                cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
                context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.base_url}])
            page = context.new_page()
            page.route(NOT_STATIC, _html_only)
            page.set_default_timeout(15_000)
            page.console_errors = []
            # A Content-Security-Policy violation or a script error is a failure, not noise.
            page.on("pageerror", lambda e, p=page: p.console_errors.append(str(e)))
            page.on(
                "console",
                lambda m, p=page: (
                    p.console_errors.append(m.text)
                    if m.type == "error" and not m.text.startswith("Failed to load resource")
                    else None
                ),
            )
            # Which file failed, which the console does not say; the page itself is checked by its status.
            page.on(
                "response",
                lambda r, p=page: (
                    p.console_errors.append(f"{r.status} for {r.url}")
                    if r.status >= 400 and r.request.resource_type != "document"
                    else None
                ),
            )
            self.contexts[role] = page

    def visit(self, route, url, role):
        expected = route.expected[role]
        if expected != 200:
            # A refusal or the sign-in page: each kind checked once per role.
            if (role, expected) in self.error_pages:
                return
            self.error_pages.add((role, expected))
        page = self.contexts[role]
        where = f"{route.id} as {role} ({url})"
        began = time.monotonic()
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                self.problems.append(f"{where}: {error}")
            return
        self.visited += 1
        status = 302 if response.request.redirected_from else response.status
        if status != expected:
            self.problems.append(f"{where}: {status}, expected {expected}")
        if "text/html" not in (response.headers.get("content-type") or ""):
            return
        self.page_types.add(route.id)
        if page.locator("[data-paper-viewer]").count():
            # The viewer goes on fetching its paper after the page has loaded: it must finish before this
            # route's records are undone, or its last requests fail on the next page visited.
            try:
                page.wait_for_function(VIEWER_SETTLED, timeout=20_000)
            except PlaywrightError:
                self.problems.append(f"{where}: the paper viewer never finished loading")
        loaded = time.monotonic()
        self.load_time += loaded - began
        found = page_problems(page, self.shapes)
        self.check_time += time.monotonic() - loaded
        found += [f"console: {text}" for text in page.console_errors if "favicon" not in text]
        page.console_errors.clear()
        self.problems.extend(f"{where}: {problem}" for problem in found)

    def close(self):
        for page in self.contexts.values():
            page.context.close()


def test_every_page_as_every_role_passes_axe_and_fits_320_px(transactional_db, browser, live_server, attendees):
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        # Each page's records are undone after it; the live server must share this thread's connection.
        pytest.skip("the crawl needs the in-memory SQLite test database")
    start = time.monotonic()
    cast = attendees.cast
    users = {role: cast.users.get(role) for role in ROLES + ATTENDEE_ROLES}
    crawl = Crawl(browser, live_server.url)
    rows = [(route, cast, ROLES) for route in ROUTES if route.method == "get"]
    rows += [(route, attendees, ATTENDEE_ROLES) for route in ATTENDEE_ROUTES]
    for role, user in users.items():
        crawl.sign_in(role, user)
    try:
        for route, subject, roles in rows:
            # Each route builds its own records; undone after, so the next route starts from the cast.
            with transaction.atomic():
                cache.clear()
                url = route.url(subject)
                for role in roles:
                    crawl.visit(route, url, role)
                transaction.set_rollback(True)
    finally:
        crawl.close()
    took = time.monotonic() - start
    print(
        f"\nCrawled {crawl.visited} pages ({len(crawl.page_types)} page types) as {len(crawl.contexts)} roles; "
        f"axe checked {len(crawl.shapes)} page shapes; {took:.0f} s "
        f"({crawl.load_time:.0f} s loading, {crawl.check_time:.0f} s checking)"
    )
    assert not crawl.problems, f"{len(crawl.problems)} problems:\n" + "\n".join(crawl.problems[:60])


def test_the_crawl_finds_a_missing_alt_a_wide_box_and_an_unlabelled_scroll_box(page):
    page.set_viewport_size({"width": WIDTH, "height": 600})
    page.set_content(
        '<html lang="en"><head><title>Sample</title></head><body><main>'
        '<h1>Sample</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p><span style="display:inline-block;width:400px">wide</span></p>'
        '<div class="rt-table-scroll"><table><tr><th>A</th></tr></table></div>'
        "</main></body></html>"
    )
    found = page_problems(page, set())
    assert any("wider than the screen" in problem for problem in found), found
    assert any("scroll boxes without" in problem for problem in found), found
    assert any(problem.startswith("image-alt") for problem in found), found
    # A page of the same shape is not checked by axe twice.
    shapes = set()
    page_problems(page, shapes)
    assert not [p for p in page_problems(page, shapes) if p.startswith("image-alt")]
