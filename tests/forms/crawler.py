"""Every form reachable from the URL list, read from the page as a browser would, and the values to send it.

The routes are the permission matrix's (tests/<app>/routes.py), so a new form page is crawled as soon as its URL is listed.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.test_permission_matrix import ROUTES

# Who opens a page for the crawl: the first role in this order that may open it.
ROLE_ORDER = ["officer", "admin", "member", "clerk", "outsider", "anonymous"]


def form_routes():
    """(route, role) for every page a GET can open, as the first role that may open it."""
    chosen = []
    for route in ROUTES:
        if route.method != "get":
            continue
        role = next((r for r in ROLE_ORDER if route.expected.get(r) == 200), None)
        if role is not None:
            chosen.append((route, role))
    return chosen


@dataclass
class Control:
    kind: str  # text, textarea, number, hidden, checkbox, radio, select, multiselect, file, date
    name: str
    value: str = ""
    options: list = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    method: str
    action: str
    controls: list = field(default_factory=list)
    button: tuple | None = None  # the first named submit button, sent as if clicked

    def names(self):
        return list(dict.fromkeys(c.name for c in self.controls))


class _Page(HTMLParser):
    """Forms, ids and the references to ids that a page makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.ids: list[str] = []
        self.described: list[tuple[str, str]] = []  # (tag description, id referred to)
        self.label_for: list[str] = []
        self.summary_links: list[str] = []
        self._form = None
        self._select = None
        self._textarea = None
        self._summary_depth = 0
        self._depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._depth += 1
        self._note_page(tag, attrs)
        if tag == "form":
            self._form = Form(method=(attrs.get("method") or "get").lower(), action=attrs.get("action") or "")
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            self._input(name, attrs)
        elif tag == "button" and name and self._form.button is None and (attrs.get("type") or "submit") == "submit":
            self._form.button = (name, attrs.get("value", ""))
        elif tag == "select" and name:
            self._select = Control(kind="multiselect" if "multiple" in attrs else "select", name=name)
            self._form.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select.options.append(value)
            if "selected" in attrs:
                self._select.value = value
                self._select.checked = True
        elif tag == "textarea" and name:
            self._textarea = Control(kind="textarea", name=name)
            self._form.controls.append(self._textarea)

    def _note_page(self, tag, attrs):
        """Ids, what refers to them, labels and the error summary's links, wherever they are on the page."""
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        for ref in (attrs.get("aria-describedby") or "").split():
            self.described.append((f"<{tag} name={attrs.get('name') or attrs.get('id') or ''}>", ref))
        if tag == "label" and attrs.get("for") is not None:
            self.label_for.append(attrs["for"])
        if "govuk-error-summary" in (attrs.get("class") or "").split():
            self._summary_depth = self._depth
        if self._summary_depth and tag == "a":
            self.summary_links.append(attrs.get("href") or "")

    def _input(self, name, attrs):
        kind = (attrs.get("type") or "text").lower()
        if kind in ("submit", "button", "image", "reset"):
            if self._form.button is None:
                self._form.button = (name, attrs.get("value", ""))
            return
        if kind not in ("hidden", "checkbox", "radio", "file"):
            numeric = kind == "number" or attrs.get("inputmode") == "numeric"
            kind = "number" if numeric else "text"
        if re.search(r"_(day|month|year)$", name):
            kind = "date"
        self._form.controls.append(
            Control(
                kind=kind,
                name=name,
                value=attrs.get("value", "on" if kind in ("checkbox", "radio") else ""),
                checked="checked" in attrs,
            )
        )

    def handle_endtag(self, tag):
        if self._summary_depth and self._depth == self._summary_depth:
            self._summary_depth = 0
        self._depth -= 1
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._depth -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._textarea is not None:
            self._textarea.value += data


def read_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def target(page_url: str, form: Form) -> str:
    action = urljoin(page_url, form.action) if form.action else page_url
    return action if urlsplit(action).netloc in ("", "testserver") else ""


def baseline(form: Form) -> dict:
    """What a browser would send, with empty boxes filled in plausibly so that deeper rules are reached."""
    data: dict[str, list] = {}
    for control in form.controls:
        if control.kind == "file":
            data[control.name] = [SimpleUploadedFile("paper.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")]
            continue
        if control.kind in ("checkbox", "radio"):
            if control.checked:
                data.setdefault(control.name, []).append(control.value)
            continue
        if control.kind == "select":
            chosen = control.value if control.checked else next((o for o in control.options if o), "")
            data[control.name] = [chosen]
            continue
        if control.kind == "multiselect":
            if control.checked:
                data.setdefault(control.name, []).append(control.value)
            continue
        value = control.value
        if not value and control.kind == "date":
            value = {"day": "15", "month": "6", "year": "2025"}[control.name.rsplit("_", 1)[1]]
        elif not value and control.kind == "number":
            value = "1"
        elif not value and control.kind in ("text", "textarea"):
            value = "Checked by the form crawl"
        data.setdefault(control.name, []).append(value)
    for control in form.controls:  # a radio group with nothing chosen takes its first choice
        if control.kind == "radio" and control.name not in data:
            data[control.name] = [control.value]
    if form.button:
        data.setdefault(form.button[0], []).append(form.button[1])
    return data


