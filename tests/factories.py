"""Test data factories shared by every app's tests."""

import datetime as dt
from decimal import Decimal

import factory
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from partnerships.models import (
    Budget,
    Contribution,
    FundingAward,
    Interest,
    Membership,
    Organisation,
    OrganisationClerk,
    Partnership,
    PartnershipOfficer,
    Person,
)

# The authenticator-app secret of every test login: tests work out the current code from it.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.LazyAttribute(lambda u: u.username)
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def second_factor(user, create, extracted, **kwargs):
        """Every test login has an authenticator app unless asked not to (second_factor=False)."""
        if create and extracted is not False:
            Authenticator.objects.get_or_create(
                user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": TEST_TOTP_SECRET}}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    sector = Organisation.Sector.PUBLIC


class CouncilFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Borough Council {n}")
    slug = factory.Sequence(lambda n: f"borough-council-{n}")
    is_council = True


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    job_title = "Director"
    organisation = factory.SubFactory(OrganisationFactory)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    short_name = factory.Sequence(lambda n: f"P{n}")
    is_public = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.LazyAttribute(lambda m: m.person.organisation)
    role = Membership.Role.MEMBER
    is_voting = factory.LazyAttribute(lambda m: m.role in Membership.VOTING_ROLES)
    start_date = dt.date(2022, 1, 1)


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    partnership = factory.SubFactory(PartnershipFactory)
    year = 2022
    amount = Decimal("14000")


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    year = 2023
    amount = Decimal("5000")


class FundingAwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingAward

    partnership = factory.SubFactory(PartnershipFactory)
    funder = "Innovate UK"
    amount = Decimal("75000")
    year = 2022


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    person = factory.SubFactory(PersonFactory)
    kind = Interest.Kind.EMPLOYMENT
    description = "Trustee of a local charity"
    registered_on = dt.date(2023, 1, 1)


def make_officer(partnership, **kwargs):
    user = UserFactory(**kwargs)
    PartnershipOfficer.objects.create(user=user, partnership=partnership)
    return user


def make_clerk(organisation, **kwargs):
    user = UserFactory(**kwargs)
    OrganisationClerk.objects.create(user=user, organisation=organisation)
    return user
