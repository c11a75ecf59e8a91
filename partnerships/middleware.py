"""Rules every request passes through: a second factor for those who change or download records, the
methods each view accepts, and headers that keep signed-in pages out of shared caches and devices."""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse

# Our apps' views: a view of theirs that does not declare its methods is read-only.
OWN_APPS = ("partnerships.", "meetings.", "themes.", "taskgroups.", "reporting.")
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


def declared_methods(view) -> set[str] | None:
    """The methods a view declares with require_http_methods (require_POST, require_GET...), or None."""
    actions = getattr(view, "actions", None)
    if isinstance(actions, dict):
        # A REST framework viewset: the methods routed to an action, within those its class allows.
        allowed = set(getattr(view.cls, "http_method_names", ()))
        return {name.upper() for name in actions if name in allowed}
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return {name.upper() for name in view_class.http_method_names if hasattr(view_class, name)}
    current = view
    while current is not None:
        code = getattr(current, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            return set(current.__closure__[code.co_freevars.index("request_method_list")].cell_contents)
        current = getattr(current, "__wrapped__", None)
    return None


def is_own_view(view) -> bool:
    current = view
    while getattr(current, "__wrapped__", None) is not None:
        current = current.__wrapped__
    return getattr(current, "__module__", "").startswith(OWN_APPS)


def accepted_methods(view) -> set[str]:
    """What the view answers: its declared methods; GET alone for one of ours that declares none."""
    declared = declared_methods(view)
    if declared is not None:
        return declared
    return {"GET"} if is_own_view(view) else {"GET", "POST", "PUT", "PATCH", "DELETE"}


class UndeclaredMethodsAreReadOnlyMiddleware:
    """A page that does not say it takes a POST never gets one: no write can slip past a read-only check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in READ_METHODS or not is_own_view(view_func):
            return None
        if declared_methods(view_func) is None:
            return HttpResponseNotAllowed(sorted(READ_METHODS - {"OPTIONS"}))
        return None


class MfaRequiredMiddleware:
    """Administrators, officers and clerks set up a second factor before they can use anything else.

    Members may set one up too, from their account page; for them it is a choice.
    """

    EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.ROUNDTABLE_REQUIRE_MFA
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(self.EXEMPT_PREFIXES)
        ):
            from .access import get_access

            access = get_access(user)
            if access.needs_second_factor and not access.has_second_factor:
                return redirect(f"{reverse('mfa_index')}?next={request.get_full_path()}")
        return self.get_response(request)


# The old name, for deployments whose settings still list it.
MfaRequiredForAdministratorsMiddleware = MfaRequiredMiddleware


class PrivatePagesMiddleware:
    """Signed-in pages stay out of shared and browser caches; the browser's powerful features stay off."""

    PERMISSIONS_POLICY = (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
        "payment=(), usb=(), interest-cohort=(), publickey-credentials-get=(self), publickey-credentials-create=(self)"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            is_html = response.get("Content-Type", "").startswith("text/html")
            # Files keep what their view chose (a PDF's own caching); pages never outlive the visit.
            if is_html or "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-store"
        return response
