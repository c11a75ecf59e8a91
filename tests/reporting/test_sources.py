"""The sections drawn from the themes, task-and-finish and meetings registers hold what those records say."""

import datetime as dt
from decimal import Decimal

from meetings.models import AgendaItem, Decision, Meeting
from reporting import gather
from reporting.models import Kind
from reporting.services import report_pdf
from taskgroups.models import Challenge, TaskGroup
from tests.factories import ContributionFactory, MembershipFactory, OrganisationFactory, PartnershipFactory
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
from tests.taskgroups.factories import AgreedGroupFactory, ChallengeFactory
from tests.themes.factories import (
    AchievementFactory,
    FigureFactory,
    PlanFactory,
    PriorityFactory,
    ThemeFactory,
    ThemeReportFactory,
)

from .conftest import flat, pdf_text

AS_AT = dt.date(2023, 3, 31)


def test_achievements_by_theme_with_their_figures_and_theme_reports(db):
    osp = PartnershipFactory(short_name="OSP")
    egsb = PartnershipFactory(name="Economic Growth Steering Board", parent=osp)
    theme = ThemeFactory(partnership=osp, title="Economic Growth and Inclusive Economy", lead_group=egsb)
    kickstart = AchievementFactory(
        partnership=osp,
        theme=theme,
        title="Kickstart scheme completed",
        description="Oxford City secured authorised placements and new jobs.",
        achieved_on=dt.date(2023, 2, 6),
    )
    FigureFactory(achievement=kickstart, value=Decimal("137"), unit="placements", order=1)
    FigureFactory(achievement=kickstart, value=Decimal("71"), unit="young people", counts="in new jobs", order=2)
    FigureFactory(
        achievement=kickstart,
        value=Decimal("350000"),
        unit="£",
        qualifier="over",
        counts="in government funding",
        order=3,
    )
    AchievementFactory(partnership=osp, theme=theme, title="Last year's work", achieved_on=dt.date(2022, 3, 1))
    AchievementFactory(partnership=egsb, title="A sub-group's own result", achieved_on=dt.date(2022, 9, 1))
    ThemeReportFactory(
        theme=theme,
        year=2022,
        half=1,
        status="submitted",
        submitted_at="2022-10-20T10:00Z",
        progress="Delivery partners meet quarterly to review the dashboard.\n\nKickstart scheme completed.",
    )
    ThemeReportFactory(
        theme=theme,
        year=2022,
        half=2,
        status="submitted",
        submitted_at="2023-04-01T10:00Z",
        progress="Came in after the report date.",
    )

    text = flat(pdf_text(report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=osp, year=2022, as_at=AS_AT)))
    section = text[text.index("Activity and achievements") : text.index("Other OSP activities")]
    assert f"Economic Growth and Inclusive Economy Led by the {egsb.label}." in section
    assert "Kickstart scheme completed. Oxford City secured authorised placements and new jobs." in section
    for figure in ["137 placements", "71 young people in new jobs", "over £350,000 in government funding"]:
        assert figure in section
    # The sub-group's result is told as the sub-group's, beside the partnership's own.
    assert f"{egsb.short_name}: A sub-group's own result" in section
    # What the theme reports add is told once: a line repeating an achievement is left out.
    current = section[section.index("Current activity and future priorities") :]
    assert "Delivery partners meet quarterly to review the dashboard." in current
    assert section.count("Kickstart scheme completed") == 1
    assert "Last year's work" not in section and "Came in after the report date" not in section


