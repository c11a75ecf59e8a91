"""Loading the demonstration with its logins, and the generated dataset: each on a database of its own."""

import pytest
from django.core.management import CommandError, call_command

from partnerships.models import Membership, Partnership


def test_demonstration_logins_are_refused_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refused when DEBUG is off"):
        call_command("seed_demo", "--with-demo-users", verbosity=0)


def test_demonstration_logins_have_their_roles(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", "--with-demo-users", verbosity=0)
    from django.contrib.auth import get_user_model

    from partnerships.access import get_access

    users = {u.email: u for u in get_user_model().objects.all()}
    osp = Partnership.objects.get(short_name="OSP")
    assert get_access(users["officer@roundtable.example"]).can_edit(osp)
    assert get_access(users["member@roundtable.example"]).can_read(osp)
    assert not get_access(users["member@roundtable.example"]).can_edit(osp)
    assert get_access(users["clerk@roundtable.example"]).can_read(osp)
    cambridge = get_access(users["cambridge.clerk@roundtable.example"])
    assert cambridge.can_read(Partnership.objects.get(slug="innovate-cambridge"))
    assert (
        not cambridge.can_read(Partnership.objects.get(slug="stronger-communities-board"))
        or Partnership.objects.get(slug="stronger-communities-board").is_public
    )


def test_generate_dataset_at_a_small_scale(db):
    call_command("generate_dataset", "--scale", "0.1", verbosity=0)
    assert Partnership.objects.count() >= 5
    assert Membership.objects.filter(end_date__isnull=False).exists()
