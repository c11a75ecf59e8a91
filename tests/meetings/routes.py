"""Every meeting URL × every role (tests/matrix.py explains the presets).

The cast's partnership is private; routes marked "public" first publish it, so the public's view is
checked too. Confidential papers and the members' pack must never reach anyone without READ.
"""

import datetime as dt
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.urls import reverse

from meetings.models import Action, CalendarFeed, MeetingPack
from meetings.pack import pack_contents
from meetings.services import agenda_item_add, agenda_publish, minutes_save
from tests.matrix import EDIT, PUBLIC_PAGE, READ, SAME_AS_GET, SIGNED_IN, Route

from .factories import MeetingFactory, add_paper, pdf_bytes

ROLES = list(READ)
ALL = lambda status: dict.fromkeys(ROLES, status)  # noqa: E731
SIGNED_IN_READ = {**READ, "anonymous": 302}
# A POST an officer may make (it redirects back) and nobody else may.
EDIT_POST = {**EDIT, "officer": 302, "admin": 302}
READ_POST = {**READ, "member": 302, "observer": 302, "clerk": 302, "officer": 302, "admin": 302}
# What a member, officer or clerk may read of a public partnership, and what the public may not.
PUBLIC_CONFIDENTIAL = {**READ, "outsider": 404, "unrelated_clerk": 404, "anonymous": 404}
MEMBERS_PACK_OF_PUBLIC_PARTNERSHIP = {**READ, "anonymous": 302, "outsider": 403, "unrelated_clerk": 403}


def _setup(c, *, public=False, future=False):
    from meetings.models import AgendaItem

    if public:
        c.partnership.is_public = True
        c.partnership.save()
    date = dt.date.today() + dt.timedelta(days=30) if future else dt.date(2024, 3, 12)
    meeting = MeetingFactory(partnership=c.partnership, date=date)
    item = agenda_item_add(item=AgendaItem(meeting=meeting, title="Local Plan 2040"))
    public_paper = add_paper(item, "Consultation summary")
    secret = add_paper(item, "Site options", confidential=True)
    agenda_publish(meeting=meeting)
    meeting.refresh_from_db()
    return SimpleNamespace(meeting=meeting, item=item, public_paper=public_paper, secret=secret)


def _pack(c, variant, *, public=False):
    s = _setup(c, public=public)
    pack = MeetingPack(
        meeting=s.meeting,
        variant=variant,
        content_hash=pack_contents(s.meeting, variant).content_hash,
        status=MeetingPack.Status.DONE,
    )
    pack.file.save("pack.pdf", ContentFile(pdf_bytes()), save=False)
    pack.agenda_file.save("agenda.pdf", ContentFile(pdf_bytes()), save=False)
    pack.save()
    return s, pack


def _url(name, *args):
    return lambda c: reverse(f"meetings:{name}", args=[arg(c) if callable(arg) else arg for arg in args])


def _meeting(name, **kwargs):
    return lambda c: reverse(f"meetings:{name}", args=[_setup(c, **kwargs).meeting.pk])


def _item(name):
    return lambda c: reverse(f"meetings:{name}", args=[_setup(c).item.pk])


def _programme_item(name):
    def build(c):
        from meetings.models import ProgrammeItem

        item = ProgrammeItem.objects.create(partnership=c.partnership, year=2023, text="Housing delivery")
        return reverse(f"meetings:{name}", args=[item.pk])

    return build


def _slug(name, *, public=False):
    def build(c):
        if public:
            c.partnership.is_public = True
            c.partnership.save()
        return reverse(f"meetings:{name}", args=[c.partnership.slug])

    return build


def _feed(c):
    feed = CalendarFeed.objects.create(user=c.users["member"], token=CalendarFeed.new_token())
    return reverse("meetings:private_feed", args=[feed.token])


def _action(c):
    s = _setup(c)
    action = Action.objects.create(partnership=c.partnership, raised_at=s.meeting, description="Write to the county")
    return reverse("meetings:action_edit", args=[action.pk])


def _circulated_minutes(c):
    s = _setup(c)
    minutes_save(meeting=s.meeting, minutes={s.item.pk: "Discussed the plan."})
    s.meeting.refresh_from_db()
    s.meeting.minutes_status = s.meeting.MinutesStatus.CIRCULATED
    s.meeting.save()
    return reverse("meetings:minutes", args=[s.meeting.pk])


