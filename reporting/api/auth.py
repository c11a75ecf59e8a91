"""`Authorization: Bearer <key>` with a personal token: the caller sees what the token's owner sees."""

import datetime as dt

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .services import api_token_find

# Recording every use would write on every read; once an hour is enough to tell a live token from a dead one.
USE_RECORDED_EVERY = dt.timedelta(hours=1)


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the token after 'Bearer', with no spaces in it.")
        try:
            key = header[1].decode()
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed("That token is not valid.") from error
        token = api_token_find(key)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("That token is not valid, or it has been revoked.")
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > USE_RECORDED_EVERY:
            type(token).objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = PersonalTokenAuthentication
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An officer's personal token, made on the API tokens page. Without one you see "
            "what the public pages show.",
        }
