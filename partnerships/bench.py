"""Pages of the partnership register measured by `make bench`."""

import statistics
import time

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from .models import Membership, Partnership, PartnershipOfficer

SIGN_IN_RUNS = 5


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


def measures(context, users) -> dict:
    """Signing in: the server time of the login form's POST, most of it the Argon2id check of the password."""
    from django.contrib.auth.hashers import get_hasher

    password = "a long bench passphrase"
    user, _ = get_user_model().objects.get_or_create(
        username="bench-sign-in@example.org", defaults={"email": "bench-sign-in@example.org"}
    )
    user.set_password(password)
    user.save()
    timings, cpu = [], []
    for _ in range(SIGN_IN_RUNS):
        client = Client()
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.post(reverse("account_login"), {"login": user.email, "password": password})
        timings.append((time.perf_counter() - started) * 1000)
        # On shared cores the wall time is mostly waiting; the CPU time is what the sign-in itself costs.
        cpu.append((time.process_time() - cpu_started) * 1000)
        if response.status_code != 302:
            return {"sign_in_error": f"the login form answered {response.status_code}"}
    hasher = get_hasher()
    user.refresh_from_db()
    started = time.perf_counter()
    for _ in range(SIGN_IN_RUNS):
        hasher.verify(password, user.password)
    return {
        "sign_in_hasher": f"{hasher.algorithm} t={hasher.time_cost} m={hasher.memory_cost}KiB p={hasher.parallelism}",
        "sign_in_hash_check_ms": round((time.perf_counter() - started) * 1000 / SIGN_IN_RUNS, 1),
        "sign_in_server_median_ms": round(statistics.median(timings), 1),
        "sign_in_server_max_ms": round(max(timings), 1),
        "sign_in_server_cpu_median_ms": round(statistics.median(cpu), 1),
    }
