"""What Cambridge's partnerships did in 2023/24, in the words of "Cambridge City Council, Annual Review of
Strategic Partnerships 2024", and the Combined Authority's Shared Ambition engagement, from "Shared Ambition
for Cambridgeshire & Peterborough, CA Board 16 October 2024".

The review names the year, rarely the day: an activity it places in a season or month is dated at that
month's end, and one it places only in 2023/24 at the year's last day, 31 March 2024.
"""

import datetime as dt
from decimal import Decimal

from partnerships.models import Partnership

from .models import Achievement, AchievementFigure

YEAR_END = dt.date(2024, 3, 31)

# (partnership slug, date, title, description, figures [(qualifier, value, unit, counts)])
ACHIEVEMENTS = [
    (
        "combined-authority-board",
        dt.date(2024, 1, 31),
        "Revised Best Value Notice; Improvement Board oversees the Improvement Plan",
        "The Best Value Notice issued by Government in January 2023 was replaced in January 2024 by a revised "
        "Notice. An Improvement Board, chaired by Richard Carr, has continued to oversee the Authority's "
        "development and delivery of an Improvement Plan.",
        [],
    ),
    (
        "combined-authority-board",
        YEAR_END,
        "Shared ambition and State of the Region dashboard in development",
        "As part of this work, the Authority has been working with partners and stakeholders to develop a "
        "“shared ambition” for the area, and to develop a “State of the Region” data and evidence dashboard, which "
        "builds on the City Council pioneering 'State of the City' report. These are due to be completed in 2024.",
        [],
    ),
    (
        "combined-authority-board",
        YEAR_END,
        "Local Transport and Connectivity Plan adopted",
        "During 2023/24, the Authority adopted a Local Transport and Connectivity Plan, and pursuant to that has "
        "invested in exploring options to improve bus services, through an enhanced partnership or potentially "
        "through bus franchising, subject to approval of business case.",
        [],
    ),
    (
        "combined-authority-board",
        YEAR_END,
        "Bus routes funded through the Mayoral Precept",
        "Through a Mayoral Precept, the Authority has been able to fund a number of bus routes to enhance the "
        "existing network, including 5 routes serving Cambridge.",
        [("", "5", "routes", "serving Cambridge")],
    ),
    (
        "combined-authority-board",
        YEAR_END,
        "Budget allocations for Cambridge",
        "As part of its budgetary process in 2023/24, the Combined Authority allocated £1.5m for the Cambridge "
        "Civic Quarter project, and a further £3m for the regeneration and development of cultural and creative "
        "facilities. The Combined Authority also allocated £1m to Greater Cambridge Impact.",
        [
            ("", "1500000", "£", "for the Cambridge Civic Quarter project"),
            ("", "3000000", "£", "for cultural and creative facilities"),
            ("", "1000000", "£", "to Greater Cambridge Impact"),
        ],
    ),
    (
        "combined-authority-board",
        YEAR_END,
        "Shared Prosperity Fund projects in Cambridge",
        "As part of the £1.2m of Shared Prosperity Fund previously allocated to Cambridge, the City Council has "
        "been able to fund and commission a range of projects to support an inclusive and sustainable economy in "
        "the city, including Green Business Grants, Focus on Abbey and work to support markets in the city.",
        [("", "1200000", "£", "of Shared Prosperity Fund allocated to Cambridge")],
    ),
    (
        "greater-cambridge-partnership",
        dt.date(2023, 11, 30),
        "Decision not to proceed with the Sustainable Travel Zone",
        "Following extensive public consultation in 2022/23, the GCP Executive took the decision in the Autumn of "
        "2023 not to proceed with the Sustainable Travel Zone (STZ) that had been proposed as part of the "
        '"Making Connections" programme.\n\n'
        "Work done on the programme and feedback from the consultation will inform thinking about the nature and "
        "scale of the challenges and how these might be taken forward in the future.",
        [],
    ),
    (
        "greater-cambridge-partnership",
        YEAR_END,
        "Transport programme and 30 new electric buses",
        "Other projects in the GCP transport programme continued, including Milton Road construction, and "
        "consultation on Hills Road, Addenbrooke's roundabout, Queen Anne Terrace and various greenways. The GCP "
        "also worked with partners to fund 30 new electric buses.",
        [("", "30", "electric buses", "funded with partners")],
    ),
    (
        "greater-cambridge-partnership",
        YEAR_END,
        "Apprenticeships, Jobs & Careers Fairs",
        "On skills, the GCP supported Cambridge Regional College's Apprenticeships, Jobs & Careers Fairs.",
        [],
    ),
    (
        "greater-cambridge-partnership",
        YEAR_END,
        "Smart Cambridge programme",
        "During 2023/24, the GCP's Smart Cambridge programme:\n"
        "- trialled smart sensors in Cambridge to make it safer for people to cross the road by using Artificial "
        "Intelligence (AI) to reduce waiting times for pedestrians and road users;\n"
        "- launched the Innovation Prospectus, to give innovators the opportunity to collaborate with the GCP on "
        "pioneering projects to help shape the way we travel and improve daily journeys across Greater Cambridge;\n"
        "- collaborated with Citymapper and ITO World to provide real time data for their app.",
        [],
    ),
    (
        "greater-cambridge-partnership",
        YEAR_END,
        "Greater Cambridge Transport Strategy",
        "Going forward, the GCP will work with partners in Cambridgeshire County Council and the Cambridgeshire & "
        "Peterborough Combined Authority to develop the Greater Cambridge Transport Strategy to support the "
        "emerging joint Local Plan under the umbrella of the CPCA's Local Transport and Connectivity Plan.",
        [],
    ),
    (
        "fast-growth-cities-group",
        dt.date(2023, 8, 31),
        "Report on the strengths of fast growth city economies",
        "In the summer of 2023, the Fast Growth Cities group published a report highlighting the strengths of "
        "their economies and their impact on the wider UK economy, and making the case to Government and others "
        "for support and investment.",
        [],
    ),
    (
        "fast-growth-cities-group",
        YEAR_END,
        "Evidence for the Case for Cambridge",
        "In Cambridge's case, the evidence and research from this work with Fast Growth Cities group partners has "
        'informed the work we have contributed to discussions with Government on their "Case for Cambridge".',
        [],
    ),
    (
        "oxford-to-cambridge-partnership",
        YEAR_END,
        "Managing Director appointed",
        "During 2023/24, the Partnership appointed a Managing Director, Richard Hutchins.",
        [],
    ),
    (
        "oxford-to-cambridge-partnership",
        YEAR_END,
        "Programme of work under four themes",
        "The PRP has established a programme of work under four themes:\n"
        "- Environment & Sustainability\n"
        "- Innovation & Economy\n"
        "- Data Observatory\n"
        "- Conferences & Events",
        [],
    ),
    (
        "cambridge-bid",
        YEAR_END,
        "Initiatives to support local businesses",
        "The Cambridge BID has undertaken many initiatives and activities this year to support local businesses "
        "and enhance the city for residents and visitors.",
        [],
    ),
    (
        "cambridge-bid",
        YEAR_END,
        "Proposal for an Accommodation BID funded by a visitor levy",
        "The Visitor Economy has been a key focus of our partnership work this year, leading to a proposal by the "
        "BID to establish a new Accommodation BID for Greater Cambridge funded by a visitor levy. The levy has the "
        "potential to generate circa £9m over a 5-year business plan and offers the opportunity to achieve a step "
        "change in the way the visitor economy is managed.",
        [("about", "9000000", "£", "from a visitor levy over a 5-year business plan")],
    ),
    (
        "visit-cambridge",
        YEAR_END,
        "Destination Management Plan under way",
        "We are also working with the BID and our Visit Cambridge Partners, Kings College and Curating Cambridge "
        "on a Destination Management Plan which is due to complete in Autumn 2024.\n\n"
        "This will provide a strategic vision and joint plan with wider stakeholders to manage and develop Greater "
        "Cambridge as a destination with a focus on the needs of visitors, businesses and residents and improving "
        "economic, social and environmental impacts.",
        [],
    ),
    (
        "visit-cambridge",
        YEAR_END,
        "Purple Flag, Christmas Lights and free events",
        "Other important areas of work with the BID include community safety - including retaining Cambridge's "
        "Purple Flag status - and offering free events to bring vibrancy to the city. These include the "
        "organising and funding the Cambridge Christmas Lights and switch on event and support for our City "
        "Events' Out of the Ordinary Street Arts Festival.",
        [],
    ),
    (
        "innovate-cambridge",
        YEAR_END,
        "Social inclusion and sustainability at the heart of the strategy",
        "Our partnership with Innovate Cambridge has focused on work to ensure that social inclusion and "
        "sustainability lie at the heart of its strategy to ensure that Cambridge remains the leading innovation "
        "cluster in Europe.",
        [],
    ),
    (
        "innovate-cambridge",
        YEAR_END,
        "Value and impact for the local community",
        "One of three core priorities in its emerging programme of work launched at the Innovate Cambridge October "
        'Summit last year is to "Ensure that the innovation ecosystem provides value and impact for the local '
        'community".',
        [],
    ),
    (
        "innovate-cambridge",
        YEAR_END,
        "The Cambridge Pledge and the Greater Cambridge Impact Fund",
        "The Innovate Cambridge Strategic Implementation Plan also includes an ambition to establish 'The "
        "Cambridge Pledge' linked to the development of the Greater Cambridge Impact Fund as a vehicle for "
        "successful entrepreneurs to invest in the Fund and play their part in addressing inequality. Innovate "
        "Cambridge's Executive Director continues to play a key role on the Fund's Development Board.",
        [],
    ),
    (
        "integrated-care-system",
        YEAR_END,
        "Preventive health work across the Council's services",
        "Many services in the Council aim to improve and maintain the health of our local population. Air quality, "
        "food safety, damp in homes, access to outdoor green spaces, supporting exercise referral programmes, tree "
        "canopy expansion, providing high quality housing, adapting existing homes, enabling a thriving voluntary "
        "and community sector that helps tackle loneliness and isolation are just a few examples of the "
        "preventive health work undertaken.",
        [],
    ),
    (
        "integrated-care-system",
        YEAR_END,
        "Shared local priorities",
        "This year, ICS partnership boards have worked towards setting shared local priorities and building "
        "stronger partnerships with local stakeholders.",
        [],
    ),
    (
        "integrated-care-system",
        YEAR_END,
        "The WorkWell programme",
        "The Council has significant opportunities to influence and promote the preventative health agenda "
        "through its connections to others, as well as playing a coordinating role for harnessing resources. "
        "Health based partnership working has brought additional value to residents by joining up local "
        "organisations to attract external funding. The £1.8 million WorkWell programme covering Cambridgeshire "
        "and surrounding areas will bring new resource as it develops across Cambridgeshire, supporting those "
        "with health conditions to maintain or return to work.",
        [("", "1800000", "£", "WorkWell programme")],
    ),
    (
        "integrated-care-system",
        YEAR_END,
        "ICS grant funded partnership projects",
        "The management of an ICS grant funded programme by the Council has created opportunities for several "
        "partnership projects. These projects themed around young people's mental health, frailty and high "
        "support needs, have focused on the inventive delivery and aim to strengthen existing connections within "
        "the local eco system.\n\n"
        "A piece of work is currently underway to map all health-related work across the council, to ensure we're "
        "joining up where possible and making the best use of resources available.",
        [],
    ),
    (
        "cambridge-community-safety-partnership",
        YEAR_END,
        "Understanding the community safety issues residents experience",
        "The Cambridge CSP continues to seek to understand the community safety issues residents, visitors and "
        "local businesses are experiencing and select issues where the CSP feels it can add value and take "
        "appropriate collective action to make a difference.",
        [],
    ),
    (
        "cambridge-community-safety-partnership",
        YEAR_END,
        "Priority for 2023 – 2025: Reducing Violence in our City Centre",
        "Following the annual evidence based Strategic Assessment, the CSP decided on the following priority for "
        "2023 – 2025:\n"
        "- Reducing Violence in our City Centre\n\n"
        "The partnership will deliver this in two key ways:\n"
        "- Developing educational campaigns to prevent violence, focussing on younger people.\n"
        "- Working together to increase safety in our city centre\n\n"
        "Over the life of the strategy the CSP will:\n"
        "- create educational resources on county lines\n"
        "- deliver an ambassador programme for young people to prevent sexual violence\n"
        "- have more police in the city centre in the right place at the right time\n"
        "- train businesses in the night-time economy to identify predatory behaviours and prevent offences\n"
        "- have more taxi marshals to help people get home safely from a night out\n"
        "- have more CCTV in the market square and city centre green spaces\n"
        "- deliver targeted interventions to 18 to 25 year olds who receive short-sentences for violence "
        "offences.\n\n"
        "The success of the strategy is monitored quarterly by the CSP. The City Council's Executive Councillor "
        "for Community Safety is a voting member of the CSP and attends the CSP meetings where the work of the "
        "partnership is reported.",
        [],
    ),
    (
        "vcs-infrastructure-partnership",
        YEAR_END,
        "Steering group formed; areas of likely focus identified",
        "The group is in the early stages of formation, with Terms of Reference in draft form. The steering group "
        "has identified the following areas of likely focus:\n"
        "- Developing a shared narrative and compact showing commitment to VCSEF\n"
        "- Implementing a systematic and co-ordinated approach to volunteering across the county\n"
        "- A consistent and proportionate approach to measuring impact for VCSEF and provide appropriate "
        "assurance around value for money\n"
        "- Work with the VCSEF sector to better understand their needs and how we can support them.\n"
        "- Coordinate infrastructure funds across all organisations to identify what is invested, where and by "
        "which organisation, as well as identify any gaps across the geography.\n"
        "- Explore consistent long-term funding across the system to make it easier for the sector to apply via "
        "aligned governance i.e. one form, one funding, integrated approach, due diligence and assurance.\n"
        "- Review and provide oversight of sector stability and discuss risks and joint mitigations\n\n"
        "The aspirations of this steering group closely align with the City Council's aspirations of building "
        "community wealth and developing an approach to community funding which looks to maximise wider funding "
        "opportunities.",
        [],
    ),
    (
        "cambridge-sustainable-food",
        YEAR_END,
        "Gold status for Cambridge",
        "Secured Gold status for Cambridge in the last year, with the Cambridge Food Poverty Alliance.",
        [],
    ),
    # Shared Ambition for Cambridgeshire & Peterborough, CA Board 16 October 2024, paragraphs 3.7 to 3.9, 3.15.
    (
        "combined-authority-board",
        dt.date(2024, 7, 31),
        "Shared Ambition resident focus groups",
        "During June and July five resident focus groups were held, with 60 residents, from a wide variety of "
        "backgrounds recruited.",
        [("", "5", "focus groups", "held"), ("", "60", "residents", "taking part")],
    ),
    (
        "combined-authority-board",
        dt.date(2024, 8, 31),
        "Shared Ambition conversations with residents",
        "During July and August 2024, 175 conversations were held with residents across 12 locations.",
        [("", "175", "conversations", "with residents"), ("", "12", "locations", "")],
    ),
    (
        "combined-authority-board",
        dt.date(2024, 8, 31),
        "Shared Ambition online engagement",
        "Between March 24 and end of August 24 there were over 3430 visits to the Shared Ambition web page, 54 "
        "residents completed the online questionnaire, with over 75 contributions to other online activities.",
        [
            ("over", "3430", "visits", "to the Shared Ambition web page"),
            ("", "54", "residents", "completed the online questionnaire"),
            ("over", "75", "contributions", "to other online activities"),
        ],
    ),
]


def _figures(achievement, figures):
    achievement.figures.all().delete()
    for order, (qualifier, value, unit, counts) in enumerate(figures):
        AchievementFigure.objects.create(
            achievement=achievement, order=order, qualifier=qualifier, value=Decimal(value), unit=unit, counts=counts
        )


def seed() -> None:
    """Each partnership's achievements; idempotent."""
    partnerships = {p.slug: p for p in Partnership.objects.filter(slug__in={row[0] for row in ACHIEVEMENTS})}
    for slug, day, title, description, figures in ACHIEVEMENTS:
        achievement, _ = Achievement.objects.update_or_create(
            partnership=partnerships[slug],
            title=title,
            defaults={"achieved_on": day, "description": description},
        )
        _figures(achievement, figures)