def test_forward_planning_lists_the_plans_priorities_open_challenges_and_groups(db):
    osp = PartnershipFactory(short_name="OSP")
    plan = PlanFactory(partnership=osp, title="OSP plan", start_year=2023, adopted_on=dt.date(2022, 11, 24))
    for title in ["Corporate Strategy development", "Local Plan 2040", "Housing delivery"]:
        PriorityFactory(plan=plan, title=title)
    challenge = ChallengeFactory(partnership=osp, title="Retrofit at scale", stage=Challenge.Stage.ACTION)
    ChallengeFactory(partnership=osp, title="Closed long ago", stage=Challenge.Stage.CLOSED)
    AgreedGroupFactory(
        partnership=osp,
        challenge=challenge,
        name="Future Fit One Stop Shop",
        lead_organisation=OrganisationFactory(name="Lucy Group"),
    )
    plan_title, current, priorities = gather.plan_priorities(partnership=osp, as_at=AS_AT, year=2022)
    assert priorities == ["Corporate Strategy development", "Local Plan 2040", "Housing delivery"]
    assert plan_title == "OSP plan (2023 to 2026)" and current
    text = flat(pdf_text(report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=osp, year=2022, as_at=AS_AT)))
    section = text[text.index("Forward Planning") : text.index("Financial implications")]
    assert (
        "sets these priorities for 2023/24: Corporate Strategy development Local Plan 2040 Housing delivery" in section
    )
    assert "Retrofit at scale: partners are taking action" in section and "Closed long ago" not in section
    assert "Actions prompted" not in text and "actions prompted" not in text
    assert "Future Fit One Stop Shop, led by Lucy Group, to finish by 31 December 2023" in section
    assert TaskGroup.objects.count() == 1


def test_other_topics_come_from_the_years_agendas_as_a_table(db):
    osp = PartnershipFactory(short_name="OSP")
    held = MeetingFactory(partnership=osp, date=dt.date(2022, 6, 14))
    for title in ["Oxford Local Plan 2040", "Cost of Living Crisis", "Homes for Ukraine Scheme and local response"]:
        AgendaItemFactory(meeting=held, title=title)
    AgendaItemFactory(meeting=held, title="Apologies", kind=AgendaItem.Kind.APOLOGIES)
    cancelled = MeetingFactory(partnership=osp, date=dt.date(2022, 9, 14))
    AgendaItemFactory(meeting=cancelled, title="Never discussed")
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED, cancelled_reason="Not quorate")
    AgendaItemFactory(meeting=MeetingFactory(partnership=osp, date=dt.date(2021, 6, 1)), title="Last year")
    assert gather.topics(partnership=osp, year=2022) == [
        "Oxford Local Plan 2040",
        "Cost of Living Crisis",
        "Homes for Ukraine Scheme and local response",
    ]
    text = flat(pdf_text(report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=osp, year=2022, as_at=AS_AT)))
    assert "Topics on the year's agendas Oxford Local Plan 2040 Cost of Living Crisis Homes for Ukraine" in text


def test_the_council_review_lists_achievements_and_decisions_in_an_appendix(db):
    council = OrganisationFactory(name="Cambridge City Council", is_council=True)
    board = PartnershipFactory(name="Combined Authority Board", short_name="CPCA")
    MembershipFactory(partnership=board, organisation=council, person__first_name="Anna", person__last_name="Smith")
    ContributionFactory(partnership=board, organisation=council, year=2023, amount=Decimal("10000"))
    AchievementFactory(partnership=board, title="Five bus routes serving Cambridge", achieved_on=dt.date(2023, 9, 1))
    item = AgendaItemFactory(meeting=MeetingFactory(partnership=board, date=dt.date(2024, 3, 20)), title="Budget")
    Decision.objects.create(item=item, resolution="Approve the Mayoral precept.")
    text = flat(
        pdf_text(report_pdf(kind=Kind.COUNCIL_REVIEW, organisation=council, year=2023, as_at=dt.date(2024, 3, 31)))
    )
    assert "Five bus routes serving Cambridge" in text
    assert (
        "The Combined Authority Board met on 20 March 2024. The decision sheet from that meeting is attached as Appendix A."
        in text
    )
    assert "Appendix A: Decision Sheet from the Combined Authority Board meeting, 20 March 2024" in text
    assert "Number Decision 1 Approve the Mayoral precept." in text
