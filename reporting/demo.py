"""The officers' narrative for the two demonstration reports, in the words of the source documents.

"The Oxford Strategic Partnership, annual update to Council, March 2023" covers 2022/23; "Cambridge City
Council, Annual Review of Strategic Partnerships 2024" covers 2023/24. Everything else in those reports
comes from the records the other demonstration data sets up.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from partnerships.models import Organisation, Person

from .models import Kind, Narrative, Report, default_as_at

OSP_YEAR = 2022
CAMBRIDGE_YEAR = 2023

OSP_NARRATIVE = {
    "addressed_to": "Council",
    "report_date": dt.date(2023, 3, 31),
    "report_of": "Head of Corporate Strategy",
    "purpose": "To note the annual update on the Oxford Strategic Partnership",
    "is_key_decision": False,
    "cabinet_member": "Councillor Brown, Leader",
    "corporate_priority": "All Oxford City Council strategic priorities",
    "policy_framework": "None.",
    "recommendations": "Note the annual update report on the work of the Oxford Strategic Partnership.",
    "introduction": (
        "The OSP helps provide strategic input to inform decision-making for the city's future, respond to local "
        "priorities and engage more effectively with local concerns.\n\n"
        "The OSP is an influencer, not an operational entity. It brings organisations together to work in "
        "partnership, identifying strategic city challenges that will benefit from collaboration, and prioritising "
        "them based on where the partnership can add most value. Its remit is determined by its Chair with input "
        "from its members."
    ),
    "forward_planning": (
        "The Chair is taking forward the OSP with a view to refresh the agenda, identify and implement an active "
        "programme of work in 2023; including:"
    ),
    "legal": (
        "There are no legal implications. The OSP is partnership used to share information and influence two way "
        "among key city stakeholders. It has no operational role and is not a regulatory or statutory entity."
    ),
    "risk": (
        "This report is not seeking Council approval for recommendations, nor asking for a decision to be made. "
        "The report is providing an update to Council on the work completed by the OSP."
    ),
    "equalities": (
        "The structure and membership of the OSP and four sub-groups is intended to reflect a common commitment "
        "among participating organisations to equality. The areas of focus of the OSP and four sub-groups are very "
        "much focused on tackling inequality and building inclusivity.\n\n"
        "This report is not seeking Council approval for recommendations, nor asking for a decision to be made. "
        "The report is providing an update to Council on the work completed by the OSP."
    ),
    "conclusion": (
        "It is intended the OSP should continue to provide an important focus for Oxford City Council's strategic "
        "work with statutory, private and third sector partners such as voluntary groups, support deliver "
        "services, help improve people's wellbeing and contribute to economic growth."
    ),
    "background_papers": "",
    "author_service_area": "Chief Executive",
    "author_telephone": "07483 010499",
    "author_email": "mtullar@oxford.gov.uk",
}

CAMBRIDGE_NARRATIVE = {
    "addressed_to": (
        "Councillor Mike Davey, Leader and Executive Councillor for Transformation\n"
        "Strategy & Resources Scrutiny Committee 1 July 2024\n"
        "And\n"
        "Councillor Cameron Holloway, Executive Councillor for Health and Community Safety\n"
        "Environment & Communities Scrutiny Committee 27 June 2024"
    ),
    "report_date": dt.date(2024, 7, 1),
    "report_of": "Assistant Chief Executive",
    "wards_affected": "All",
    "is_key_decision": False,
    "executive_summary": (
        "This report provides an annual report on the work of the key strategic partnerships that the Council is "
        "involved in; and covers the recent decisions on the Cambridge & Peterborough Combined Authority."
    ),
    "recommendations": (
        "That the Leader:\n"
        "Note the achievements and progress of the key strategic growth and economy-related partnerships that the "
        "City Council is engaged with, as detailed in [paragraphs: CPCA to Innovate Cambridge].\n"
        "Note the recent decisions of the Cambridgeshire & Peterborough Combined Authority Board at Appendix A & B, "
        "and invite the City Council's representative to provide an update.\n"
        "That the Executive Councillor for Health and Community Safety:\n"
        "Work more closely with the Health and Wellbeing Board and Integrated Care Partnership and its sub-system "
        "(as detailed in [paragraphs: ICS] below) to ensure that the City Council's role in prevention and "
        "wellbeing working in partnership with other public agencies can address the health needs and concerns of "
        "Cambridge residents.\n"
        "Continue to work with partners within the framework of the Cambridge Community Safety Partnership (as "
        "detailed in [paragraphs: CSP] below), identifying local priorities and taking action that will make a "
        "positive difference to the safety of communities in the city."
    ),
    "section_order": (
        "CPCA\nGCP\nFast Growth Cities group\nPRP\nCambridge BID\nInnovate Cambridge\nICS\nCSP\n"
        "Voluntary & Community Sector infrastructure partnership"
    ),
    "by_default": (
        "RECAP\nAction on Energy\nCambridge City Leaders Climate Change Group\nCambridge Food Poverty Alliance\n"
        "Cambridge Sustainable Food"
    ),
    "by_default_introduction": (
        "In addition to the strategic partnerships mentioned above, the City Council has adopted a “partnership by "
        "default” principle, and works in partnership with statutory, VCSEF and private sector partners to achieve "
        "a range of policy priorities and objectives, including environmental priorities. These include:"
    ),
    "shared_services": (
        "These arrangements allow the Council and its partners to benefit from economies of scale, increased "
        "purchasing power and a structure that allows the recruitment and retention of a wider range of "
        "specialisms among staff."
    ),
    "introduction": (
        "A summary of the activities of each of the key strategic partnerships, and in particular their impact on "
        "Cambridge, is set out below.\n\n"
        "In the context of increased Government interest in Cambridge and the growth of its economy, Cambridge City "
        "Council will continue to work through the partnerships mentioned here, and other channels, to develop and "
        "inform plans for sustainable and inclusive growth in the area."
    ),
    "staffing": (
        "A number of officers work with strategic partners and support city council members to engage in these "
        "partnerships, as part of their core functions. There are no direct staffing implications arising from the "
        "recommendations in this report."
    ),
    "equalities": (
        "An Equality Impact Assessment has not been produced as there are no equalities impacts arising from the "
        "decisions recommended in this report.\n\n"
        "It is expected that continued engagement in the strategic partnerships mentioned will support the Council "
        "achieving its equalities objectives."
    ),
    "environment": (
        "There are no direct net zero, climate change or environmental implications of the decisions in this "
        "report.\n\n"
        "It is expected that continued engagement in strategic partnerships will support the Council achieving its "
        "environmental objectives, not least working with a wide range of stakeholders through RECAP, Action on "
        "Energy and the City Leaders' Climate Change Group."
    ),
    "procurement": "",
    "community_safety": (
        "Continuing to work with the Community Safety Partnership will enable the Council to achieve its community "
        "safety ambitions, as described in [paragraphs: CSP]."
    ),
    "consultation": "N/A.",
    "background_papers": (
        "Fast Growth Cities Economic Research – the case for investment\n"
        "Cambridge-Oxford Partnership mission statement and strategic priorities\n"
        "Cambridgeshire and Peterborough Combined Authority Best Value Notice, January 2024"
    ),
    "author_service_area": "Chief Executive's Office",
    "author_telephone": "01223 - 457004",
    "author_email": "Andrew.Limb@cambridge.gov.uk",
}


def seed_narratives(partnerships: dict) -> list[Narrative]:
    """The two narratives; idempotent."""
    tullar = Person.objects.filter(first_name="Mish", last_name="Tullar").first()
    limb = Person.objects.filter(first_name="Andrew", last_name="Limb").first()
    osp, _ = Narrative.objects.update_or_create(
        kind=Kind.ANNUAL_UPDATE,
        partnership=partnerships["osp"],
        year=OSP_YEAR,
        defaults={**OSP_NARRATIVE, "author": tullar},
    )
    cambridge, _ = Narrative.objects.update_or_create(
        kind=Kind.COUNCIL_REVIEW,
        organisation=Organisation.objects.get(name="Cambridge City Council"),
        year=CAMBRIDGE_YEAR,
        defaults={**CAMBRIDGE_NARRATIVE, "author": limb},
    )
    return [osp, cambridge]


def seed(partnerships: dict) -> None:
    """The narratives, then the two reports themselves, made once the data is committed."""
    from .services import report_request

    osp, cambridge = seed_narratives(partnerships)
    requests = [
        {"kind": Kind.ANNUAL_UPDATE, "partnership": osp.partnership, "year": OSP_YEAR},
        {"kind": Kind.COUNCIL_REVIEW, "organisation": cambridge.organisation, "year": CAMBRIDGE_YEAR},
    ]
    officer = get_user_model().objects.filter(username="officer@roundtable.example").first()
    # The review goes to committee in July 2024, after the Board's meeting of 5 June whose decisions it attaches.
    as_at = {
        Kind.ANNUAL_UPDATE: default_as_at(OSP_YEAR),
        Kind.COUNCIL_REVIEW: min(cambridge.report_date, dt.date.today()),
    }
    for request in requests:
        request_as_at = as_at[request["kind"]]
        if Report.objects.filter(as_at=request_as_at, status=Report.Status.DONE, **request).exists():
            continue  # Loaded before: the demonstration reports are made once.
        report, _queued = report_request(as_at=request_as_at, user=officer, **request)
        # Published from the start, so the demonstration member logins can read them too.
        Report.objects.filter(pk=report.pk).update(published_at=report.requested_at, published_by=officer)