def _note(c, *, shared=False, public=False):
    from meetings.models import PaperNote

    s = _setup(c, public=public)
    note = PaperNote.objects.create(
        author=c.users["member"], paper=s.secret, version=s.secret.current, quote="Site options", is_shared=shared
    )
    return s, note


# A note is its author's: others who may read the paper see it only when shared, and never change it.
OWN_NOTE = {**dict.fromkeys(ROLES, 404), "anonymous": 302, "member": 200}
SHARED_NOTE = {**OWN_NOTE, "observer": 403, "clerk": 403, "officer": 403, "admin": 403}


def _minutes_at(name, status, *, public=False):
    def build(c):
        s = _setup(c, public=public)
        minutes_save(meeting=s.meeting, minutes={s.item.pk: "Discussed the plan."})
        s.meeting.refresh_from_db()
        s.meeting.minutes_status = status
        s.meeting.save()
        return reverse(f"meetings:{name}", args=[s.meeting.pk])

    return build


# Draft minutes are their officers' until circulated; nobody else is shown them, though the meeting is public.
NOT_CIRCULATED_PUBLIC = {
    **READ,
    "anonymous": 403,
    "outsider": 403,
    "unrelated_clerk": 403,
    "member": 403,
    "observer": 403,
    "clerk": 403,
}


def _minutes_document_routes():
    from meetings.models import Meeting

    routes = []
    for name in ("minutes_document", "minutes_pdf"):
        routes += [
            Route(f"meetings:{name}", _minutes_at(name, Meeting.MinutesStatus.CIRCULATED), READ),
            Route(
                f"meetings:{name}",
                _minutes_at(name, Meeting.MinutesStatus.DRAFT, public=True),
                NOT_CIRCULATED_PUBLIC,
                id=f"{name}_draft_public",
            ),
            Route(
                f"meetings:{name}",
                _minutes_at(name, Meeting.MinutesStatus.CIRCULATED, public=True),
                {**NOT_CIRCULATED_PUBLIC, "member": 200, "observer": 200, "clerk": 200},
                id=f"{name}_circulated_public",
            ),
            Route(
                f"meetings:{name}",
                _minutes_at(name, Meeting.MinutesStatus.APPROVED, public=True),
                PUBLIC_PAGE,
                id=f"{name}_approved_public",
            ),
        ]
    return routes


def _alert(name, *, confirmed=False):
    def build(c):
        from django.utils import timezone

        from meetings.models import AlertSubscription

        c.partnership.is_public = True
        c.partnership.save()
        subscription = AlertSubscription.objects.create(
            partnership=c.partnership,
            email="reader@example.com",
            token=AlertSubscription.new_token(),
            confirmed_at=timezone.now() if confirmed else None,
        )
        return reverse(f"meetings:{name}", args=[subscription.token])

    return build


def _news_routes():
    """The news feed and alerts are for public partnerships only, and need no sign-in: the token is the key."""
    routes = [
        Route("meetings:partnership_atom", _slug("partnership_atom"), ALL(404)),
        Route("meetings:partnership_atom", _slug("partnership_atom", public=True), PUBLIC_PAGE, id="atom_public"),
        Route("meetings:alert_subscribe", _slug("alert_subscribe"), ALL(404)),
        Route("meetings:alert_subscribe", _slug("alert_subscribe", public=True), PUBLIC_PAGE, id="alerts_public"),
        Route(
            "meetings:alert_subscribe",
            _slug("alert_subscribe"),
            ALL(404),
            method="post",
            data={"email": "reader@example.com"},
            id="alerts_private_post",
        ),
        # An empty form is sent back with its error.
        Route(
            "meetings:alert_subscribe",
            _slug("alert_subscribe", public=True),
            ALL(400),
            method="post",
            id="alerts_public_post",
        ),
        Route(
            "meetings:alert_confirm",
            lambda c: reverse("meetings:alert_confirm", args=["not-a-real-token"]),
            ALL(404),
            id="alert_confirm_unknown",
        ),
    ]
    for name in ("alert_confirm", "alert_unsubscribe"):
        routes += [
            Route(f"meetings:{name}", _alert(name), ALL(200)),
            Route(f"meetings:{name}", _alert(name, confirmed=True), ALL(200), method="post", id=f"{name}_post"),
        ]
    return routes


