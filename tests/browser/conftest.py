"""Browser tests: Playwright driving Debian's Chromium against a live server, with axe-core on each page."""

import hashlib
import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import TEST_TOTP_SECRET

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(settings.BASE_DIR, "static/vendor/axe-core/axe.min.js")
PASSWORD = "a-long-test-password"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        # One clear stop, not the same error on every browser test.
        pytest.exit(f"Chromium is not installed at {CHROMIUM}: run `sudo scripts/system_packages.sh`.", returncode=1)
    # Playwright's sync API keeps an event loop on the test thread; the ORM calls made beside it are synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    settings.ALLOWED_HOSTS = ["*"]
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    # A Content-Security-Policy violation or a script error is a failure, not noise.
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.problems = problems
    yield page
    context.close()
    assert not [p for p in problems if "favicon" not in p], f"Browser console errors: {problems}"


def check_accessibility(page) -> None:
    """Run axe-core in the page and fail on any WCAG 2.x A or AA violation."""
    violations = accessibility_violations(page)
    assert not violations, f"Accessibility violations on {page.url}:\n" + "\n".join(violations)


def accessibility_violations(page) -> list[str]:
    """axe-core's WCAG 2.x A and AA violations on the page open now, one line each."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's strict CSP stays as it is.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
        })"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    check_accessibility(page)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        # Officers, clerks and administrators give the code their authenticator app shows now. A code
        # counts once per period, so a journey that signs the same login in twice forgets the last use.
        from django.core.cache import cache

        cache.clear()
        page.get_by_label("Code", exact=True).fill(current_code(TEST_TOTP_SECRET))
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()


def current_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


WIDTH = 320  # WCAG 2.2 reflow: content fits 320 CSS pixels

# What lies outside the page's width and is not inside a scroll box: the cause of sideways scrolling.
OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const outside = [...document.querySelectorAll('body *')].filter((el) => {
    if (el.parentElement.closest('.rt-table-scroll') || el.closest('.govuk-skip-link')) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 1 || box.left < -1);
  });
  const boxes = [...document.querySelectorAll('.rt-table-scroll')].filter((box) =>
    box.getAttribute('role') !== 'region' || box.tabIndex !== 0
    || !box.getAttribute('aria-label') && !box.getAttribute('aria-labelledby'));
  return {
    wider: root.scrollWidth > width,
    outside: outside.slice(0, 4).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    unlabelled: boxes.length,
  };
}"""

# The page's markup without its words: each distinct element as tag, classes and the attributes axe looks at.
SHAPE = """() => {
  const kept = /^(aria-|role$|type$|alt$|for$|tabindex$|scope$|headers$|disabled$|hidden$|lang$|title$|href$|id$)/;
  const shapes = new Set();
  for (const el of document.querySelectorAll('html, body *')) {
    const attrs = [...el.attributes].map((a) => a.name).filter((n) => kept.test(n)).sort().join(',');
    const empty = el.children.length === 0 && !el.textContent.trim() ? '/empty' : '';
    shapes.add(`${el.parentElement ? el.parentElement.tagName : ''}>${el.tagName}.${[...el.classList].sort().join('.')}[${attrs}]${empty}`);
  }
  return [...shapes].sort().join('\\n');
}"""


def overflow_problems(page) -> list[str]:
    """Sideways scrolling, or text cut off at an edge, outside a scroll box; scroll boxes a keyboard cannot reach."""
    found = []
    measured = page.evaluate(OVERFLOW)
    if measured["wider"] or measured["outside"]:
        found.append(f"wider than the screen outside a scroll box: {measured['outside']}")
    if measured["unlabelled"]:
        found.append(f"{measured['unlabelled']} table scroll boxes without role, label or tabindex")
    return found


def page_problems(page, shapes: set) -> list[str]:
    """What is wrong with the page open now: overflow, and axe's violations if no page of its shape was checked."""
    found = overflow_problems(page)
    shape = hashlib.sha256(page.evaluate(SHAPE).encode()).hexdigest()
    if shape not in shapes:
        shapes.add(shape)
        found.extend(accessibility_violations(page))
    return found
