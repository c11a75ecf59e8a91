from django.contrib import admin
from django.urls import include, path

from config import health
from partnerships.views import home, pages

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("contact/", pages.contact, name="contact"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("partnerships.urls")),
    path("", include("meetings.urls")),
    path("", include("themes.urls")),
    path("", include("taskgroups.urls")),
    path("", include("reporting.urls")),
    path("api/", include("reporting.api.urls")),
    path("open-data/", include("reporting.opendata.urls")),
    path("search/", include("reporting.search.urls")),
]

handler403 = "partnerships.views.errors.permission_denied"
handler404 = "partnerships.views.errors.page_not_found"