def _attendance_mark(c):
    s = _setup(c)
    return reverse("meetings:attendance_mark", args=[s.meeting.pk, c.membership.pk])


ROUTES = [
    Route("meetings:calendar", _url("calendar"), PUBLIC_PAGE),
    Route("meetings:my_meetings", _url("my_meetings"), SIGNED_IN),
    Route("meetings:feed_reset", _url("feed_reset"), ALL(302), method="post"),
    Route("meetings:feed_revoke", _url("feed_revoke"), ALL(302), method="post"),
    Route("meetings:private_feed", _feed, ALL(200)),
    Route(
        "meetings:private_feed",
        lambda c: reverse("meetings:private_feed", args=["not-a-real-token"]),
        ALL(404),
        id="private_feed_unknown_token",
    ),
    Route("meetings:meeting_list", _slug("meeting_list"), READ),
    Route("meetings:forward_plan", _slug("forward_plan"), READ),
    Route("meetings:forward_plan", _slug("forward_plan", public=True), PUBLIC_PAGE, id="forward_plan_public"),
    Route("meetings:meeting_list", _slug("meeting_list", public=True), PUBLIC_PAGE, id="meeting_list_public"),
    Route("meetings:partnership_feed", _slug("partnership_feed"), ALL(404)),
    Route(
        "meetings:partnership_feed", _slug("partnership_feed", public=True), PUBLIC_PAGE, id="partnership_feed_public"
    ),
    Route("meetings:meeting_create", _slug("meeting_create"), EDIT),
    Route(
        "meetings:meeting_create",
        _slug("meeting_create"),
        {**EDIT, "officer": 200, "admin": 200},
        method="post",
        data={"kind": "regular"},
        id="meeting_create_post",
    ),
    Route("meetings:meeting_schedule", _slug("meeting_schedule"), EDIT),
    Route("meetings:action_list", _slug("action_list"), SIGNED_IN_READ),
    Route("meetings:standing_items", _slug("standing_items"), EDIT),
    Route(
        "meetings:standing_items",
        _slug("standing_items"),
        {**EDIT, "officer": 200, "admin": 200},
        method="post",
        data={"title": ""},
        id="standing_items_post",
    ),
    Route("meetings:programme", _slug("programme"), EDIT),
    Route(
        "meetings:programme",
        _slug("programme"),
        {**EDIT, "officer": 200, "admin": 200},
        method="post",
        data={"text": ""},
        id="programme_post",
    ),
    Route("meetings:programme_item_edit", _programme_item("programme_item_edit"), EDIT),
    Route(
        "meetings:programme_item_edit",
        _programme_item("programme_item_edit"),
        {**EDIT, "officer": 200, "admin": 200},
        method="post",
        data={"text": ""},
        id="programme_item_edit_post",
    ),
    Route("meetings:meeting_detail", _meeting("meeting_detail"), READ),
    Route("meetings:meeting_detail", _meeting("meeting_detail", public=True), PUBLIC_PAGE, id="meeting_detail_public"),
    Route("meetings:meeting_edit", _meeting("meeting_edit"), EDIT),
    Route("meetings:meeting_cancel", _meeting("meeting_cancel"), EDIT),
    Route("meetings:meeting_held", _meeting("meeting_held"), EDIT_POST, method="post"),
    Route("meetings:meeting_history", _meeting("meeting_history"), EDIT),
    Route("meetings:item_add", _meeting("item_add"), EDIT),
    Route("meetings:agenda_order", _meeting("agenda_order"), EDIT_POST, method="post"),
    Route("meetings:agenda_publish", _meeting("agenda_publish"), EDIT_POST, method="post"),
    Route("meetings:agenda_reopen", _meeting("agenda_reopen"), EDIT_POST, method="post"),
    Route("meetings:attendance", _meeting("attendance"), EDIT),
    Route("meetings:attendance_mark", _attendance_mark, EDIT_POST, method="post", data={"status": "present"}),
    Route(
        "meetings:apologies",
        _meeting("apologies", future=True),
        {**READ_POST, "anonymous": 302, "clerk": 403, "officer": 403, "admin": 403},
        method="post",
    ),
    Route("meetings:declarations", _meeting("declarations"), SIGNED_IN_READ),
    Route(
        "meetings:declarations",
        _meeting("declarations"),
        {**SIGNED_IN_READ, "clerk": 403, "officer": 200, "admin": 200},
        method="post",
        data={"nature": ""},
        id="declarations_post",
    ),
    Route("meetings:action_add", _meeting("action_add"), EDIT),
    Route("meetings:action_edit", _action, EDIT),
    Route("meetings:minutes", _circulated_minutes, READ),
    Route(
        "meetings:minutes",
        _meeting("minutes", public=True),
        {
            **READ,
            "anonymous": 403,
            "outsider": 403,
            "unrelated_clerk": 403,
            "member": 403,
            "observer": 403,
            "clerk": 403,
        },
        id="minutes_not_yet_circulated_public",
    ),
    *_minutes_document_routes(),
    *_news_routes(),
    Route("meetings:minutes_circulate", _meeting("minutes_circulate"), EDIT_POST, method="post"),
    Route("meetings:minutes_approve", _meeting("minutes_approve"), EDIT),
    Route(
        "meetings:pack_download",
        lambda c: reverse("meetings:pack_download", args=[_pack(c, "members")[0].meeting.pk, "members"]),
        READ,
    ),
    Route(
        "meetings:pack_download",
        lambda c: reverse("meetings:pack_download", args=[_pack(c, "members", public=True)[0].meeting.pk, "members"]),
        MEMBERS_PACK_OF_PUBLIC_PARTNERSHIP,
        id="members_pack_of_public_partnership",
    ),
    Route(
        "meetings:pack_download",
        lambda c: reverse("meetings:pack_download", args=[_pack(c, "public")[0].meeting.pk, "public"]),
        READ,
        id="public_pack_of_private_partnership",
    ),
    Route(
        "meetings:pack_download",
        lambda c: reverse("meetings:pack_download", args=[_pack(c, "public", public=True)[0].meeting.pk, "public"]),
        PUBLIC_PAGE,
        id="public_pack_of_public_partnership",
    ),
    Route(
        "meetings:pack_agenda_current",
        lambda c: reverse("meetings:pack_agenda_current", args=[_pack(c, "members")[0].meeting.pk, "members"]),
        READ,
    ),
    Route(
        "meetings:pack_read",
        lambda c: reverse("meetings:pack_read", args=[_pack(c, "members", public=True)[0].meeting.pk, "members"]),
        MEMBERS_PACK_OF_PUBLIC_PARTNERSHIP,
    ),
    Route(
        "meetings:pack_read",
        lambda c: reverse("meetings:pack_read", args=[_pack(c, "public", public=True)[0].meeting.pk, "public"]),
        PUBLIC_PAGE,
        id="pack_read_public",
    ),
    Route(
        "meetings:pack_agenda_current",
        lambda c: reverse(
            "meetings:pack_agenda_current", args=[_pack(c, "members", public=True)[0].meeting.pk, "members"]
        ),
        MEMBERS_PACK_OF_PUBLIC_PARTNERSHIP,
        id="members_agenda_of_public_partnership",
    ),
    Route(
        "meetings:pack_agenda_current",
        lambda c: reverse(
            "meetings:pack_agenda_current", args=[_pack(c, "public", public=True)[0].meeting.pk, "public"]
        ),
        PUBLIC_PAGE,
        id="public_agenda_of_public_partnership",
    ),
    Route(
        "meetings:pack_prepare",
        lambda c: reverse("meetings:pack_prepare", args=[_setup(c).meeting.pk, "members"]),
        # Building a pack is for signed-in readers: the public signs in first.
        {**READ_POST, "anonymous": 302},
        method="post",
    ),
    Route(
        "meetings:pack_prepare",
        lambda c: reverse("meetings:pack_prepare", args=[_setup(c, public=True).meeting.pk, "public"]),
        {**dict.fromkeys(READ_POST, 302)},
        method="post",
        id="pack_prepare_public_pack",
    ),
    Route(
        "meetings:pack_prepare",
        lambda c: reverse("meetings:pack_prepare", args=[_setup(c, public=True).meeting.pk, "members"]),
        {**READ_POST, "anonymous": 302, "outsider": 403, "unrelated_clerk": 403},
        method="post",
        id="pack_prepare_members_of_public_partnership",
    ),
    Route("meetings:pack_status", lambda c: reverse("meetings:pack_status", args=[_pack(c, "members")[1].pk]), READ),
    Route(
        "meetings:pack_status",
        lambda c: reverse("meetings:pack_status", args=[_pack(c, "members", public=True)[1].pk]),
        PUBLIC_CONFIDENTIAL,
        id="pack_status_members_of_public_partnership",
    ),
    Route("meetings:pack_agenda", lambda c: reverse("meetings:pack_agenda", args=[_pack(c, "members")[1].pk]), READ),
    Route(
        "meetings:pack_agenda",
        lambda c: reverse("meetings:pack_agenda", args=[_pack(c, "public", public=True)[1].pk]),
        PUBLIC_PAGE,
        id="pack_agenda_public",
    ),
    Route("meetings:item_edit", _item("item_edit"), EDIT),
    Route("meetings:item_move", _item("item_move"), EDIT_POST, method="post", data={"direction": "up"}),
    Route("meetings:item_remove", _item("item_remove"), EDIT_POST, method="post"),
    Route("meetings:paper_add", _item("paper_add"), EDIT),
    Route("meetings:decision_add", _item("decision_add"), EDIT),
    Route(
        "meetings:decision_add",
        _item("decision_add"),
        {**EDIT, "officer": 200, "admin": 200},
        method="post",
        data={"method": "named", "resolution": "Agreed", "vote_1": "for"},
        id="decision_add_post",
    ),
    Route(
        "meetings:paper_download", lambda c: reverse("meetings:paper_download", args=[_setup(c).public_paper.pk]), READ
    ),
    Route(
        "meetings:paper_download",
        lambda c: reverse("meetings:paper_download", args=[_setup(c).secret.pk]),
        READ,
        id="confidential_paper_of_private_partnership",
    ),
    Route(
        "meetings:paper_download",
        lambda c: reverse("meetings:paper_download", args=[_setup(c, public=True).public_paper.pk]),
        PUBLIC_PAGE,
        id="public_paper_of_public_partnership",
    ),
    Route(
        "meetings:paper_download",
        lambda c: reverse("meetings:paper_download", args=[_setup(c, public=True).secret.pk]),
        PUBLIC_CONFIDENTIAL,
        id="confidential_paper_of_public_partnership",
    ),
    Route(
        "meetings:paper_version_download",
        lambda c: reverse("meetings:paper_version_download", args=[_setup(c, public=True).secret.pk, 1]),
        PUBLIC_CONFIDENTIAL,
    ),
    Route(
        "meetings:paper_version_download",
        lambda c: reverse("meetings:paper_version_download", args=[_setup(c, public=True).public_paper.pk, 1]),
        PUBLIC_CONFIDENTIAL,
        id="earlier_versions_are_for_members",
    ),
    Route(
        "meetings:paper_replace",
        lambda c: reverse("meetings:paper_replace", args=[_setup(c).secret.pk]),
        EDIT,
    ),
    Route("meetings:paper_read", lambda c: reverse("meetings:paper_read", args=[_setup(c).secret.pk]), SIGNED_IN_READ),
    Route(
        "meetings:paper_read",
        lambda c: reverse("meetings:paper_read", args=[_setup(c, public=True).public_paper.pk]),
        {**PUBLIC_PAGE, "anonymous": 302},
        id="paper_read_public_paper",
    ),
    Route(
        "meetings:paper_read",
        lambda c: reverse("meetings:paper_read", args=[_setup(c, public=True).secret.pk]),
        {**PUBLIC_CONFIDENTIAL, "anonymous": 302},
        id="paper_read_confidential_of_public_partnership",
    ),
    Route("meetings:note_edit", lambda c: reverse("meetings:note_edit", args=[_note(c)[1].pk]), OWN_NOTE),
    Route(
        "meetings:note_edit",
        lambda c: reverse("meetings:note_edit", args=[_note(c, shared=True, public=True)[1].pk]),
        SHARED_NOTE,
        id="note_edit_shared",
    ),
    Route(
        "meetings:note_delete",
        lambda c: reverse("meetings:note_delete", args=[_note(c, shared=True)[1].pk]),
        {**SHARED_NOTE, "member": 302},
        method="post",
    ),
    Route("meetings:notes_csv", lambda c: reverse("meetings:notes_csv", args=[_note(c)[0].meeting.pk]), SIGNED_IN_READ),
    Route(
        "meetings:notes_markdown",
        lambda c: reverse("meetings:notes_markdown", args=[_note(c, public=True)[0].meeting.pk]),
        {**PUBLIC_PAGE, "anonymous": 302},
    ),
]


