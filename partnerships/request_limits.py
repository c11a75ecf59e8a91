"""Limits on what a request may carry: a body too large is refused, NUL characters in the address are dropped."""

from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string


class RequestBodyLimitMiddleware:
    """A 60 MB upload is turned away at once, not after the whole body has arrived and been parsed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_BODY_MAX_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            # The body is never read; the connection is closed so the client stops sending it.
            body = render_to_string(
                "request_too_large.html", {"limit_mb": limit // (1024 * 1024), "sent_mb": length / 1024 / 1024}
            )
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class QueryNulMiddleware:
    """Drop NUL characters from the query string, which PostgreSQL refuses in any text it is given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if "%00" in query_string or "\x00" in query_string:
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
