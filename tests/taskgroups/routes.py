"""Every taskgroups URL for the permission matrix (tests/matrix.py explains the presets)."""

from django.urls import reverse

from tests.matrix import ANY_OFFICER, EDIT, READ, SAME_AS_GET, Route

from .factories import (
    AgreedGroupFactory,
    ChallengeFactory,
    GroupReportFactory,
    MilestoneFactory,
    TaskGroupFactory,
    TaskGroupMemberFactory,
)

# A refused write changes nothing; an allowed one redirects.
WRITE_POST = {**EDIT, "officer": 302, "admin": 302}


def _slug(name):
    return lambda c: reverse(f"taskgroups:{name}", args=[c.partnership.slug])


def _challenge(name):
    return lambda c: reverse(f"taskgroups:{name}", args=[ChallengeFactory(partnership=c.partnership).pk])


def _group(name, factory=AgreedGroupFactory):
    return lambda c: reverse(f"taskgroups:{name}", args=[factory(partnership=c.partnership).pk])


def _milestone(name):
    return lambda c: reverse(
        f"taskgroups:{name}",
        args=[MilestoneFactory(group=AgreedGroupFactory(partnership=c.partnership)).pk],
    )


def _member(name):
    return lambda c: reverse(
        f"taskgroups:{name}",
        args=[TaskGroupMemberFactory(group=AgreedGroupFactory(partnership=c.partnership)).pk],
    )


def _report_group(c):
    group = AgreedGroupFactory(partnership=c.partnership)
    GroupReportFactory(group=group)
    return reverse("taskgroups:group_detail", args=[group.pk])


ROUTES = [
    Route("taskgroups:overview", lambda c: reverse("taskgroups:overview"), ANY_OFFICER),
    Route("taskgroups:challenge_list", _slug("challenge_list"), READ),
    Route("taskgroups:challenge_create", _slug("challenge_create"), EDIT),
    Route("taskgroups:challenge_detail", _challenge("challenge_detail"), READ),
    Route("taskgroups:challenge_edit", _challenge("challenge_edit"), EDIT),
    Route("taskgroups:challenge_move", _challenge("challenge_move"), EDIT),
    Route("taskgroups:challenge_history", _challenge("challenge_history"), EDIT),
    Route("taskgroups:group_list", _slug("group_list"), READ),
    Route("taskgroups:group_create", _slug("group_create"), EDIT),
    Route("taskgroups:group_detail", _group("group_detail"), READ),
    Route("taskgroups:group_detail", _report_group, READ, id="group_detail_with_report"),
    Route("taskgroups:group_edit", _group("group_edit"), EDIT),
    Route("taskgroups:group_definition", _group("group_definition", TaskGroupFactory), EDIT),
    Route("taskgroups:group_close", _group("group_close"), EDIT),
    Route("taskgroups:group_history", _group("group_history"), EDIT),
    Route("taskgroups:member_add", _group("member_add"), EDIT),
    Route("taskgroups:milestone_add", _group("milestone_add"), EDIT),
    Route("taskgroups:milestone_edit", _milestone("milestone_edit"), EDIT),
    Route("taskgroups:report_add", _group("report_add"), EDIT),
    # Writes are checked as well as pages.
    Route(
        "taskgroups:group_status",
        _group("group_status"),
        WRITE_POST,
        method="post",
        data={"status": "reporting", "version": "1"},
        id="group_status_post",
    ),
    Route("taskgroups:member_leave", _member("member_leave"), WRITE_POST, method="post", id="member_leave_post"),
    Route(
        "taskgroups:milestone_done", _milestone("milestone_done"), WRITE_POST, method="post", id="milestone_done_post"
    ),
    Route(
        "taskgroups:challenge_create",
        _slug("challenge_create"),
        EDIT,
        method="post",
        data={"title": ""},
        id="challenge_create_post",
    ),
    Route(
        "taskgroups:challenge_move",
        _challenge("challenge_move"),
        WRITE_POST,
        method="post",
        data={
            "stage": "influence",
            "changed_on_day": "1",
            "changed_on_month": "2",
            "changed_on_year": "2023",
            "version": "1",
        },
        id="challenge_move_post",
    ),
    Route(
        "taskgroups:group_close",
        _group("group_close"),
        EDIT,
        method="post",
        data={"outcomes": "", "version": "1"},
        id="group_close_post_without_review",
    ),
]


# The same pages, POSTed with an empty form: writers get the form back with its errors (200), everyone
# else what the GET gets. tests/test_permission_matrix.py fails if a page takes a POST not listed here.
POSTS = {
    "taskgroups:challenge_edit": SAME_AS_GET,
    "taskgroups:group_create": SAME_AS_GET,
    "taskgroups:group_definition": SAME_AS_GET,
    "taskgroups:group_edit": SAME_AS_GET,
    "taskgroups:member_add": SAME_AS_GET,
    "taskgroups:milestone_add": SAME_AS_GET,
    "taskgroups:milestone_edit": SAME_AS_GET,
    "taskgroups:report_add": SAME_AS_GET,
}
