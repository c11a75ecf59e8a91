"""Lists and dashboards keep the same number of queries however much data there is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships import dataset
from partnerships.models import Membership, Participation, PartnershipOfficer
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, UserFactory

PAGES = [
    ("home", lambda p, m: reverse("home")),
    ("partnership_list", lambda p, m: reverse("partnerships:partnership_list")),
    ("partnership_detail", lambda p, m: reverse("partnerships:partnership_detail", args=[p.slug])),
    ("partnership_tree", lambda p, m: reverse("partnerships:partnership_tree", args=[p.slug])),
    ("membership_list", lambda p, m: reverse("partnerships:membership_list", args=[p.slug])),
    (
        "membership_list_as_at",
        lambda p, m: reverse("partnerships:membership_list", args=[p.slug]) + "?as_at=2019-01-01",
    ),
    ("partnership_money", lambda p, m: reverse("partnerships:partnership_money", args=[p.slug])),
    ("partnership_edit", lambda p, m: reverse("partnerships:partnership_edit", args=[p.slug])),
    ("organisation_list", lambda p, m: reverse("partnerships:organisation_list")),
    ("organisation_detail", lambda p, m: reverse("partnerships:organisation_detail", args=[m.organisation.slug])),
    ("person_list", lambda p, m: reverse("partnerships:person_list")),
    ("person_detail", lambda p, m: reverse("partnerships:person_detail", args=[m.person_id])),
]


def count_queries(client, url) -> int:
    client.get(url)  # warm the per-process caches (content types, sessions)
    cache.clear()  # the page worked out afresh: what is cached is counted in test_fragments
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_data(client):
    """Guards against a query per row (N+1) on every list and detail page of the register."""
    officer = UserFactory()
    client.force_login(officer)
    counts = {}
    for scale, seed in ((0.05, 1), (0.4, 2)):
        context = dataset.generate(scale, seed=seed)
        busiest = max(context["partnerships"], key=lambda p: Membership.objects.filter(partnership=p).count())
        PartnershipOfficer.objects.get_or_create(user=officer, partnership=busiest)
        membership = Membership.objects.filter(partnership=busiest).first()
        counts[scale] = {name: count_queries(client, page(busiest, membership)) for name, page in PAGES}
    assert counts[0.05] == counts[0.4]


@pytest.mark.django_db
def test_the_partnership_page_query_count_is_pinned(client, cast, django_assert_num_queries):
    """Guards the partnership page against a query per seat, sub-group or warning.

    Session, user, access (4), partnership, its host organisation, seats, seats held by office or vacant and member organisations,
    sub-groups, reports-to, budgets, then the themes app's overdue reports and the task-and-finish groups'
    warnings.
    """
    client.force_login(cast.users["officer"])
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    client.get(url)
    cache.clear()
    with django_assert_num_queries(15):
        client.get(url)
    for number in range(5):
        MembershipFactory(partnership=cast.partnership)
        PartnershipFactory(parent=cast.partnership, name=f"Riverside group {number}")
        Participation.objects.create(
            partnership=cast.partnership,
            organisation=OrganisationFactory(),
            kind=Participation.Kind.VACANT if number % 2 else Participation.Kind.MEMBER_ORGANISATION,
        )
    cache.clear()
    with django_assert_num_queries(15):
        client.get(url)
