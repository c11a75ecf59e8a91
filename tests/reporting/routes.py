from django.urls import reverse
from django.utils import timezone

from reporting.models import Report
from tests.matrix import EDIT, PUBLIC_PAGE, READ, SAME_AS_GET, SIGNED_IN, Route

from .api_routes import ROUTES as API_ROUTES
from .factories import ReportFactory, council_review

ROLES = ["anonymous", "outsider", "member", "observer", "clerk", "unrelated_clerk", "officer", "admin"]


def _roles(**statuses):
    return {role: statuses[role] for role in ROLES}


# Annual update of the cast's private partnership.
MANAGE = _roles(
    anonymous=302, outsider=404, member=403, observer=403, clerk=200, unrelated_clerk=404, officer=200, admin=200
)
MANAGE_POST = {**MANAGE, **dict.fromkeys(("clerk", "officer", "admin"), 302)}
# Reading a report needs no sign-in: the public reads a public partnership's published ones, and
# learns of no other.
UNPUBLISHED = {**MANAGE, "anonymous": 404}
PUBLISHED = {**UNPUBLISHED, "member": 200, "observer": 200}
# Asking for a public partnership's report: those who only see it are told no.
MANAGE_POST_PUBLIC = {**MANAGE_POST, "outsider": 403, "unrelated_clerk": 403}
PUBLISH_POST = {**MANAGE_POST, "clerk": 403}
NARRATIVE_POST = {**EDIT, "officer": 302, "admin": 302}

# The council review of the cast's council (Riverside City Council): its clerks manage it; the member and
# observer sit for the council, so they read it once published; anyone else with a role is told no.
REVIEW_MANAGE = _roles(
    anonymous=302, outsider=403, member=403, observer=403, clerk=200, unrelated_clerk=403, officer=403, admin=200
)
REVIEW_MANAGE_POST = {**REVIEW_MANAGE, "clerk": 302, "admin": 302}
REVIEW_LIST = {**REVIEW_MANAGE, "member": 200, "observer": 200}
# A review itself is known only to the council's clerks and those who represent it: 404 to anyone else.
REVIEW_OBJECT = {**REVIEW_MANAGE, "anonymous": 404, "outsider": 404, "unrelated_clerk": 404, "officer": 404}
REVIEW_OBJECT_POST = {**REVIEW_MANAGE_POST, "outsider": 404, "unrelated_clerk": 404, "officer": 404}
REVIEW_PUBLISHED = {**REVIEW_LIST, "anonymous": 404, "outsider": 404, "unrelated_clerk": 404, "officer": 404}


def _report(name, **kwargs):
    def build(c):
        report = ReportFactory(partnership=c.partnership, **kwargs)
        return reverse(f"reporting:{name}", args=[report.pk])

    return build


def _publish(c):
    c.partnership.is_public = True
    c.partnership.save()


def _public_report(name, **kwargs):
    def build(c):
        _publish(c)
        return reverse(f"reporting:{name}", args=[ReportFactory(partnership=c.partnership, **kwargs).pk])

    return build


def _public_slug(name):
    def build(c):
        _publish(c)
        return reverse(f"reporting:{name}", args=[c.partnership.slug])

    return build


def _review(name, **kwargs):
    def build(c):
        return reverse(f"reporting:{name}", args=[council_review(c.council, **kwargs).pk])

    return build


def _slug(name, *extra):
    return lambda c: reverse(f"reporting:{name}", args=[c.partnership.slug, *extra])


def _council(name, *extra):
    return lambda c: reverse(f"reporting:{name}", args=[c.council.slug, *extra])


ROUTES = [
    Route("search:search", lambda c: reverse("search:search") + "?q=riverside", PUBLIC_PAGE),
    Route("reporting:report_index", lambda c: reverse("reporting:report_index"), SIGNED_IN),
    Route("reporting:partnership_reports", _slug("partnership_reports"), READ),
    Route(
        "reporting:partnership_reports",
        _public_slug("partnership_reports"),
        PUBLIC_PAGE,
        id="partnership_reports_public",
    ),
    Route(
        "reporting:partnership_reports",
        _public_slug("partnership_reports"),
        MANAGE_POST_PUBLIC,
        method="post",
        data={"year": "2022"},
        id="annual_update_request_public",
    ),
    Route(
        "reporting:partnership_reports",
        _slug("partnership_reports"),
        MANAGE_POST,
        method="post",
        data={"year": "2022"},
        id="annual_update_request",
    ),
    Route("reporting:annual_update_preview", _slug("annual_update_preview", 2022), MANAGE),
    Route("reporting:annual_update_narrative", _slug("annual_update_narrative", 2022), EDIT),
    Route(
        "reporting:annual_update_narrative",
        _slug("annual_update_narrative", 2022),
        NARRATIVE_POST,
        method="post",
        data={"purpose": "To note the annual update"},
        id="annual_update_narrative_post",
    ),
    Route("reporting:report_detail", _report("report_detail"), UNPUBLISHED),
    Route(
        "reporting:report_detail",
        _report("report_detail", published_at=timezone.now()),
        PUBLISHED,
        id="report_detail_published",
    ),
    Route("reporting:report_download", _report("report_download"), UNPUBLISHED),
    Route(
        "reporting:report_download",
        _report("report_download", published_at=timezone.now()),
        PUBLISHED,
        id="report_download_published",
    ),
    Route(
        "reporting:report_detail",
        _public_report("report_detail", published_at=timezone.now()),
        PUBLIC_PAGE,
        id="report_detail_published_public",
    ),
    Route(
        "reporting:report_download",
        _public_report("report_download", published_at=timezone.now()),
        PUBLIC_PAGE,
        id="report_download_published_public",
    ),
    Route(
        "reporting:report_detail", _public_report("report_detail"), UNPUBLISHED, id="report_detail_unpublished_public"
    ),
    Route(
        "reporting:report_download",
        _public_report("report_download"),
        UNPUBLISHED,
        id="report_download_unpublished_public",
    ),
    Route(
        "reporting:report_retry",
        _report("report_retry", status=Report.Status.FAILED, error="The PDF could not be made."),
        MANAGE_POST,
        method="post",
        id="report_retry",
    ),
    Route("reporting:report_publish", _report("report_publish"), PUBLISH_POST, method="post", data={"publish": "1"}),
    Route("reporting:organisation_reviews", _council("organisation_reviews"), REVIEW_LIST),
    Route(
        "reporting:organisation_reviews",
        _council("organisation_reviews"),
        REVIEW_MANAGE_POST,
        method="post",
        data={"year": "2023"},
        id="council_review_request",
    ),
    Route("reporting:council_review_preview", _council("council_review_preview", 2023), REVIEW_MANAGE),
    Route("reporting:council_review_narrative", _council("council_review_narrative", 2023), REVIEW_MANAGE),
    Route("reporting:report_detail", _review("report_detail"), REVIEW_OBJECT, id="review_detail"),
    Route(
        "reporting:report_download",
        _review("report_download", published_at=timezone.now()),
        REVIEW_PUBLISHED,
        id="review_download_published",
    ),
    Route(
        "reporting:report_publish",
        _review("report_publish"),
        REVIEW_OBJECT_POST,
        method="post",
        data={"publish": "1"},
        id="review_publish",
    ),
]
ROUTES += API_ROUTES


# The same pages, POSTed with an empty form: writers get the form back with its errors (200), everyone
# else what the GET gets. tests/test_permission_matrix.py fails if a page takes a POST not listed here.
POSTS = {
    "reporting:council_review_narrative": SAME_AS_GET,
}
