"""Cambridge City Council's partnerships and the Combined Authority, from two public documents.

"Cambridge City Council, Annual Review of Strategic Partnerships 2024" names the partnerships, how the
council takes part in each (a named councillor, an office such as the Executive Councillor for Economy
& Skills, or the council itself as a member organisation) and its contributions. "Shared Ambition for
Cambridgeshire & Peterborough, CA Board 16 October 2024" names the Board's officers and its voting rule.
Where a document gives a year but no day, the record's start date is left empty.
"""

import datetime as dt
from decimal import Decimal

from .models import Contribution, Organisation, Participation, Partnership

PUBLIC, PRIVATE, REPRESENTATIVE = (
    Organisation.Sector.PUBLIC,
    Organisation.Sector.PRIVATE,
    Organisation.Sector.REPRESENTATIVE,
)
MEMBER_ORGANISATION, OFFICE = Participation.Kind.MEMBER_ORGANISATION, Participation.Kind.OFFICE

ORGANISATIONS = [
    # name, short name, sector, council
    ("Cambridgeshire County Council", "", PUBLIC, True),
    ("East Cambridgeshire District Council", "", PUBLIC, True),
    ("Fenland District Council", "", PUBLIC, True),
    ("Huntingdonshire District Council", "", PUBLIC, True),
    ("Peterborough City Council", "", PUBLIC, True),
    ("Cambridge BID", "", PRIVATE, False),
    ("Kings College", "", PUBLIC, False),
    ("Curating Cambridge", "", REPRESENTATIVE, False),
    ("Cambridge Council for Voluntary Services", "CCVS", REPRESENTATIVE, False),
    ("Cambridge Business Against Crime", "", REPRESENTATIVE, False),
    ("Office of the Police and Crime Commissioner", "OPCC", PUBLIC, False),
    ("University of Cambridge", "", PUBLIC, False),
    ("Anglia Ruskin University", "", PUBLIC, False),
]

# The seven constituent members of the Combined Authority (the review, paragraph 3.3, gives the number).
CONSTITUENT_COUNCILS = [
    "Cambridge City Council",
    "Cambridgeshire County Council",
    "East Cambridgeshire District Council",
    "Fenland District Council",
    "Huntingdonshire District Council",
    "Peterborough City Council",
    "South Cambridgeshire District Council",
]

PRP_MISSION = (
    "To secure a future in which our communities prosper from the very best in environmentally sustainable ways "
    "of living and working. We collaborate to accelerate economic opportunities created through the region's "
    "innovation strengths to achieve significant environmental enhancements and to unlock investment for "
    "inclusive, high quality sustainable development."
)

CSP_PURPOSE = (
    "Local Authorities, Police, Fire Service, Probation and Health partners come together to formulate and "
    "implement strategies to tackle crime, disorder and antisocial behaviour. Cambridge City Council co-ordinate "
    "and chair the Cambridge CSP.\n\n"
    "The Cambridge CSP also has the statutory responsibility to oversee any Domestic Abuse Related Death Reviews "
    "(previously known as Domestic Homicide Reviews) and subsequent learning action plan, where the victim was a "
    "Cambridge City resident.\n\n"
    "The Cambridge CSP also has a number of non-statutory partners which enhance the work of the partnership "
    "including Cambridge Council for Voluntary Services, Cambridge Business Against Crime, Office of the Police "
    "and Crime Commissioner, University of Cambridge and Anglia Ruskin University."
)

