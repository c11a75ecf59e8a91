"""Django's and allauth's authentication backends, keeping each signed-in login in the shared cache.

A signed-in page would otherwise read its login from the database on every visit. The login is kept under
the generation of the logins table, which every save or delete of a login moves on (partnerships/fragments.py):
a password changed, a login switched off or removed is read again on the next visit, and the session
check then signs it out as before.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from .fragments import LOCAL_SECONDS, cached_value

# With the local copy's LOCAL_SECONDS, the most a change made without a save (a bulk update of logins) can go unseen: 300 s.
LOGIN_SECONDS = 300 - LOCAL_SECONDS


class CachedLoginMixin:
    def get_user(self, user_id):
        """The signed-in login, from the cache until any login changes."""
        read = super().get_user
        return cached_value(
            "login", depends=("auth.user",), parts=(str(user_id),), compute=lambda: read(user_id), timeout=LOGIN_SECONDS
        )


class ModelBackend(CachedLoginMixin, DjangoModelBackend):
    """Django's username and password backend."""


class AuthenticationBackend(CachedLoginMixin, AllauthBackend):
    """allauth's email and password backend."""
