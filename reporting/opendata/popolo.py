"""The register as Popolo (popoloproject.com): people, bodies, seats, meetings, decisions and votes.

Popolo has no field for an alternate who votes in a member's place, so two extensions follow OParl's
`votingRight`: a membership's `voting_right` (whether the seat holds a vote) and `alternate_for_id`
(the lead representative's seat an alternate stands in for), and a vote's `on_behalf_of_id` (the member
whose seat an alternate's vote was cast for). The open data page documents them.
"""

from django.db.models import Prefetch

from meetings.models import Decision, Vote
from partnerships.access import Access
from partnerships.models import Partnership

from .. import scope

OPTIONS = {Vote.Choice.FOR: "yes", Vote.Choice.AGAINST: "no", Vote.Choice.ABSTAIN: "abstain"}
TABLES = ("persons", "organizations", "posts", "memberships", "events", "motions", "vote_events", "votes", "counts")


def partnership_id(partnership) -> str:
    return f"partnership/{partnership.slug}"


def organisation_id(organisation) -> str:
    return f"organisation/{organisation.slug}"


def person_id(person_pk: int) -> str:
    return f"person/{person_pk}"


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _person(person) -> dict:
    return {
        "id": person_id(person.pk),
        "name": person.display_name,
        "honorific_prefix": person.honorific or None,
        "given_name": person.first_name,
        "family_name": person.last_name,
        "sort_name": f"{person.last_name}, {person.first_name}",
    }


def _partnership(partnership, access: Access) -> dict:
    parent = partnership.parent
    return {
        "id": partnership_id(partnership),
        "name": partnership.name,
        "other_names": [{"name": partnership.short_name, "note": "short name"}] if partnership.short_name else [],
        "classification": partnership.get_kind_display(),
        "parent_id": partnership_id(parent) if parent and access.can_see(parent) else None,
        "description": partnership.purpose or None,
        "founding_date": str(partnership.founded_year) if partnership.founded_year else None,
    }


def _organisation(organisation) -> dict:
    return {
        "id": organisation_id(organisation),
        "name": organisation.name,
        "other_names": [{"name": organisation.short_name, "note": "short name"}] if organisation.short_name else [],
        "classification": organisation.get_sector_display(),
        "links": [{"url": organisation.website, "note": "website"}] if organisation.website else [],
    }


def _post_id(membership) -> str | None:
    if not membership.organisation_id:
        return None
    return f"post/{membership.partnership.slug}/{membership.organisation.slug}/{membership.role}"


def _membership(membership) -> dict:
    lead = membership.alternate_for_id
    return {
        "id": f"membership/{membership.pk}",
        "label": membership.get_role_display(),
        "role": membership.role,
        "person_id": person_id(membership.person_id),
        "organization_id": partnership_id(membership.partnership),
        "on_behalf_of_id": organisation_id(membership.organisation) if membership.organisation_id else None,
        "post_id": _post_id(membership),
        "start_date": _date(membership.start_date),
        "end_date": _date(membership.end_date),
        "voting_right": membership.is_voting,
        "alternate_for_id": f"membership/{lead}" if lead else None,
    }


def _event(meeting) -> dict:
    return {
        "id": f"meeting/{meeting.pk}",
        "name": meeting.name,
        "classification": meeting.get_kind_display(),
        "start_date": meeting.starts_at.isoformat(timespec="seconds"),
        "end_date": meeting.ends_at.isoformat(timespec="seconds"),
        "location": meeting.venue_label,
        "status": meeting.get_status_display(),
        "organization_id": partnership_id(meeting.partnership),
    }


def _motion(decision) -> dict:
    meeting = decision.item.meeting
    return {
        "id": f"decision/{decision.pk}",
        "organization_id": partnership_id(meeting.partnership),
        "legislative_session_id": f"meeting/{meeting.pk}",
        "text": decision.resolution,
        "identifier": decision.item.title,
        "classification": decision.get_method_display(),
        "date": meeting.date.isoformat(),
        "requirement": meeting.partnership.get_voting_rule_display(),
        "result": decision.get_outcome_display(),
    }


