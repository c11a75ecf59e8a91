"""The permission matrix: every URL, every method it accepts, every role, the status each must get.

Each app lists its routes in tests/<app>/routes.py as ROUTES, and in POSTS the GET pages that also
take a POST. tests/test_permission_matrix.py runs them all and fails if any named URL, or any method
a view accepts, is missing: a new view, or a new way into an old one, cannot go unchecked.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

# Expected statuses for the cast's private partnership (tests/conftest.py), by kind of page.
# 302 is the sign-in redirect; 404 hides what a role may not know exists; 403 says plainly "not allowed".
PUBLIC_PAGE = dict.fromkeys(
    ["anonymous", "outsider", "member", "observer", "clerk", "unrelated_clerk", "officer", "admin"], 200
)
READ = {
    "anonymous": 404,
    "outsider": 404,
    "member": 200,
    "observer": 200,
    "clerk": 200,
    "unrelated_clerk": 404,
    "officer": 200,
    "admin": 200,
}
EDIT = {
    "anonymous": 302,
    "outsider": 404,
    "member": 403,
    "observer": 403,
    "clerk": 403,
    "unrelated_clerk": 404,
    "officer": 200,
    "admin": 200,
}
SIGNED_IN = {
    "anonymous": 302,
    "outsider": 200,
    "member": 200,
    "observer": 200,
    "clerk": 200,
    "unrelated_clerk": 200,
    "officer": 200,
    "admin": 200,
}
ANY_OFFICER = {
    "anonymous": 302,
    "outsider": 200,
    "member": 403,
    "observer": 403,
    "clerk": 403,
    "unrelated_clerk": 403,
    "officer": 200,
    "admin": 200,
}


# In a routes module's POSTS: the POST gets exactly what the GET gets.
SAME_AS_GET = "same as GET"


@dataclass
class Route:
    """One URL: `url` builds it from the cast (and may create the records it needs)."""

    name: str
    url: Callable
    expected: dict
    method: str = "get"
    data: dict = field(default_factory=dict)
    id: str = ""

    def __post_init__(self):
        self.id = self.id or self.name


def expand(routes, posts: dict) -> list[Route]:
    """The routes, and a POST row for each GET route named (by id) in `posts`."""
    rows = list(routes)
    by_id = {route.id: route for route in routes if route.method == "get"}
    unknown = set(posts) - set(by_id)
    assert not unknown, f"POSTS names routes that are not in ROUTES: {sorted(unknown)}"
    for route_id, expected in posts.items():
        route = by_id[route_id]
        rows.append(
            Route(
                route.name,
                route.url,
                route.expected if expected == SAME_AS_GET else expected,
                method="post",
                id=f"{route.id}[POST]",
            )
        )
    return rows


def request(client, route, url):
    if route.method == "get":
        return client.get(url)
    return getattr(client, route.method)(url, route.data)


def check(client, cast, route, role) -> str:
    """Empty if the role gets the expected status from the route, else what went wrong."""
    url = route.url(cast)
    client.logout()
    cast.client_for(client, role)
    response = request(client, route, url)
    expected = route.expected[role]
    if response.status_code != expected:
        return f"{role} {route.method.upper()} {url}: {response.status_code}, expected {expected}"
    if expected == 302 and role == "anonymous" and "/accounts/login/" not in response["Location"]:
        return f"anonymous {route.method.upper()} {url}: redirected to {response['Location']}, not to sign in"
    return ""
