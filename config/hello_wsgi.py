"""A hello-world Django application: the baseline `make bench` serves beside Roundtable.

Its own minimal settings (no apps, no middleware, no database), so the figure is the cost of
gunicorn and Django's request handling alone, with nothing of Roundtable in it.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path


def hello(request):
    """The smallest page Django can serve."""
    return HttpResponse("Hello, world.", content_type="text/plain")


urlpatterns = [path("", hello)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="hello-world-baseline-has-no-secrets",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_TZ=True,
    )

application = get_wsgi_application()
