from django.urls import path

from .views import reports, requests

app_name = "reporting"

urlpatterns = [
    path("reports/", requests.report_index, name="report_index"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/download/", reports.report_download, name="report_download"),
    path("reports/<int:pk>/retry/", reports.report_retry_view, name="report_retry"),
    path("reports/<int:pk>/publish/", reports.report_publish_view, name="report_publish"),
    path("partnerships/<slug:slug>/reports/", requests.partnership_reports, name="partnership_reports"),
    path(
        "partnerships/<slug:slug>/reports/<int:year>/preview/",
        reports.annual_update_preview,
        name="annual_update_preview",
    ),
    path(
        "partnerships/<slug:slug>/reports/<int:year>/narrative/",
        requests.annual_update_narrative,
        name="annual_update_narrative",
    ),
    path("organisations/<slug:slug>/reviews/", requests.organisation_reviews, name="organisation_reviews"),
    path(
        "organisations/<slug:slug>/reviews/<int:year>/preview/",
        reports.council_review_preview,
        name="council_review_preview",
    ),
    path(
        "organisations/<slug:slug>/reviews/<int:year>/narrative/",
        requests.council_review_narrative,
        name="council_review_narrative",
    ),
]
