"""Operations across meeting records, one module a feature, gathered here as the app's service API."""

from .agenda import (
    agenda_item_add,
    agenda_item_remove,
    agenda_item_save,
    agenda_move,
    agenda_publish,
    agenda_renumber,
    agenda_reopen,
    agenda_reorder,
)
from .attendance import (
    alternates_by_lead,
    apologies_send,
    apologies_withdraw,
    attendance_mark,
    declaration_add,
    meeting_seats,
)
from .decisions import decision_record, present_at, rule_for
from .errors import MeetingRuleBroken
from .feeds import calendar_feed_reset, calendar_feed_revoke
from .meetings import (
    DEFAULT_STANDING_ITEMS,
    MONTHS_BETWEEN,
    meeting_cancel,
    meeting_create,
    meeting_mark_held,
    meeting_save,
    meeting_schedule_year,
    schedule_dates,
    standing_item_add,
    standing_item_remove,
    standing_items,
)
from .minutes import action_save, minutes_approve, minutes_awaiting_approval, minutes_circulate, minutes_save
from .notices import member_emails, members_notify
from .packs import pack_build, pack_current, pack_request
from .papers import paper_add, paper_replace

__all__ = [
    "DEFAULT_STANDING_ITEMS",
    "MONTHS_BETWEEN",
    "MeetingRuleBroken",
    "action_save",
    "agenda_item_add",
    "agenda_item_remove",
    "agenda_item_save",
    "agenda_move",
    "agenda_publish",
    "agenda_renumber",
    "agenda_reopen",
    "agenda_reorder",
    "alternates_by_lead",
    "apologies_send",
    "apologies_withdraw",
    "attendance_mark",
    "calendar_feed_reset",
    "calendar_feed_revoke",
    "decision_record",
    "declaration_add",
    "meeting_cancel",
    "meeting_create",
    "meeting_mark_held",
    "meeting_save",
    "meeting_schedule_year",
    "meeting_seats",
    "member_emails",
    "members_notify",
    "minutes_approve",
    "minutes_awaiting_approval",
    "minutes_circulate",
    "minutes_save",
    "pack_build",
    "pack_current",
    "pack_request",
    "paper_add",
    "paper_replace",
    "present_at",
    "rule_for",
    "schedule_dates",
    "standing_item_add",
    "standing_item_remove",
    "standing_items",
]
