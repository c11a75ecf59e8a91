"""Demonstration data from public council documents, each cited by its title where it is used.

Names of people and organisations are public record in those documents. Where a document omits a
detail (an email, most start dates) it is left empty; where a date is needed and the document gives
only an order of events, the record's notes say the date is illustrative.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from .models import (
    Budget,
    FundingAward,
    Membership,
    Organisation,
    Partnership,
    Person,
)

PUBLIC, PRIVATE, REPRESENTATIVE = (
    Organisation.Sector.PUBLIC,
    Organisation.Sector.PRIVATE,
    Organisation.Sector.REPRESENTATIVE,
)

ORGANISATIONS = [
    # name, short name, sector, council
    ("Oxford City Council", "", PUBLIC, True),
    ("Oxfordshire County Council", "", PUBLIC, True),
    ("River Learning Trust", "", PUBLIC, False),
    ("University of Oxford", "", PUBLIC, False),
    ("Oxford University Hospitals NHS Foundation Trust", "OUH", PUBLIC, False),
    ("Oxford Civic Society", "", REPRESENTATIVE, False),
    ("Land Securities", "LandSec", PRIVATE, False),
    ("Community First Oxfordshire", "", REPRESENTATIVE, False),
    ("Oxfordshire Local Enterprise Partnership", "OxLEP", REPRESENTATIVE, False),
    ("Oxford Brookes University", "", PUBLIC, False),
    ("Unipart Group", "", PRIVATE, False),
    ("Thames Valley Police", "TVP", PUBLIC, False),
    ("OcQuila Therapeutics", "", PRIVATE, False),
    ("VSL and Partners", "", PRIVATE, False),
    ("Lucy Group", "", PRIVATE, False),
    ("Cambridge City Council", "", PUBLIC, True),
    ("Cambridgeshire and Peterborough Combined Authority", "CPCA", PUBLIC, False),
    ("South Cambridgeshire District Council", "", PUBLIC, True),
    ("Cambridgeshire and Peterborough Business Board", "", REPRESENTATIVE, False),
]

# The OSP annual update to Council (March 2023) Appendix 1: Oxford Strategic Partnership Membership – March 2023.
OSP_MEMBERS = [
    # honorific, first, last, job title, organisation, councillor, role, lead
    ("", "Paul", "James", "Chief Executive", "River Learning Trust", False, "chair", True),
    ("", "Gillian", "Aitken", "Registrar", "University of Oxford", False, "member", False),
    ("Cllr", "Susan", "Brown", "Leader", "Oxford City Council", True, "member", False),
    ("Cllr", "Shaista", "Aziz", "", "Oxford City Council", True, "member", False),
    # The OSP Terms of Reference: the leader of the opposition attends as an observer, without a vote.
    ("Cllr", "Chris", "Smowton", "Liberal Democrat Group Leader", "Oxford City Council", True, "observer", False),
    (
        "",
        "Rebecca",
        "Cullen",
        "Deputy Director of Strategy & Partnerships",
        "Oxford University Hospitals NHS Foundation Trust",
        False,
        "member",
        True,
    ),
    ("", "Daniella", "Granito", "Policy and Partnership Team Manager", "Oxford City Council", False, "member", False),
    ("", "Caroline", "Green", "Chief Executive", "Oxford City Council", False, "member", False),
    ("", "Ian", "Green", "Chair", "Oxford Civic Society", False, "member", True),
    (
        "",
        "Brendan",
        "Hattam",
        "Chair of Town Team and General Manager of Westgate",
        "Land Securities",
        False,
        "member",
        True,
    ),
    ("", "Emily", "Lewis-Edwards", "Co-director", "Community First Oxfordshire", False, "member", True),
    ("", "Jeremy", "Long", "Chair", "Oxfordshire Local Enterprise Partnership", False, "member", True),
    (
        "Prof",
        "Simonetta",
        "Manfredi",
        "Associate Dean for Research & Knowledge Exchange",
        "Oxford Brookes University",
        False,
        "member",
        True,
    ),
    ("", "David", "Munday", "Deputy Director Public Health", "Oxfordshire County Council", False, "member", False),
    ("", "Frank", "Nigriello", "Director of Corporate Affairs", "Unipart Group", False, "member", True),
    ("", "Bruce", "Riddell", "Superintendent", "Thames Valley Police", False, "member", True),
    ("", "Peter", "Nolan", "Chairman and founder", "OcQuila Therapeutics", False, "member", True),
    ("Cllr", "Glynis", "Phillips", "", "Oxfordshire County Council", True, "member", False),
    (
        "",
        "Claire",
        "Taylor",
        "Corporate Director, Communications and Organisational Development",
        "Oxfordshire County Council",
        False,
        "member",
        False,
    ),
    ("", "Mish", "Tullar", "Head of Corporate Strategy", "Oxford City Council", False, "member", False),
    ("", "Richard", "Venables", "Director", "VSL and Partners", False, "member", True),
    ("", "Stuart", "Wilkinson", "Head of Knowledge", "University of Oxford", False, "member", False),
]

NOLAN_PRINCIPLES = """Selflessness. Partners should take decisions and serve only in the public interest and not for private gain.
Integrity & Honesty. Partners should not place themselves in any situation where their integrity may be questioned, or place themselves under improper influence in the course of their duties. This includes the declaration of relevant private interests.
Objectivity. Partners should make decisions based solely on merit.
Accountability. Partners should be accountable to the public for their actions, decisions, and the manner in which they carry out their partnership duties. They should co-operate fully with any scrutiny appropriate to their role in the Partnership.
Transparency & Accessibility. Partners will ensure that information relating to their work with the Partnership is available to the public, and will work to make this information as accessible as possible.
Openness & Personal Judgement. Partners should be prepared to be as open as possible whilst taking into account the wider public interest. They should also have the freedom to make and justify personal judgements based on available evidence.
Respect & Equality. Partners should actively promote equality and act in a non-discriminatory manner.
Stewardship. Partners should nurture and promote the successful development of the Partnership, ensuring that it applies its resources appropriately and operates in accordance with the law.
Leadership. Partners should promote and support these principles by example, and act in a way that preserves public confidence."""

OSP = {
    "name": "Oxford Strategic Partnership",
    "slug": "oxford-strategic-partnership",
    "short_name": "OSP",
    "kind": Partnership.Kind.STRATEGIC,
    "founded_year": 2003,
    "purpose": (
        "The Oxford Strategic Partnership brings together senior representatives within Oxford from the public, "
        "business, community and third sector partners such as voluntary groups, which deliver services, help improve "
        "people's wellbeing and contribute to economic growth. This partnership for the city promotes collaboration "
        "and openness and provides opportunities to access funding and share resources more easily."
    ),
    "vision": (
        "The OSP seeks to facilitate, through effective collaboration between local agencies and partners, a thriving "
        "city and surrounding area where everyone enjoys a good quality of life - environmentally, economically and "
        "socially, and where long standing inequalities are addressed."
    ),
    "aims": (
        "Identify current major issues and concerns that will benefit from collective intervention\n"
        "Identify and engage relevant partners, and facilitate their working together to develop and implement "
        "collaborative interventions\n"
        "Empower partners and communities to take action\n"
        "Evaluate outcomes to inform future issues and concerns"
    ),
    "remit_will_do": (
        "Bring organisations together to work in partnership\n"
        "Identify strategic city challenges that will benefit from collaboration\n"
        "Prioritise them based on where the partnership can add most value\n"
        "Provide strategic input to inform decision-making for the city's future"
    ),
    "remit_wont_do": ("Act as an operational entity: the OSP is an influencer\nAct as a regulatory or statutory body"),
    "guiding_principles": NOLAN_PRINCIPLES,
    "supporting_team": "Policy & Partnerships Team, Oxford City Council",
    "meeting_frequency": Partnership.Frequency.QUARTERLY,
    "annual_review_month": 11,
    "meeting_pattern_notes": (
        "10:30 to 13:00, refreshments from 10:15 and a light lunch until 13:30. Two major agenda items, "
        "bi-annual updates from the four strategic themes and reports from task and finish groups. "
        "Annual planning and review meeting in November, 9:30 to 14:00."
    ),
    "fallback_venue": "Oxford Town Hall",
    "voting_rule": Partnership.VotingRule.SIMPLE_MAJORITY,
    "chair_has_casting_vote": False,
}


def _organisations() -> dict[str, Organisation]:
    found = {}
    for name, short, sector, council in ORGANISATIONS:
        found[name], _ = Organisation.objects.update_or_create(
            name=name, defaults={"short_name": short, "sector": sector, "is_council": council}
        )
    return found


def _person(honorific, first, last, job_title="", organisation=None, councillor=False) -> Person:
    person, _ = Person.objects.update_or_create(
        first_name=first,
        last_name=last,
        defaults={
            "honorific": honorific,
            "job_title": job_title,
            "organisation": organisation,
            "is_councillor": councillor,
        },
    )
    return person


def _seat(partnership, person, organisation, role, *, lead=False, start=None, end=None, notes="", reason=""):
    voting = role in Membership.VOTING_ROLES
    fields = {"organisation": organisation, "is_voting": voting, "is_lead_representative": lead, "notes": notes}
    ending = {"end_date": end, "end_reason": reason}
    # A seat the documents leave open keeps the end it was given since (demo_present ends terms that ran out).
    membership, _ = Membership.objects.update_or_create(
        partnership=partnership,
        person=person,
        role=role,
        start_date=start,
        defaults={**fields, **(ending if end else {})},
        create_defaults={**fields, **ending},
    )
    return membership


def _partnership(slug, **fields) -> Partnership:
    reports_to = fields.pop("reports_to", [])
    partnership, _ = Partnership.objects.update_or_create(slug=slug, defaults=fields)
    if reports_to:
        partnership.reports_to.set(reports_to)
    return partnership


@transaction.atomic
def seed() -> dict[str, Partnership]:
    orgs = _organisations()
    oxford = orgs["Oxford City Council"]

    osp_fields = dict(OSP)
    osp = _partnership(osp_fields.pop("slug"), host_organisation=oxford, **osp_fields)
    for honorific, first, last, title, org_name, councillor, role, lead in OSP_MEMBERS:
        person = _person(honorific, first, last, title, orgs[org_name], councillor)
        start = dt.date(2022, 10, 1) if role == "chair" else None
        notes = "Took the chair in October 2022; the day is illustrative." if start else ""
        _seat(osp, person, orgs[org_name], role, lead=lead, start=start, notes=notes)
    # The chair's predecessors (the OSP annual update to Council (March 2023) §7): the document gives the order, not the dates.
    royall = _person("Baroness", "Jan", "Royall")
    caroline = Person.objects.get(first_name="Caroline", last_name="Green")
    _seat(
        osp,
        royall,
        None,
        "chair",
        start=dt.date(2019, 4, 1),
        end=dt.date(2022, 3, 31),
        notes="Demonstration data: dates illustrative; the OSP annual update to Council (March 2023) §7 says only that she stood down.",
        reason="Stood down",
    )
    _seat(
        osp,
        caroline,
        oxford,
        "chair",
        start=dt.date(2022, 4, 1),
        end=dt.date(2022, 9, 30),
        notes="Interim chair; dates illustrative.",
        reason="Interim chair until a new chair took over",
    )
    Budget.objects.update_or_create(
        partnership=osp,
        year=2022,
        defaults={
            "amount": Decimal("14000"),
            "funded_by": oxford,
            "notes": "Funded and facilitated by Oxford City Council",
        },
    )

    egsb = _partnership(
        "economic-growth-steering-board",
        name="Economic Growth Steering Board",
        short_name="EGSB",
        parent=osp,
        kind=Partnership.Kind.STRATEGIC,
        host_organisation=oxford,
        purpose=(
            "A city region focus to deliver the Oxford Economic Growth Strategy Action Plan and feed into, and support, "
            "the OxLEP (Oxfordshire Local Enterprise Partnership) SEP (Strategic Economic Plan) and Local Industrial "
            "Strategy (LIS) delivery. Membership aligns closely with sub-strategy groupings (e.g. innovation, skills, "
            "culture and tourism, growth board functions and environment)."
        ),
        meeting_frequency=Partnership.Frequency.QUARTERLY,
    )
    stronger = _partnership(
        "stronger-communities-board",
        name="Stronger Communities Board",
        short_name="",
        parent=osp,
        kind=Partnership.Kind.STRATEGIC,
        host_organisation=oxford,
        purpose=(
            "The Stronger Communities Board brings together key organisations (e.g. Public Health, Oxfordshire County "
            "Council, Oxfordshire Community and Voluntary Association, Department of Work and Pensions, etc.) that "
            "contribute towards the development of stronger communities through addressing inequality and poverty, "
            "and increasingly focuses on issues of Health and Wellbeing."
        ),
        meeting_frequency=Partnership.Frequency.QUARTERLY,
    )
    zcop = _partnership(
        "zero-carbon-oxford-partnership",
        name="Zero Carbon Oxford Partnership",
        short_name="ZCOP",
        parent=osp,
        kind=Partnership.Kind.STRATEGIC,
        host_organisation=oxford,
        purpose=(
            "The Zero Carbon Oxford Partnership (ZCOP) brings together Oxford's most influential organisations "
            "including both universities, the health trusts, both City and County Councils and large businesses such "
            "as BMW, Lucy Group, LandSec, SSEN and Unipart. The purpose of the partnership is to work together to "
            "support the city in its journey to net zero carbon emissions by 2040, ten years ahead of the UK "
            "Government's legal targets."
        ),
        meeting_frequency=Partnership.Frequency.QUARTERLY,
    )
    oscp = _partnership(
        "oxford-safer-communities-partnership",
        name="Oxford Safer Communities Partnership",
        short_name="OSCP",
        parent=osp,
        kind=Partnership.Kind.STATUTORY,
        legal_basis="Crime and Disorder Act 1998, as amended",
        founded_year=1998,
        host_organisation=oxford,
        purpose=(
            "The Community Safety Partnership for Oxford. It brings together organisations (e.g. Thames Valley Police, "
            "Office of the Police and Crime Commissioner, Probation Services, Integrated Care Board for "
            "Buckinghamshire, Oxfordshire and West Berkshire, Oxford University Hospitals (NHS) Trust, Oxford Brookes "
            "University, Turning Point, Oxfordshire County Council – Adult and Children's social care, Youth Justice "
            "and Exploitation Service, Fire and Rescue Service, Adult and Child Safeguarding Boards), to make Oxford a "
            "safer place by reducing the fear of crime, minimising the likelihood of becoming a victim of crime and by "
            "addressing community safety concerns to improve the lives of our residents, businesses and visitors."
        ),
        meeting_frequency=Partnership.Frequency.QUARTERLY,
    )
    for group, (first, last, title) in {
        egsb: ("Clayton", "Lavallin", "Principal Regeneration and Economic Development Officer"),
        stronger: ("Ian", "Brooke", "Head of Community Services"),
        zcop: ("Mai", "Jarvis", "Environmental Sustainability Lead"),
        oscp: ("Richard", "Adams", "Community Safety Manager"),
    }.items():
        _seat(group, _person("", first, last, title, oxford), oxford, "supporting_officer")
    brown = Person.objects.get(first_name="Susan", last_name="Brown")
    _seat(zcop, brown, oxford, "chair", lead=True)
    _seat(
        oscp,
        Person.objects.get(first_name="Bruce", last_name="Riddell"),
        orgs["Thames Valley Police"],
        "member",
        lead=True,
    )
    FundingAward.objects.update_or_create(
        partnership=zcop,
        funder="Innovate UK",
        defaults={
            "amount": Decimal("75000"),
            "year": 2022,
            "purpose": "Feasibility study for delivering building retrofit at scale via a Future Fit One Stop Shop (FOSS), plus match contributions.",
        },
    )
    FundingAward.objects.update_or_create(
        partnership=zcop,
        funder="Microgeneration Certification Scheme Foundation",
        defaults={
            "amount": Decimal("20000"),
            "match_funding": Decimal("20000"),
            "year": 2022,
            "purpose": "An area-specific residential retrofit pilot in Rose Hill, matched by £20,000 from ZCOP partners.",
        },
    )

    fop = _partnership(
        "future-oxfordshire-partnership",
        name="Future Oxfordshire Partnership",
        short_name="FOP",
        kind=Partnership.Kind.STRATEGIC,
        purpose="A county-wide partnership to which the Oxfordshire Inclusive Economy Partnership reports.",
    )
    oiep = _partnership(
        "oxfordshire-inclusive-economy-partnership",
        name="Oxfordshire Inclusive Economy Partnership",
        short_name="OIEP",
        kind=Partnership.Kind.STRATEGIC,
        founded_year=2021,
        reports_to=[fop],
        purpose=(
            "The Oxfordshire Inclusive Economy Partnership (OIEP) was established in March 2021 as a countywide "
            "partnership of organisations from the public, private and community & voluntary sectors that have come "
            "together to develop an inclusive economy agenda countywide."
        ),
        aims="Work together to create a more equal and sustainable region that creates opportunities and benefits for all people within the county",
    )
    _seat(oiep, royall, None, "chair")
    _seat(
        oiep,
        Person.objects.get(first_name="Jeremy", last_name="Long"),
        orgs["Oxfordshire Local Enterprise Partnership"],
        "chair",
        lead=True,
    )
    _seat(oiep, _person("", "Emma", "Coles", "OIEP Manager"), None, "supporting_officer")

    from . import demo_cambridge

    cambridge = demo_cambridge.seed(orgs=orgs, person=_person, seat=_seat, partnership=_partnership)
    return {
        "osp": osp,
        "egsb": egsb,
        "stronger": stronger,
        "zcop": zcop,
        "oscp": oscp,
        "fop": fop,
        "oiep": oiep,
        **cambridge,
    }