# slug: (name, short name, kind, purpose)
PARTNERSHIPS = {
    "greater-cambridge-partnership": ("Greater Cambridge Partnership", "GCP", Partnership.Kind.BOARD, ""),
    "fast-growth-cities-group": (
        "Fast Growth Cities group",
        "",
        Partnership.Kind.INFORMAL,
        "The Fast Growth Cities group is an informal partnership of councils representing cities that are "
        "experiencing high levels of growth, fuelled by knowledge-intensive economies. They are Cambridge, Norwich, "
        "Milton Keynes, Oxford, Swindon and Peterborough.",
    ),
    "cambridge-bid": ("Cambridge Business Improvement District", "Cambridge BID", Partnership.Kind.BOARD, ""),
    "visit-cambridge": ("Visit Cambridge", "", Partnership.Kind.INFORMAL, ""),
    "innovate-cambridge": ("Innovate Cambridge", "", Partnership.Kind.STRATEGIC, ""),
    "integrated-care-system": (
        "Cambridgeshire and Peterborough Integrated Care System",
        "ICS",
        Partnership.Kind.STRATEGIC,
        "",
    ),
    "south-icb-strategic-board": ("South ICB Strategic Board", "", Partnership.Kind.BOARD, ""),
    "integrated-neighbourhood-executive-board": (
        "Integrated Neighbourhood Executive Board",
        "",
        Partnership.Kind.BOARD,
        "",
    ),
    "preventative-and-personalised-care-board": (
        "Preventative and Personalised Care Board",
        "",
        Partnership.Kind.BOARD,
        "",
    ),
    "vcs-infrastructure-partnership": (
        "Voluntary & Community Sector infrastructure partnership",
        "",
        Partnership.Kind.INFORMAL,
        "The Voluntary & Community Sector infrastructure partnership is a steering group of public and voluntary "
        "sector infrastructure organisations who have agreed to work "
        "closer together as partners, investors, and allies to the Voluntary, Community, Social Enterprise and "
        "Faith (VCSEF) sector, identifying opportunities to collaborate, simplify and streamline processes and "
        "funding opportunities.",
    ),
    # Partnership by default (the review, paragraph 3.57).
    "recap-partnership": (
        "RECAP Partnership",
        "RECAP",
        Partnership.Kind.STRATEGIC,
        "The RECAP partnership on waste in Cambridgeshire.",
    ),
    "action-on-energy": (
        "Action on Energy",
        "",
        Partnership.Kind.STRATEGIC,
        "Action on Energy, a partnership of Cambridgeshire councils to promote and deliver retrofit and energy "
        "advice for residents.",
    ),
    "cambridge-city-leaders-climate-change-group": (
        "Cambridge City Leaders Climate Change Group",
        "",
        Partnership.Kind.INFORMAL,
        "The Cambridge City Leaders Climate Change Group, an informal group of private and institutional leaders "
        "committed to working together collaboratively to tackle climate change.",
    ),
    "cambridge-food-poverty-alliance": ("Cambridge Food Poverty Alliance", "", Partnership.Kind.INFORMAL, ""),
    "cambridge-sustainable-food": ("Cambridge Sustainable Food", "", Partnership.Kind.INFORMAL, ""),
}
SUB_GROUPS = {
    "visit-cambridge": "cambridge-bid",
    "south-icb-strategic-board": "integrated-care-system",
    "integrated-neighbourhood-executive-board": "integrated-care-system",
    "preventative-and-personalised-care-board": "integrated-care-system",
}

# The review, paragraph 3.58: which services Cambridge shares, and with which councils.
SOUTH_CAMBS, HUNTS = "South Cambridgeshire District Council", "Huntingdonshire District Council"
SHARED_SERVICES = [
    # slug, name, short name (the service as the review names it), partner councils
    ("shared-service-waste", "Shared service: waste", "waste", [SOUTH_CAMBS]),
    ("shared-service-planning", "Shared service: planning", "planning", [SOUTH_CAMBS]),
    ("shared-service-internal-audit", "Shared service: internal audit", "internal audit", [SOUTH_CAMBS]),
    ("shared-service-cctv", "Shared service: CCTV", "CCTV", [HUNTS]),
    ("shared-service-legal", "Shared service: legal", "legal", [SOUTH_CAMBS, HUNTS]),
    ("shared-service-ict", "Shared service: ICT", "ICT", [SOUTH_CAMBS, HUNTS]),
    ("shared-service-building-control", "Shared service: building control", "building control", [SOUTH_CAMBS, HUNTS]),
    (
        "cambridgeshire-home-improvement-agency",
        "Cambridgeshire Home Improvement Agency",
        "",
        [SOUTH_CAMBS, HUNTS],
    ),
]

