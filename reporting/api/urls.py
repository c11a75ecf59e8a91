from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from . import pages, records, views

app_name = "api"

router = SimpleRouter()
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("people", views.PersonViewSet, basename="person")
router.register("partnerships", views.PartnershipViewSet, basename="partnership")
router.register("memberships", views.MembershipViewSet, basename="membership")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("attendance", views.AttendanceViewSet, basename="attendance")
router.register("actions", views.ActionViewSet, basename="action")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("achievements", views.AchievementViewSet, basename="achievement")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("reports", views.ReportViewSet, basename="report")

urlpatterns = [
    path("", pages.documentation, name="documentation"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("tokens/", pages.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", pages.token_revoke, name="token_revoke"),
    path("attendance-records/", records.AttendanceRecordView.as_view(), name="attendance_records"),
    *router.urls,
]
