"""Everything a report says, read from the records: one function per section, a fixed number of queries.

The annual update lives in `annual_update` and follows "The Oxford Strategic Partnership, annual update to
Council, March 2023"; the council review below follows "Cambridge City Council, Annual Review of
Strategic Partnerships 2024".
"""

import datetime as dt

from partnerships.models import (
    Organisation,
)

from .annual_update import AnnualUpdate, Cover, Money, SteeringGroup, SubGroup, annual_update, membership_appendix
from .blocks import (
    SEAT_ORDER,
    SECTOR_PHRASES,
    Author,
    Paragraph,
    Seat,
    _achievement_paragraph,
    _current,
    _during,
    _month,
    _narrative,
    _seat_sort_key,
    author,
    paragraphs,
)
from .update_activity import ThemeActivity, topics
from .update_forward import ForwardPlan, open_challenges, open_task_groups, plan_priorities

__all__ = [
    "SEAT_ORDER",
    "SECTOR_PHRASES",
    "AnnualUpdate",
    "Author",
    "Cover",
    "ForwardPlan",
    "Money",
    "Paragraph",
    "Seat",
    "SteeringGroup",
    "SubGroup",
    "ThemeActivity",
    "annual_update",
    "author",
    "council_review",
    "membership_appendix",
    "open_challenges",
    "open_task_groups",
    "paragraphs",
    "plan_priorities",
    "topics",
    "_achievement_paragraph",
    "_current",
    "_during",
    "_month",
    "_narrative",
    "_seat_sort_key",
]


# Council-wide review ------------------------------------------------------------------------------


def council_review(*, organisation: Organisation, year: int, as_at: dt.date):
    """Everything a council's annual review of its strategic partnerships says (see reporting/review.py)."""
    from .review import council_review as gather_review

    return gather_review(organisation=organisation, year=year, as_at=as_at)
