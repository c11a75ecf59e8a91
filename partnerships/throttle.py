"""Per-user limits on expensive actions, and a cache that keeps counting when the shared one is down.

Sign-in attempts (allauth's rate limits), report requests and pack builds are counted in the shared
cache, so every web process sees the same counts. When that cache fails the counts carry on in this
process's memory: each process then limits on its own, which is weaker but never lets attempts through
unlimited and never turns a sign-in into an error.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

# Per user: how many, in how many seconds.
# Per login, over ten minutes; the number is ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES.
THROTTLED_ACTIONS = ("report_request", "pack_build", "alert_subscribe")
PERIOD_SECONDS = 600


class FallbackCache:
    """The shared cache, or this process's memory for any call the shared cache cannot answer."""

    def __init__(self, primary=None):
        self._primary = primary
        self.local = LocMemCache("roundtable-throttle", {"OPTIONS": {"MAX_ENTRIES": 10000}})

    @property
    def primary(self):
        return self._primary if self._primary is not None else shared_cache

    def _call(self, name, *args, **kwargs):
        try:
            return getattr(self.primary, name)(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 (any backend failure, whatever the client library raises)
            logger.warning("Shared cache unavailable for rate limits (%s): counting in this process.", error)
            return getattr(self.local, name)(*args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)


counts = FallbackCache()


def install_for_sign_in() -> None:
    """allauth's login, password-reset and code limits count through the fallback cache."""
    from allauth.core.internal import ratelimit

    ratelimit.cache = counts


def allow(*, user, action: str, who: str = "") -> bool:
    """Record one attempt at `action` by the user; False once they are over the limit for now.

    `who` names the one asking where there is no login (an address, a network address), so the public
    are counted each on their own rather than all together.
    """
    if action not in THROTTLED_ACTIONS:
        raise ValueError(f"No limit is set for {action}.")
    limit, period = settings.ROUNDTABLE_EXPENSIVE_ACTIONS_PER_10_MINUTES, PERIOD_SECONDS
    asker = getattr(user, "pk", None) or (f"public:{who}" if who else "anonymous")
    key = f"roundtable:throttle:{action}:{asker}"
    now = time.time()
    history = [stamp for stamp in (counts.get(key) or []) if stamp > now - period]
    if len(history) >= limit:
        return False
    history.append(now)
    counts.set(key, history, period)
    return True
