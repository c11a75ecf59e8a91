"""Refuse a request body that is too large from its Content-Length, before any of it is read."""

from django.conf import settings
from django.http import HttpResponse
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
