"""Rendered fragments kept in the shared cache, keyed on who is looking and on every table they draw from.

Each table the register keeps has a generation: a number in the cache moved on by every save or delete
of one of its rows (and by the few bulk updates, which say so through `changed`). A fragment's key holds
the generations of the tables it reads, the access of the login looking (the partnerships it edits and
reads, its person) and anything else it depends on, such as today's date. An edit therefore makes every
fragment that read its table miss, and no login is ever served a fragment made for a different reach.
A fragment holding a form's CSRF token is never kept.

A request reads every generation at its first need, and works with that reading to its end (moving
on what it changes itself). Each change also moves on one epoch, so a request asks the shared cache for
the epoch alone and reads the generations again only when it has moved. Because a key names the
generations its value was made under, a value kept under a key never changes: each process also keeps
the values it has read in its own memory, so a page whose parts are all kept asks the shared cache for
the epoch and nothing more.
"""

import hashlib
import time
from contextvars import ContextVar
from functools import cache as once
from functools import partial

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import quote_etag
from django.utils.safestring import mark_safe

# The apps whose saves move generations on; the login tables matter where a fragment names a user.
WATCHED_APPS = {"partnerships", "meetings", "themes", "taskgroups", "reporting", "auth", "account", "mfa"}
# A bound on staleness from any write that slipped past the signals, and on memory.
TIMEOUT_SECONDS = 60 * 60
PREFIX = "rt:fragment"
# Records kept whole (a partnership's, a meeting's row) go sooner: a bulk update that says nothing is seen within it.
RECORD_SECONDS = 30  # a minute at most, with the local copy's LOCAL_SECONDS
# This process's own copy of kept values: how long each is held at most, and how many.
LOCAL_SECONDS = 30
LOCAL_ENTRIES = 2000
# Moved on after any generation: while it stands still, a process's last reading of them all still holds.
EPOCH_KEY = f"{PREFIX}:epoch"
# Saves here happen on every visit and never change a fragment (the home page's "new since" reads them itself).
IGNORED_MODELS = {"partnerships.homevisit"}


def _label(model) -> str:
    return model._meta.label_lower


# The generations this request has read, by label; None outside a request (a job, a command).
_reading: ContextVar[dict[str, int] | None] = ContextVar("fragment_generations", default=None)
# This process's last reading of every generation, with the epoch it was read under.
_last_reading: tuple[int, dict[str, int]] | None = None


class GenerationsMiddleware:
    """Read the generations once a request, at the first fragment, login or record that needs them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reading.set({})
        try:
            return self.get_response(request)
        finally:
            _reading.reset(token)


def changed(*models) -> None:
    """Move on the generations of these models (classes or "app.model" labels), after a bulk update.

    The model's app moves on too: a fragment drawn from a whole app reads one generation, not one a table.
    """
    reading = _reading.get()
    for model in models:
        label = model if isinstance(model, str) else _label(model)
        for name in (label, label.split(".")[0]):
            value = _move_on(f"{PREFIX}:gen:{name}")
            if reading:  # an unread request reads the new value with all the others
                reading[name] = value
    # Last, so a process that sees the new epoch reads every generation moved on before it.
    _move_on(EPOCH_KEY)


def _move_on(key: str) -> int:
    try:
        return cache.incr(key)
    except ValueError:
        # A new start that no evicted generation can have had: an old fragment never matches again.
        value = time.time_ns()
        cache.set(key, value, None)
        return value


def changed_everything() -> None:
    """Move on every watched table's generation, after loading data with bulk writes (the demonstration)."""
    changed(*(model for label in sorted(WATCHED_APPS) for model in apps.get_app_config(label).get_models()))


@once
def _every_label() -> tuple[str, ...]:
    """Every generation there is: each watched table's and each watched app's."""
    models = [model for label in sorted(WATCHED_APPS) for model in apps.get_app_config(label).get_models()]
    return tuple(sorted(({_label(model) for model in models} | WATCHED_APPS) - IGNORED_MODELS))


