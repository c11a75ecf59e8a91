"""Who sits where: organisations, people, partnerships, memberships, money and interests.

One module a feature; every model is importable from here, as Django and the migrations expect."""

# The job platform's own records (the email outbox, the service heartbeats) and home-page visits live beside it.
from ..jobs import ServiceHeartbeat
from ..outbox import OutboundEmail
from ..visits import HomeVisit
from .base import (
    Versioned,
    financial_year_bounds,
    financial_year_end,
    financial_year_label,
    financial_year_of,
    financial_year_start,
    lines,
    unique_slug,
)
from .money import Budget, Contribution, FundingAward
from .officers import FormSubmission, OrganisationClerk, PartnershipOfficer
from .register import Organisation, Partnership, PartnershipQuerySet, Person
from .seats import Interest, Membership, MembershipQuerySet, Participation, ParticipationQuerySet

__all__ = [
    "financial_year_label",
    "financial_year_of",
    "financial_year_start",
    "financial_year_end",
    "financial_year_bounds",
    "unique_slug",
    "lines",
    "Versioned",
    "Organisation",
    "Person",
    "PartnershipQuerySet",
    "Partnership",
    "MembershipQuerySet",
    "Membership",
    "ParticipationQuerySet",
    "Participation",
    "Interest",
    "Budget",
    "Contribution",
    "FundingAward",
    "PartnershipOfficer",
    "OrganisationClerk",
    "FormSubmission",
    "OutboundEmail",
    "ServiceHeartbeat",
    "HomeVisit",
]
