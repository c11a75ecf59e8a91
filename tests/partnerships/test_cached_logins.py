"""The signed-in login is kept in the cache between visits, and read again as soon as any login changes."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse


def _signed_in(cast, role="officer"):
    client = Client()
    cast.client_for(client, role)
    return client


def test_a_signed_in_visit_reads_neither_its_session_nor_its_login(cast, django_assert_num_queries):
    client = _signed_in(cast)
    url = reverse("partnerships:partnership_list")
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_a_login_switched_off_is_signed_out_on_its_next_visit(cast):
    client = _signed_in(cast)
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    assert client.get(url).status_code == 200
    user = cast.users["officer"]
    user.is_active = False
    user.save()
    response = client.get(url)
    # Signed out, the visitor may not know the private partnership exists.
    assert response.status_code == 404 and not response.wsgi_request.user.is_authenticated


def test_a_new_password_signs_out_the_sessions_made_with_the_old_one(cast):
    client = _signed_in(cast)
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    assert client.get(url).status_code == 200
    user = get_user_model().objects.get(pk=cast.users["officer"].pk)
    user.set_password("another-long-password-for-riverside")
    user.save()
    response = client.get(url)
    assert response.status_code == 404 and not response.wsgi_request.user.is_authenticated


def test_a_removed_login_is_signed_out(cast):
    client = _signed_in(cast, "member")
    url = reverse("partnerships:partnership_detail", args=[cast.partnership.slug])
    assert client.get(url).status_code == 200
    get_user_model().objects.filter(pk=cast.users["member"].pk).delete()
    response = client.get(url)
    assert response.status_code == 404 and not response.wsgi_request.user.is_authenticated