def generations(labels) -> dict[str, int]:
    """The current generation of each table label, as this request first read it."""
    if not labels:
        return {}
    reading = _reading.get()
    if reading is None:
        return _read_generations(labels)
    if not reading:
        reading.update(_read_every_generation())
    unread = [label for label in labels if label not in reading]
    if unread:
        reading.update(_read_generations(unread))
    return {label: reading[label] for label in labels}


def _read_every_generation() -> dict[str, int]:
    """Every generation, read again only when one has moved on since this process last read them all.

    The epoch is read first and moved on last, so a reading kept under an epoch is never older than it.
    """
    global _last_reading
    epoch = cache.get(EPOCH_KEY)
    last = _last_reading
    if epoch is not None and last is not None and last[0] == epoch:
        return dict(last[1])
    if epoch is None:
        cache.add(EPOCH_KEY, time.time_ns(), None)  # the next request keeps what this one reads
    every = _read_generations(_every_label())
    _last_reading = None if epoch is None else (epoch, every)
    return dict(every)


def _read_generations(labels) -> dict[str, int]:
    """The generations the cache holds now, starting any it has lost."""
    keys = {f"{PREFIX}:gen:{label}": label for label in labels}
    found = cache.get_many(list(keys))
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
        found.update(missing)
    return {keys[key]: value for key, value in found.items()}


def access_key(access) -> tuple:
    """Everything about a login's access that changes what it may see."""
    return (
        access.is_authenticated,
        access.is_admin,
        tuple(sorted(access.officer_ids)),
        tuple(sorted(access.member_ids)),
        tuple(sorted(access.clerk_ids)),
        tuple(sorted(access.clerk_organisation_ids)),
        tuple(sorted(access.attendee_ids)),
        access.person_id,
    )


def record_state(instance) -> tuple:
    """Every stored value of a record already loaded, so a change made by a bulk update still makes a new key."""
    return (_label(type(instance)), *(getattr(instance, f.attname, None) for f in instance._meta.concrete_fields))


def cached_value(name: str, *, depends, parts, compute, timeout: int = TIMEOUT_SECONDS):
    """A picklable value kept like a fragment: under the generations of the tables it was worked out from."""
    gens = generations(labels_of(depends))
    material = repr((name, sorted(gens.items()), tuple(parts)))
    key = f"{PREFIX}:{name}:{hashlib.sha256(material.encode()).hexdigest()[:40]}"
    value = _kept(key, timeout)
    if value is None:
        value = compute()
        if value is not None:
            _keep(key, value, timeout)
    return value


def cached_record(name: str, queryset, *, depends, **lookup):
    """The one record `lookup` finds, kept like a fragment under the generations of the tables it reads; or None.

    Each call gives a copy of its own, so a page that changes the record it was given changes nothing kept.
    """
    return cached_value(
        name,
        depends=depends,
        parts=tuple(sorted(lookup.items())),
        compute=lambda: queryset.filter(**lookup).first(),
        timeout=RECORD_SECONDS,
    )


def record_or_404(name: str, queryset, *, depends, to_change: bool, **lookup):
    """The record a page is about: kept (see cached_record) to read, read afresh for its version to change."""
    record = (
        queryset.filter(**lookup).first() if to_change else cached_record(name, queryset, depends=depends, **lookup)
    )
    if record is None:
        raise Http404(f"No {queryset.model._meta.verbose_name} found.")
    return record


def labels_of(depends) -> list[str]:
    """Generation labels for models, "app.model" labels or whole apps ("themes", which moves with any of its tables)."""
    labels = set()
    for item in depends:
        if isinstance(item, str) and "." not in item:
            apps.get_app_config(item)  # a mistyped app fails here, not by never moving on
            labels.add(item)
        else:
            labels.add(item if isinstance(item, str) else _label(item))
    return sorted(labels - IGNORED_MODELS)


def fragment_key(name: str, *, access, depends, parts=()) -> str:
    """The cache key of one fragment as this login sees it, with the data it reads as it stands now."""
    gens = generations(labels_of(depends))
    material = repr((name, access_key(access), sorted(gens.items()), tuple(parts)))
    return f"{PREFIX}:{name}:{hashlib.sha256(material.encode()).hexdigest()[:40]}"


