"""Every hint and error is tied to its control, every error-summary link lands on a control, "(optional)" is said once."""

import re

import pytest
from django.urls import reverse

from .crawler import flatten, form_routes, read_page, target

ROUTES = [(route, role) for route, role in form_routes()]
# Django's and the date field's own words, which say nothing of the field: required_message says what to do.
GENERIC_ERRORS = ["This field is required.", "Enter the date."]


def problems_in(html: str, where: str) -> list[str]:
    page = read_page(html)
    ids = set(page.ids)
    found = []
    for tag, ref in page.described:
        if ref not in ids:
            found.append(f"{where}: {tag} is described by #{ref}, which is not on the page")
    for href in page.summary_links:
        if not href.startswith("#") or href[1:] not in ids:
            found.append(f"{where}: the error summary links to {href!r}, which is not a control on the page")
    for ref in page.label_for:
        if ref not in ids:
            found.append(f"{where}: a label is for #{ref}, which is not on the page")
    text = re.sub(r"\s+", " ", " ".join(page.text))
    if re.search(r"\(optional\)\s*\(optional\)", text):
        found.append(f"{where}: a label says “(optional)” twice")
    for generic in GENERIC_ERRORS:
        if generic in text:
            found.append(f"{where}: an error says only “{generic}”, not what to do")
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    if duplicates:
        found.append(f"{where}: ids used more than once: {sorted(duplicates)[:5]}")
    return found


def _empty(form):
    """An invalid sending: every box empty, nothing ticked, the hidden fields as they were."""
    data = {}
    for control in form.controls:
        if control.kind == "hidden":
            data.setdefault(control.name, []).append(control.value)
        elif control.kind in ("text", "textarea", "number", "date", "select"):
            data[control.name] = [""]
    if form.button:
        data[form.button[0]] = [form.button[1]]
    return data


@pytest.mark.parametrize(("route", "role"), ROUTES, ids=[f"{route.id}-{role}" for route, role in ROUTES])
def test_form_pages_tie_hints_and_errors_to_their_fields(client, cast, route, role):
    url = route.url(cast)
    cast.client_for(client, role)
    page = client.get(url)
    assert page.status_code == 200
    if page.streaming or "text/html" not in page.get("Content-Type", ""):
        return
    html = page.content.decode()
    found = problems_in(html, f"GET {url}")
    for form in read_page(html).forms:
        action = target(url, form)
        if form.method != "post" or not action or "/logout" in action or not form.controls:
            continue
        response = client.post(action, flatten(_empty(form)))
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            found += problems_in(response.content.decode(), f"POST {action} (left empty)")
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("path", ["account_login", "account_reset_password"])
def test_sign_in_pages_tie_hints_and_errors_to_their_fields(client, path, db):
    url = reverse(path)
    page = client.get(url)
    found = problems_in(page.content.decode(), f"GET {url}")
    response = client.post(url, {"login": "", "password": "", "email": ""})
    found += problems_in(response.content.decode(), f"POST {url}")
    assert not found, "\n".join(found)


def test_the_checker_finds_a_dangling_hint_a_dead_summary_link_and_a_doubled_optional():
    html = """
    <div class="govuk-error-summary"><ul><li><a href="#">Choose one</a></li><li><a href="#id_when_day">Enter a date</a></li></ul></div>
    <label for="id_title">Title (optional) (optional)</label>
    <input id="id_title" name="title" aria-describedby="title-hint">
    <input id="id_when_0" name="when_day"><p class="govuk-error-message">This field is required.</p>
    """
    found = problems_in(html, "sample")
    assert any("#title-hint" in problem for problem in found)
    assert any("'#'" in problem for problem in found)
    assert any("#id_when_day" in problem for problem in found)
    assert any("twice" in problem for problem in found)
    assert any("not what to do" in problem for problem in found)
