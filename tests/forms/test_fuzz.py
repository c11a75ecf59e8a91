"""Boundary values into every field of every form the URL list reaches: empty, too long, NUL, huge, impossible."""

import pytest

from .crawler import QUERY_VALUES, flatten, form_routes, nasty_query, read_page, target, variants

ROUTES = form_routes()


def _why(response):
    info = getattr(response, "exc_info", None)
    return repr(info[1])[:300] if info else ""


def _send(client, method, url, data):
    if method == "post":
        return client.post(url, flatten(data))
    return client.get(url, flatten({k: v for k, v in data.items() if not hasattr(v[0] if v else "", "read")}))


@pytest.mark.parametrize(("route", "role"), ROUTES, ids=[f"{route.id}-{role}" for route, role in ROUTES])
def test_no_input_gives_a_500(client, cast, route, role):
    url = route.url(cast)
    cast.client_for(client, role)
    client.raise_request_exception = False
    page = client.get(url)
    assert page.status_code == 200, f"{role} GET {url}: {page.status_code}"
    failures = []
    for value in QUERY_VALUES:
        response = client.get(url, nasty_query(value))
        if response.status_code >= 500:
            failures.append(f"GET {url} with every query parameter {value!r}: {response.status_code} {_why(response)}")
    if page.streaming or "text/html" not in page.get("Content-Type", ""):
        return  # a file download: its addresses were tried above, and it has no form
    html = page.content.decode()
    for form in read_page(html).forms:
        action = target(url, form)
        if not action or "/logout" in action or not form.controls:
            continue
        for label, data in variants(form):
            response = _send(client, form.method, action, data)
            if response.status_code >= 500:
                failures.append(f"{form.method.upper()} {action} ({label}): {response.status_code} {_why(response)}")
    assert not failures, "\n".join(failures[:20])
