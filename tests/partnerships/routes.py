from django.urls import reverse

from partnerships.models import Participation
from tests.factories import BudgetFactory, ContributionFactory, FundingAwardFactory, InterestFactory, PersonFactory
from tests.matrix import ANY_OFFICER, EDIT, PUBLIC_PAGE, READ, SAME_AS_GET, SIGNED_IN, Route


def _slug(name):
    return lambda c: reverse(f"partnerships:{name}", args=[c.partnership.slug])


def _membership(name):
    return lambda c: reverse(f"partnerships:{name}", args=[c.membership.pk])


def _person(name):
    return lambda c: reverse(f"partnerships:{name}", args=[c.member_person.pk])


def _published(c):
    c.partnership.is_public = True
    c.partnership.save()
    return c.partnership


ROUTES = [
    Route("home", lambda c: reverse("home"), PUBLIC_PAGE),
    Route("healthz", lambda c: reverse("healthz"), PUBLIC_PAGE),
    Route("accessibility", lambda c: reverse("accessibility"), PUBLIC_PAGE),
    Route("privacy", lambda c: reverse("privacy"), PUBLIC_PAGE),
    Route("contact", lambda c: reverse("contact"), PUBLIC_PAGE),
    Route("readyz", lambda c: reverse("readyz"), PUBLIC_PAGE),
    Route("partnerships:partnership_list", lambda c: reverse("partnerships:partnership_list"), PUBLIC_PAGE),
    Route(
        "partnerships:partnership_create",
        lambda c: reverse("partnerships:partnership_create"),
        {**dict.fromkeys(EDIT, 403), "anonymous": 302, "admin": 200},
    ),
    Route(
        "partnerships:partnership_create",
        lambda c: reverse("partnerships:partnership_create") + f"?parent={c.partnership.slug}",
        EDIT,
        id="partnership_create_sub_group",
    ),
    Route("partnerships:partnership_detail", _slug("partnership_detail"), READ),
    Route("partnerships:interest_register", _slug("interest_register"), READ),
    Route(
        "partnerships:interest_register",
        lambda c: reverse("partnerships:interest_register", args=[_published(c).slug]),
        PUBLIC_PAGE,
        id="interest_register_public",
    ),
    Route("partnerships:partnership_edit", _slug("partnership_edit"), EDIT),
    Route("partnerships:partnership_tree", _slug("partnership_tree"), READ),
    Route("partnerships:partnership_history", _slug("partnership_history"), EDIT),
    Route("partnerships:membership_list", _slug("membership_list"), READ),
    Route("partnerships:membership_add", _slug("membership_add"), EDIT),
    Route("partnerships:participation_add", _slug("participation_add"), EDIT),
    Route("partnerships:membership_import", _slug("membership_import"), EDIT),
    Route("partnerships:memberships_end", _slug("memberships_end"), EDIT),
    Route("partnerships:membership_login", _membership("membership_login"), EDIT),
    Route(
        "partnerships:participation_edit",
        lambda c: reverse(
            "partnerships:participation_edit",
            args=[
                Participation.objects.get_or_create(partnership=c.partnership, organisation=c.council, kind="vacant")[
                    0
                ].pk
            ],
        ),
        EDIT,
    ),
    Route("partnerships:partnership_money", _slug("partnership_money"), READ),
    Route(
        "partnerships:money_add", lambda c: reverse("partnerships:money_add", args=[c.partnership.slug, "budget"]), EDIT
    ),
    Route(
        "partnerships:money_edit",
        lambda c: reverse(
            "partnerships:money_edit", args=[c.partnership.slug, "budget", BudgetFactory(partnership=c.partnership).pk]
        ),
        EDIT,
    ),
    Route(
        "partnerships:money_edit",
        lambda c: reverse(
            "partnerships:money_edit",
            args=[c.partnership.slug, "contribution", ContributionFactory(partnership=c.partnership).pk],
        ),
        EDIT,
        id="money_edit_contribution",
    ),
    Route(
        "partnerships:money_edit",
        lambda c: reverse(
            "partnerships:money_edit",
            args=[c.partnership.slug, "funding-award", FundingAwardFactory(partnership=c.partnership).pk],
        ),
        EDIT,
        id="money_edit_award",
    ),
    Route("partnerships:membership_edit", _membership("membership_edit"), EDIT),
    Route("partnerships:membership_end", _membership("membership_end"), EDIT),
    Route("partnerships:membership_history", _membership("membership_history"), EDIT),
    Route("partnerships:organisation_list", lambda c: reverse("partnerships:organisation_list"), SIGNED_IN),
    Route("partnerships:organisation_create", lambda c: reverse("partnerships:organisation_create"), ANY_OFFICER),
    Route(
        "partnerships:organisation_detail",
        lambda c: reverse("partnerships:organisation_detail", args=[c.council.slug]),
        SIGNED_IN,
    ),
    Route(
        "partnerships:organisation_edit",
        lambda c: reverse("partnerships:organisation_edit", args=[c.council.slug]),
        ANY_OFFICER,
    ),
    Route(
        "partnerships:organisation_history",
        lambda c: reverse("partnerships:organisation_history", args=[c.council.slug]),
        ANY_OFFICER,
    ),
    Route("partnerships:person_list", lambda c: reverse("partnerships:person_list"), ANY_OFFICER),
    Route("partnerships:person_create", lambda c: reverse("partnerships:person_create"), ANY_OFFICER),
    Route("partnerships:person_detail", _person("person_detail"), {**READ, "anonymous": 302}),
    Route(
        "partnerships:person_detail",
        lambda c: reverse("partnerships:person_detail", args=[PersonFactory().pk]),
        {**ANY_OFFICER, "member": 404, "observer": 404, "clerk": 404, "unrelated_clerk": 404},
        id="person_detail_without_seat",
    ),
    Route("partnerships:person_edit", _person("person_edit"), EDIT),
    Route("partnerships:person_history", _person("person_history"), EDIT),
    Route("partnerships:interest_add", _person("interest_add"), EDIT),
    Route(
        "partnerships:interest_edit",
        lambda c: reverse(
            "partnerships:interest_edit", args=[c.member_person.pk, InterestFactory(person=c.member_person).pk]
        ),
        EDIT,
    ),
    # Writes are checked as well as pages: a refused POST changes nothing.
    Route(
        "partnerships:membership_end",
        _membership("membership_end"),
        {**EDIT, "officer": 302, "admin": 302},
        method="post",
        data={"end_date_day": "1", "end_date_month": "1", "end_date_year": "2030", "version": "1"},
        id="membership_end_post",
    ),
    Route(
        "partnerships:partnership_edit",
        _slug("partnership_edit"),
        {**EDIT, "officer": 200, "admin": 200},
        method="post",
        data={"name": ""},
        id="partnership_edit_post",
    ),
]


