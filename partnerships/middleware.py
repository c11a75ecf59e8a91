from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class MfaRequiredForAdministratorsMiddleware:
    """Administrators set up an authenticator app before they can use anything else."""

    EXEMPT_PREFIXES = ("/accounts/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.ROUNDTABLE_REQUIRE_ADMIN_MFA
            and user is not None
            and user.is_authenticated
            and user.is_superuser
            and not request.path.startswith(self.EXEMPT_PREFIXES)
        ):
            from allauth.mfa.utils import is_mfa_enabled

            if not is_mfa_enabled(user):
                return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")
        return self.get_response(request)