def _vote(decision, vote) -> dict:
    role = "casting vote" if vote.is_casting_vote else "alternate" if vote.on_behalf_of_id else "member"
    return {
        "id": f"vote/{vote.pk}",
        "vote_event_id": f"vote_event/{decision.pk}",
        "voter_id": person_id(vote.person_id),
        "option": OPTIONS[vote.choice],
        "role": role,
        "on_behalf_of_id": person_id(vote.on_behalf_of_id) if vote.on_behalf_of_id else None,
    }


def _counts(decision) -> list[dict]:
    figures = (("yes", decision.votes_for), ("no", decision.votes_against), ("abstain", decision.abstentions))
    return [{"option": option, "value": value} for option, value in figures if value is not None]


def _vote_event(decision) -> dict:
    meeting = decision.item.meeting
    return {
        "id": f"vote_event/{decision.pk}",
        "motion_id": f"decision/{decision.pk}",
        "organization_id": partnership_id(meeting.partnership),
        "legislative_session_id": f"meeting/{meeting.pk}",
        "start_date": meeting.date.isoformat(),
        "result": decision.get_outcome_display(),
        "counts": _counts(decision),
        "votes": [_vote(decision, vote) for vote in decision.votes.all()],
    }


def popolo_export(*, access: Access, partnership: Partnership | None = None) -> dict:
    """Everything the caller may read, as Popolo collections; one partnership's alone if it is given."""
    partnerships = scope.partnerships(access).select_related("parent")
    memberships = scope.memberships(access).select_related("partnership", "person", "organisation", "alternate_for")
    meetings = scope.meetings(access).select_related("partnership", "host")
    decisions = Decision.objects.filter(item__meeting__in=scope.meetings(access).values("pk")).filter(
        scope.record_shown(access, "item__meeting")
    )
    if partnership is not None:
        partnerships = partnerships.filter(pk=partnership.pk)
        memberships = memberships.filter(partnership=partnership)
        meetings = meetings.filter(partnership=partnership)
        decisions = decisions.filter(item__meeting__partnership=partnership)
    decisions = decisions.select_related("item__meeting__partnership").prefetch_related(
        Prefetch("votes", queryset=Vote.objects.select_related("person", "on_behalf_of").order_by("pk"))
    )
    memberships = list(memberships.order_by("partnership__name", "person__last_name", "pk"))
    decisions = list(decisions.order_by("item__meeting__date", "item__position", "pk"))

    people = {m.person_id: m.person for m in memberships}
    for decision in decisions:
        for vote in decision.votes.all():
            people.setdefault(vote.person_id, vote.person)
            if vote.on_behalf_of_id:
                people.setdefault(vote.on_behalf_of_id, vote.on_behalf_of)
    organisations = {m.organisation_id: m.organisation for m in memberships if m.organisation_id}
    posts = {}
    for membership in memberships:
        post = _post_id(membership)
        if post and post not in posts:
            posts[post] = {
                "id": post,
                "label": f"{membership.get_role_display()} for {membership.organisation.name}",
                "role": membership.role,
                "organization_id": partnership_id(membership.partnership),
            }
    vote_events = [_vote_event(d) for d in decisions if d.method == Decision.Method.VOTE]
    return {
        "persons": [_person(p) for p in sorted(people.values(), key=lambda p: (p.last_name, p.first_name, p.pk))],
        "organizations": [_partnership(p, access) for p in partnerships.order_by("name")]
        + [_organisation(o) for o in sorted(organisations.values(), key=lambda o: o.name)],
        "posts": list(posts.values()),
        "memberships": [_membership(m) for m in memberships],
        "events": [_event(m) for m in meetings.order_by("date", "start_time", "pk")],
        "motions": [_motion(d) for d in decisions],
        "vote_events": vote_events,
        "votes": [vote for event in vote_events for vote in event["votes"]],
        "counts": [{"vote_event_id": event["id"], **count} for event in vote_events for count in event["counts"]],
    }