# Members read the minutes; only officers write them.
MINUTES_POST = {**READ, "member": 403, "observer": 403, "clerk": 403}
# The same pages, POSTed with an empty form: writers get the form back with its errors (200), everyone
# else what the GET gets. tests/test_permission_matrix.py fails if a page takes a POST not listed here.
POSTS = {
    "meetings:action_add": SAME_AS_GET,
    "meetings:action_edit": SAME_AS_GET,
    "meetings:item_add": SAME_AS_GET,
    "meetings:item_edit": SAME_AS_GET,
    "meetings:meeting_cancel": SAME_AS_GET,
    "meetings:meeting_edit": SAME_AS_GET,
    "meetings:meeting_schedule": SAME_AS_GET,
    "meetings:minutes": MINUTES_POST,
    "meetings:minutes_approve": SAME_AS_GET,
    "meetings:paper_add": SAME_AS_GET,
    "meetings:paper_replace": SAME_AS_GET,
    "meetings:paper_read": SAME_AS_GET,
    "paper_read_public_paper": SAME_AS_GET,
    "paper_read_confidential_of_public_partnership": SAME_AS_GET,
    # An empty note is a highlight alone: saving it returns to the paper.
    "meetings:note_edit": {**OWN_NOTE, "member": 302},
    "note_edit_shared": {**SHARED_NOTE, "member": 302},
    "minutes_not_yet_circulated_public": SAME_AS_GET,
}


