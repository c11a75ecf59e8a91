"""The permission matrix: every URL, every role, the status each must get.

Each app lists its routes in tests/<app>/routes.py as ROUTES. tests/test_permission_matrix.py runs
them all and fails if any named URL of the project is missing, so a new view without a check fails.
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
