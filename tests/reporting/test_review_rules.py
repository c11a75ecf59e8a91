"""The council review's rules: which decision sheets it attaches, host funding, recommendations by addressee."""

import datetime as dt
from decimal import Decimal

import pytest

from meetings.models import Decision, Meeting, Paper
from partnerships.models import Budget, Participation
from reporting import gather
from reporting.models import Kind, Narrative
from reporting.review import recommendation_groups
from tests.factories import BudgetFactory, ContributionFactory, CouncilFactory, PartnershipFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return CouncilFactory(name="Riverside City Council")


@pytest.fixture
def board(council):
    board = PartnershipFactory(name="Riverside Combined Authority Board", short_name="RCAB")
    Participation.objects.create(partnership=board, organisation=council, kind=Participation.Kind.MEMBER_ORGANISATION)
    return board


def decision_sheet(board, date, *, confidential=False):
    meeting = MeetingFactory(partnership=board, date=date)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    item = AgendaItemFactory(meeting=meeting, title="Decision Sheet")
    Paper.objects.create(item=item, title="Decision Sheet", is_confidential=confidential)
    return meeting


def appendices(council, year, as_at):
    return [
        (a.letter, a.date)
        for a in gather.council_review(organisation=council, year=year, as_at=as_at).decision_appendices
    ]


def test_decision_sheets_are_chosen_by_meeting_date_up_to_the_report_date(council, board):
    decision_sheet(board, dt.date(2024, 3, 20))
    decision_sheet(board, dt.date(2024, 6, 5))
    decision_sheet(board, dt.date(2024, 9, 18))
    assert appendices(council, 2023, dt.date(2024, 3, 31)) == [("A", dt.date(2024, 3, 20))]
    assert appendices(council, 2023, dt.date(2024, 7, 1)) == [("A", dt.date(2024, 3, 20)), ("B", dt.date(2024, 6, 5))]


def test_next_years_review_starts_after_last_years_went_to_committee(council, board):
    decision_sheet(board, dt.date(2024, 6, 5))
    decision_sheet(board, dt.date(2024, 9, 18))
    Narrative.objects.create(kind=Kind.COUNCIL_REVIEW, organisation=council, year=2023, report_date=dt.date(2024, 7, 1))
    assert appendices(council, 2024, dt.date(2025, 3, 31)) == [("A", dt.date(2024, 9, 18))]


def test_a_confidential_paper_a_cancelled_meeting_and_the_councils_own_meetings_are_not_attached(council, board):
    decision_sheet(board, dt.date(2024, 1, 10), confidential=True)
    cancelled = decision_sheet(board, dt.date(2024, 2, 14))
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED, cancelled_reason="Not quorate")
    own = PartnershipFactory(name="Riverside Safety Partnership", host_organisation=council)
    decision_sheet(own, dt.date(2024, 3, 1))
    assert appendices(council, 2023, dt.date(2024, 3, 31)) == []


def test_decisions_recorded_at_another_bodys_meeting_make_an_appendix_with_them(council, board):
    meeting = MeetingFactory(partnership=board, date=dt.date(2023, 10, 16))
    item = AgendaItemFactory(meeting=meeting, title="Shared plan")
    Decision.objects.create(item=item, resolution="To approve the shared plan.")
    review = gather.council_review(organisation=council, year=2023, as_at=dt.date(2024, 3, 31))
    (appendix,) = review.decision_appendices
    assert [d.text for d in appendix.decisions] == ["To approve the shared plan."]
    (item_in_review,) = review.partnerships
    assert item_in_review.paragraphs[-1].text == (
        "The Riverside Combined Authority Board met on 16 October 2023. The decision sheet from that meeting is "
        "attached as Appendix A."
    )


def test_a_budget_the_host_council_funds_is_its_contribution(council):
    hosted = PartnershipFactory(name="Riverside Strategic Partnership", host_organisation=council)
    BudgetFactory(
        partnership=hosted, year=2022, amount=Decimal("14000"), funded_by=council, notes="Funded by the council"
    )
    BudgetFactory(partnership=hosted, year=2021, amount=Decimal("9000"), funded_by=council)
    other = PartnershipFactory(name="Riverside Growth Board")
    BudgetFactory(partnership=other, year=2022, amount=Decimal("50000"))
    review = gather.council_review(organisation=council, year=2022, as_at=dt.date(2023, 3, 31))
    assert [(c.partnership.name, c.amount, c.purpose) for c in review.contributions] == [
        ("Riverside Strategic Partnership", Decimal("14000"), "Funded by the council")
    ]
    assert review.contributions_total == Decimal("14000")


def test_a_funded_budget_is_not_counted_twice_beside_a_contribution(council):
    hosted = PartnershipFactory(name="Riverside Strategic Partnership", host_organisation=council)
    BudgetFactory(partnership=hosted, year=2022, amount=Decimal("14000"), funded_by=council)
    ContributionFactory(partnership=hosted, organisation=council, year=2022, amount=Decimal("14000"))
    review = gather.council_review(organisation=council, year=2022, as_at=dt.date(2023, 3, 31))
    assert review.contributions_total == Decimal("14000")
    assert Budget.objects.count() == 1


def test_recommendations_are_grouped_by_addressee_with_their_paragraphs():
    ranges = {"cpca": ("3.3", "3.11"), "innovate cambridge": ("3.30", "3.36"), "csp": ("3.47", "3.47")}
    groups = recommendation_groups(
        "That the Leader:\nNote the growth partnerships, as detailed in [paragraphs: CPCA to Innovate Cambridge].\n"
        "That the Executive Councillor:\nWork with the CSP ([paragraphs: CSP]).\nAsk about [paragraphs: Nowhere].",
        ranges,
        fallback="unused",
    )
    assert [(g.addressee, g.items) for g in groups] == [
        ("That the Leader:", ["Note the growth partnerships, as detailed in paragraphs 3.3 – 3.36."]),
        ("That the Executive Councillor:", ["Work with the CSP (paragraph 3.47).", "Ask about [paragraphs: Nowhere]."]),
    ]
    assert recommendation_groups("", ranges, fallback="See [paragraphs: CSP].")[0].items == ["See paragraph 3.47."]