HUGE = "99999999999999999999"
# The first ALONE values of these kinds are also sent one field at a time, over otherwise sensible values, to reach
# the rules a form checks only once every field is valid, and the services and database behind them.
ALONE = 1
ALONE_KINDS = {"date", "number", "select", "multiselect", "radio"}
BOUNDARIES = {
    "text": ["x" * 20_000, "a\x00b", "", "  ", "<b>bold</b>'\"", HUGE],
    "textarea": ["line\x00break", "x" * 210_000, "", "  "],
    "number": [HUGE, "-1", "", "1e400", "NaN", "0", "1.5", "\x00"],
    "hidden": [HUGE, "\x00", "", "-1", "not-a-number"],
    "select": [HUGE, "garbage", "", "-1", "\x00"],
    "multiselect": [HUGE, "garbage", "\x00"],
    "radio": ["garbage", "", "\x00"],
    "checkbox": ["garbage", "", "\x00"],
    "file": ["garbage", ""],
}
# Impossible and out-of-range dates, as (day, month, year).
DATES = [
    ("31", "12", "9999"),
    ("0", "0", "0"),
    ("30", "2", "2023"),
    ("1", "1", "1"),
    ("", "", "2025"),
    ("x", "y", "z"),
    ("1", "1", HUGE),
    ("\x00", "1", "2025"),
    ("31", "12", "1989"),
]


def _groups(form: Form):
    """Each field once: a date's three boxes together, a radio group together, a formset's fields from its first form."""
    groups = {}
    for control in form.controls:
        if control.name == "csrfmiddlewaretoken" or re.search(r"-[1-9]\d*-", control.name):
            continue
        if control.kind == "date":
            stem = control.name.rsplit("_", 1)[0]
            groups.setdefault(("date", stem), control)
        else:
            groups.setdefault((control.kind, control.name), control)
    return list(groups)


def _apply(data: dict, group, value):
    kind, name = group
    data = dict(data)
    if kind == "date":
        for part, text in zip(("day", "month", "year"), value, strict=True):
            data[f"{name}_{part}"] = [text]
        data.pop(name, None)
    elif kind == "file":
        data[name] = [] if value == "" else [SimpleUploadedFile("bad.pdf", b"not a pdf at all", "application/pdf")]
    elif kind == "multiselect" or kind == "checkbox":
        data[name] = [value] if value != "" else []
    else:
        data[name] = [value]
    return data


def _values(kind):
    return DATES if kind == "date" else BOUNDARIES.get(kind, BOUNDARIES["text"])


def variants(form: Form):
    """The baseline; every field at each boundary at once; then each field alone at each of its boundaries."""
    base = baseline(form)
    groups = _groups(form)
    yield "baseline", base
    widest = max((len(_values(kind)) for kind, _ in groups), default=0)
    for index in range(widest):
        data = base
        for group in groups:
            values = _values(group[0])
            data = _apply(data, group, values[index % len(values)])
        yield f"all fields, boundary {index}", data
    for group in groups:
        if group[0] not in ALONE_KINDS:
            continue  # a text box's own checks do not depend on the other fields: the sendings above cover them
        for value in _values(group[0])[:ALONE]:
            yield f"{group[1]}={value!r:.40}", _apply(base, group, value)


def flatten(data: dict) -> dict:
    """For the test client: single values as themselves, repeated ones as lists."""
    return {name: values[0] if len(values) == 1 else values for name, values in data.items() if values != []}


QUERY_NAMES = [
    "q",
    "person",
    "year",
    "first_date",
    "as_at",
    "page",
    "parent",
    "item",
    "challenge",
    "partnership",
    "kind",
    "stage",
    "status",
    "theme",
    "sort",
    "next",
]
QUERY_VALUES = ["abc\x00", HUGE]
DATE_QUERY_NAMES = {"first_date", "as_at"}


def nasty_query(value: str) -> dict:
    """Every parameter the pages read, at once; dates far beyond any real one."""
    return {name: "9999-12-01" if name in DATE_QUERY_NAMES and value == HUGE else value for name in QUERY_NAMES}