# The same pages, POSTed with an empty form: writers get the form back with its errors (200), everyone
# else what the GET gets. tests/test_permission_matrix.py fails if a page takes a POST not listed here.
POSTS = {
    "money_edit_award": SAME_AS_GET,
    "money_edit_contribution": SAME_AS_GET,
    "partnership_create_sub_group": SAME_AS_GET,
    "partnerships:interest_add": SAME_AS_GET,
    "partnerships:interest_edit": SAME_AS_GET,
    "partnerships:membership_add": SAME_AS_GET,
    "partnerships:membership_edit": SAME_AS_GET,
    "partnerships:membership_import": SAME_AS_GET,
    "partnerships:membership_login": SAME_AS_GET,
    "partnerships:memberships_end": SAME_AS_GET,
    "partnerships:money_add": SAME_AS_GET,
    "partnerships:money_edit": SAME_AS_GET,
    "partnerships:organisation_create": SAME_AS_GET,
    "partnerships:organisation_edit": SAME_AS_GET,
    "partnerships:participation_add": SAME_AS_GET,
    "partnerships:participation_edit": SAME_AS_GET,
    "partnerships:partnership_create": SAME_AS_GET,
    "partnerships:person_create": SAME_AS_GET,
    "partnerships:person_edit": SAME_AS_GET,
}
