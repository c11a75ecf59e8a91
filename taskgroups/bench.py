"""Pages of the challenges programme and task-and-finish groups measured by `make bench`."""

from django.db.models import Count
from django.urls import reverse

from partnerships.models import PartnershipOfficer

from .models import TaskGroup


def pages(context, users) -> list[tuple[str, str, object]]:
    """The partnership with the most groups is the one measured; the officer looks after it and its sub-groups."""
    busiest_id = (
        TaskGroup.objects.values("partnership_id").annotate(n=Count("pk")).order_by("-n").first()["partnership_id"]
    )
    busiest = next(p for p in context["partnerships"] if p.pk == busiest_id)
    for partnership in context["partnerships"][:10] + [busiest]:
        PartnershipOfficer.objects.get_or_create(user=users["officer"], partnership=partnership)
    group = TaskGroup.objects.filter(partnership=busiest).annotate(n=Count("milestones")).order_by("-n").first()
    challenge = group.challenge
    return [
        ("taskgroups_challenge_list", reverse("taskgroups:challenge_list", args=[busiest.slug]), users["officer"]),
        (
            "taskgroups_challenge_list_filtered",
            reverse("taskgroups:challenge_list", args=[busiest.slug]) + "?show=all&order=stage",
            users["officer"],
        ),
        ("taskgroups_challenge_detail", reverse("taskgroups:challenge_detail", args=[challenge.pk]), users["officer"]),
        ("taskgroups_group_list", reverse("taskgroups:group_list", args=[busiest.slug]), users["officer"]),
        ("taskgroups_group_detail", reverse("taskgroups:group_detail", args=[group.pk]), users["officer"]),
        ("taskgroups_overview", reverse("taskgroups:overview"), users["officer"]),
        ("taskgroups_overview_admin", reverse("taskgroups:overview"), users["admin"]),
        (
            "taskgroups_partnership_detail",
            reverse("partnerships:partnership_detail", args=[busiest.slug]),
            users["officer"],
        ),
    ]