# Guests, alternates and supporting officers of the cast's private partnership (tests/conftest.py
# `attendees`): a guest sees the meeting and the papers of the item they are invited to, and no more; an
# alternate reads in full only the meeting where they act for their lead; a supporting officer is a member.
ATTENDEE_ROLES = ["guest", "alternate", "supporting_officer"]


def _attendees(guest, alternate, supporting_officer=200):
    return {"guest": guest, "alternate": alternate, "supporting_officer": supporting_officer}


def _paper(which):
    return lambda a: reverse("meetings:paper_download", args=[getattr(a, which).pk])


ATTENDEE_ROUTES = [
    Route("partnerships:partnership_detail", lambda a: a.partnership.get_absolute_url(), _attendees(404, 404)),
    Route(
        "partnerships:partnership_money",
        lambda a: reverse("partnerships:partnership_money", args=[a.partnership.slug]),
        _attendees(404, 404),
    ),
    Route(
        "meetings:meeting_detail",
        lambda a: a.acting_meeting.get_absolute_url(),
        _attendees(404, 200),
        id="acting_meeting",
    ),
    Route(
        "meetings:meeting_detail",
        lambda a: a.guest_meeting.get_absolute_url(),
        _attendees(200, 404),
        id="guest_meeting",
    ),
    Route(
        "meetings:paper_download", _paper("acting_secret"), _attendees(404, 200), id="acting_meeting_confidential_paper"
    ),
    Route(
        "meetings:paper_download",
        _paper("guest_item_secret"),
        _attendees(200, 404),
        id="invited_item_confidential_paper",
    ),
    Route(
        "meetings:paper_download", _paper("other_item_secret"), _attendees(404, 404), id="other_item_confidential_paper"
    ),
    Route(
        "meetings:pack_download",
        lambda a: reverse("meetings:pack_download", args=[a.acting_meeting.pk, "members"]),
        _attendees(404, 200),
        id="acting_meeting_members_pack",
    ),
    Route(
        "meetings:pack_download",
        lambda a: reverse("meetings:pack_download", args=[a.guest_meeting.pk, "members"]),
        _attendees(403, 404),
        id="guest_meeting_members_pack",
    ),
    Route(
        "meetings:item_edit",
        lambda a: reverse("meetings:item_edit", args=[a.guest_item.pk]),
        _attendees(403, 404, 403),
        id="guest_item_edit",
    ),
]
