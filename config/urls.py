from django.contrib import admin
from django.urls import include, path

from partnerships.views import home

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", home.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("partnerships.urls")),
    path("", include("meetings.urls")),
    path("", include("themes.urls")),
    path("", include("taskgroups.urls")),
    path("", include("reporting.urls")),
    path("search/", include("reporting.search.urls")),
]

handler403 = "partnerships.views.errors.permission_denied"
handler404 = "partnerships.views.errors.page_not_found"
