"""Pages of the partnership register measured by `make bench`."""

from django.urls import reverse

from .models import Membership, Partnership, PartnershipOfficer


def pages(context, users) -> list[tuple[str, str, object]]:
    """(name, url, user) for each page; the busiest partnership is the one measured."""
    busiest = max(context["partnerships"], key=lambda p: Membership.objects.filter(partnership=p).count())
    PartnershipOfficer.objects.get_or_create(user=users["officer"], partnership=busiest)
    member = Membership.objects.filter(partnership=busiest).select_related("person", "organisation").first()
    organisation = member.organisation
    person = member.person
    public = Partnership.objects.filter(is_public=True).order_by("pk").first()
    return [
        ("home", reverse("home"), users["officer"]),
        ("home_public", reverse("home"), None),
        ("partnership_list", reverse("partnerships:partnership_list"), users["officer"]),
        ("partnership_list_public", reverse("partnerships:partnership_list"), None),
        ("partnership_detail", reverse("partnerships:partnership_detail", args=[busiest.slug]), users["officer"]),
        ("partnership_detail_public", reverse("partnerships:partnership_detail", args=[public.slug]), None),
        ("partnership_tree", reverse("partnerships:partnership_tree", args=[busiest.slug]), users["officer"]),
        ("partnership_edit", reverse("partnerships:partnership_edit", args=[busiest.slug]), users["officer"]),
        ("membership_list", reverse("partnerships:membership_list", args=[busiest.slug]), users["officer"]),
        (
            "membership_list_as_at",
            reverse("partnerships:membership_list", args=[busiest.slug]) + "?as_at=2018-06-30",
            users["officer"],
        ),
        (
            "membership_add_search",
            reverse("partnerships:membership_add", args=[busiest.slug]) + "?q=Family1",
            users["officer"],
        ),
        ("partnership_money", reverse("partnerships:partnership_money", args=[busiest.slug]), users["officer"]),
        ("partnership_history", reverse("partnerships:partnership_history", args=[busiest.slug]), users["officer"]),
        ("organisation_list", reverse("partnerships:organisation_list"), users["officer"]),
        (
            "organisation_detail",
            reverse("partnerships:organisation_detail", args=[organisation.slug]),
            users["officer"],
        ),
        ("person_list", reverse("partnerships:person_list"), users["officer"]),
        ("person_detail", reverse("partnerships:person_detail", args=[person.pk]), users["officer"]),
    ]


def largest_partnership(context) -> Partnership:
    return max(context["partnerships"], key=lambda p: Membership.objects.filter(partnership=p).count())