# Where Cambridge City Council takes part as an organisation, with no person named by the review.
CAMBRIDGE_MEMBER_OF = [
    "greater-cambridge-partnership",
    "fast-growth-cities-group",
    "visit-cambridge",
    "innovate-cambridge",
    "south-icb-strategic-board",
    "integrated-neighbourhood-executive-board",
    "preventative-and-personalised-care-board",
    "vcs-infrastructure-partnership",
    "recap-partnership",
    "action-on-energy",
    "cambridge-city-leaders-climate-change-group",
    "cambridge-food-poverty-alliance",
    "cambridge-sustainable-food",
]


def _participate(partnership, organisation, kind, *, office="", voting=False, notes=""):
    found, _ = Participation.objects.update_or_create(
        partnership=partnership,
        organisation=organisation,
        kind=kind,
        office=office,
        end_date=None,
        defaults={"is_voting": voting, "notes": notes},
    )
    return found


def seed(*, orgs: dict[str, Organisation], person, seat, partnership) -> dict[str, Partnership]:
    """Cambridge's partnerships, the Combined Authority and the Oxford to Cambridge Partnership; idempotent.

    `person`, `seat` and `partnership` are the register's own demonstration helpers.
    """
    for name, short, sector, council in ORGANISATIONS:
        orgs[name], _ = Organisation.objects.update_or_create(
            name=name, defaults={"short_name": short, "sector": sector, "is_council": council}
        )
    ca_org = orgs["Cambridgeshire and Peterborough Combined Authority"]
    cambridge = orgs["Cambridge City Council"]
    scdc = orgs["South Cambridgeshire District Council"]

    prp = partnership(
        "oxford-to-cambridge-partnership",
        name="Oxford to Cambridge Partnership",
        short_name="PRP",
        kind=Partnership.Kind.PAN_REGIONAL,
        mission=PRP_MISSION,
        remit_will_do=(
            "Additionality – collaboration & alignment cross boundary, cross-sector where partners choose\n"
            "Voice – awareness, advocacy, profile for the whole area\n"
            "Evidence – bids, investment, routes for action\n"
            "Progress – influencing pace and direction of change on shared priorities"
        ),
        remit_wont_do=(
            "Impact on or get involved in devolution discussions\nDuplicate what partners do\nSpatial planning"
        ),
    )
    mayor = person("Mayor", "Nik", "Johnson", "Mayor of Cambridgeshire & Peterborough", ca_org)
    seat(prp, mayor, ca_org, "member", lead=True)
    board = orgs["Cambridgeshire and Peterborough Business Board"]
    seat(prp, person("", "Al", "Kingsley", "Chair of the C&P Business Board", board), board, "member", lead=True)
    seat(prp, person("Cllr", "Bridget", "Smith", "Leader", scdc, True), scdc, "member", lead=True)
    seat(
        prp,
        person("", "Richard", "Hutchins", "Managing Director"),
        None,
        "supporting_officer",
        start=dt.date(2023, 4, 1),
        notes="Appointed Managing Director during 2023/24; the review gives no day, so the date is illustrative.",
    )

    ca = partnership(
        "combined-authority-board",
        name="Cambridgeshire & Peterborough Combined Authority Board",
        short_name="CPCA",
        kind=Partnership.Kind.COMBINED_AUTHORITY,
        host_organisation=ca_org,
        mission="To make life better, healthier, and fairer for all.",
        voting_rule=Partnership.VotingRule.MAJORITY_INCLUDING_MEMBER,
        required_voter=mayor,
        chair_has_casting_vote=False,
        meeting_pattern_notes=(
            "Voting arrangements: simple majority of voting Members, subject to that majority including the vote "
            "of the Mayor, or the Deputy mayor acting in place of the Mayor."
        ),
    )
    seat(ca, mayor, ca_org, "chair", lead=True)
    seat(ca, person("Cllr", "Anna", "Smith", "", cambridge, True), cambridge, "member", lead=True)
    seat(ca, person("Cllr", "Sarah", "Conboy", "Lead Member for Devolution & Place", None, True), None, "member")
    seat(ca, person("", "Kate", "McFarlane", "Director of Policy & Engagement", ca_org), ca_org, "supporting_officer")
    for name in CONSTITUENT_COUNCILS:
        _participate(ca, orgs[name], MEMBER_ORGANISATION, notes="Constituent member of the Combined Authority.")

    csp = partnership(
        "cambridge-community-safety-partnership",
        name="Cambridge Community Safety Partnership",
        short_name="CSP",
        kind=Partnership.Kind.STATUTORY,
        legal_basis="Crime and Disorder Act 1998",
        host_organisation=cambridge,
        purpose=CSP_PURPOSE,
    )
    seat(
        csp,
        person("Cllr", "Cameron", "Holloway", "Executive Councillor for Health and Community Safety", cambridge, True),
        cambridge,
        "member",
        lead=True,
    )

    found = {"prp": prp, "ca": ca, "csp": csp}
    by_slug: dict[str, Partnership] = {}
    for slug, (name, short, kind, purpose) in PARTNERSHIPS.items():
        by_slug[slug] = partnership(slug, name=name, short_name=short, kind=kind, purpose=purpose)
    for slug, parent in SUB_GROUPS.items():
        Partnership.objects.filter(pk=by_slug[slug].pk).update(parent=by_slug[parent])
    for slug in CAMBRIDGE_MEMBER_OF:
        _participate(by_slug[slug], cambridge, MEMBER_ORGANISATION)
    # The review, paragraph 3.34: the council sits on the BID's Board through an office, not a named person.
    _participate(by_slug["cambridge-bid"], cambridge, OFFICE, office="the Executive Councillor for Economy & Skills")
    for partner in ("Cambridge BID", "Kings College", "Curating Cambridge"):
        _participate(by_slug["visit-cambridge"], orgs[partner], MEMBER_ORGANISATION)
    for slug, name, short, partners in SHARED_SERVICES:
        service = partnership(slug, name=name, short_name=short, kind=Partnership.Kind.SHARED_SERVICE)
        for council in [cambridge, *(orgs[p] for p in partners)]:
            _participate(service, council, MEMBER_ORGANISATION)
        found[slug] = service

    for slug, amount, purpose in (
        ("fast-growth-cities-group", "5000", "Costs of the Fast Growth Cities group"),
        ("oxford-to-cambridge-partnership", "10000", "Contribution to the Ox-Cam Pan-Regional Partnership"),
        (
            "innovate-cambridge",
            "50000",
            "To help fund its work to advance sustainable and inclusive development of the innovation ecosystem",
        ),
    ):
        Contribution.objects.update_or_create(
            partnership=by_slug.get(slug) or prp,
            organisation=cambridge,
            year=2023,
            defaults={"amount": Decimal(amount), "purpose": purpose},
        )
    person(
        "Cllr",
        "Mike",
        "Davey",
        "Leader and Executive Councillor for Transformation Strategy & Resources",
        cambridge,
        True,
    )
    person("", "Andrew", "Limb", "Assistant Chief Executive", cambridge)
    found |= {
        "fgc": by_slug["fast-growth-cities-group"],
        "innovate": by_slug["innovate-cambridge"],
        "gcp": by_slug["greater-cambridge-partnership"],
        "bid": by_slug["cambridge-bid"],
        "visit_cambridge": by_slug["visit-cambridge"],
        "ics": by_slug["integrated-care-system"],
        "vcs": by_slug["vcs-infrastructure-partnership"],
        **{slug.replace("-", "_"): by_slug[slug] for slug in CAMBRIDGE_MEMBER_OF},
    }
    return found
