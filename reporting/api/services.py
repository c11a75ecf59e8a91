"""Issuing and revoking personal API tokens."""

from django.utils import timezone

from .models import ApiToken, hash_key


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token and its key, which is shown once and never stored."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name.strip(), key_hash=hash_key(key), hint=key[:10])
    return token, key


def api_token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def api_token_find(key: str) -> ApiToken | None:
    """The active token with this key, if any; a revoked or unknown key finds nothing."""
    return ApiToken.objects.active().select_related("user").filter(key_hash=hash_key(key)).first()