def cached_html(key: str, render) -> str:
    """The fragment under `key`, rendered by `render()` and kept when it is missing."""
    html = _kept(key, TIMEOUT_SECONDS)
    if html is None:
        html = str(render())
        if "csrfmiddlewaretoken" not in html:
            _keep(key, html, TIMEOUT_SECONDS)
    return mark_safe(html)


@once
def _local_copy() -> LocMemCache | None:
    """This process's copy of kept values, or None where the shared cache is this process's memory already."""
    if isinstance(caches["default"], LocMemCache):
        return None
    return LocMemCache("roundtable-fragments", {"TIMEOUT": LOCAL_SECONDS, "OPTIONS": {"MAX_ENTRIES": LOCAL_ENTRIES}})


def forget_local_copy() -> None:
    """Empty this process's copy, with the shared cache (the tests, after rolling the database back)."""
    global _last_reading
    _last_reading = None
    local = _local_copy()
    if local is not None:
        local.clear()


def _kept(key: str, timeout: int):
    """The value kept under `key`, from this process's copy or else the shared cache; or None."""
    local = _local_copy()
    value = None if local is None else local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None and local is not None:
            local.set(key, value, min(timeout, LOCAL_SECONDS))
    return value


def _keep(key: str, value, timeout: int) -> None:
    cache.set(key, value, timeout)
    local = _local_copy()
    if local is not None:
        local.set(key, value, min(timeout, LOCAL_SECONDS))


def lazy_context(compute, names) -> dict:
    """Context values worked out by `compute()` (a dict) only when a template first reads one: on a miss.

    A name `compute()` leaves out reads as None.
    """
    memo = {}

    def value(name):
        if not memo:
            memo.update(compute(), _computed=True)
        return memo.get(name)

    return {name: SimpleLazyObject(partial(value, name)) for name in names}


def conditional(request, key: str, build, *, public_only: bool = True):
    """Answer 304 Not Modified when the browser already holds the page made under `key`, else build it.

    The tag also covers the visitor's CSRF cookie, so a kept copy always carries a token that still works;
    a page with a message waiting is always sent whole. Signed-in pages are left alone unless asked.
    """
    if public_only and request.user.is_authenticated:
        return build()
    # A fragment for htmx and the whole page (also what Back restores) are different bodies with different tags.
    htmx = getattr(request, "htmx", None)
    body = "fragment" if htmx and not htmx.history_restore_request else "page"
    material = f"{key}:{body}:{request.COOKIES.get(settings.CSRF_COOKIE_NAME, '')}"
    etag = quote_etag(hashlib.sha256(material.encode()).hexdigest()[:32])
    waiting = bool(getattr(getattr(request, "_messages", None), "_loaded_messages", None))
    if request.method in ("GET", "HEAD") and not waiting:
        unchanged = get_conditional_response(request, etag=etag)
        if unchanged is not None:
            patch_vary_headers(unchanged, ["Cookie"])
            return unchanged
    response = build()
    if response.status_code == 200 and not response.has_header("ETag"):
        response["ETag"] = etag
        patch_vary_headers(response, ["Cookie"])
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-cache"
    return response


def _moved(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in WATCHED_APPS and meta.label_lower not in IGNORED_MODELS:
        changed(meta.label_lower)
        # Again once the transaction commits, so a fragment drawn from the data before it is not kept.
        transaction.on_commit(partial(changed, meta.label_lower))


def _m2m_moved(sender, instance, action, model, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        _moved(sender)
        _moved(type(instance))
        _moved(model)


def connect() -> None:
    """Listen for every save and delete; called once from the app's ready()."""
    post_save.connect(_moved, dispatch_uid="fragments-save")
    post_delete.connect(_moved, dispatch_uid="fragments-delete")
    m2m_changed.connect(_m2m_moved, dispatch_uid="fragments-m2m")
