"""Logins given from a partnership's pages: a person's login, officer and clerk rights, and the invitation.

The invitation's link is allauth's own password-reset link: it works once, expires with allauth's reset
links, and lets the person choose a password, after which they sign in (with a second factor where
their role needs one). It goes through the outbox, so it is sent once however often the button is pressed.
"""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Organisation, OrganisationClerk, Partnership, PartnershipOfficer, Person
from .outbox import email_queue


def _login_for(person: Person, email: str):
    """The person's login, or one made (or an unattached one found) for this address."""
    User = get_user_model()
    if person.user_id:
        if person.user.email.lower() != email.lower():
            raise ValidationError({"email": f"{person} already signs in as {person.user.email}: invite them there."})
        return person.user, False
    existing = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if existing is not None:
        if existing.is_superuser or existing.is_staff:
            raise ValidationError({"email": "That address is an administrator's login: use another."})
        if Person.objects.filter(user=existing).exists():
            raise ValidationError({"email": "That address is already the login of someone else in the register."})
        return existing, False
    user = User(username=email, email=email)
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"primary": True, "verified": False})
    return user, True


def invitation_link(user) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def login_invite(
    *,
    person: Person,
    partnership: Partnership,
    email: str,
    make_officer: bool = False,
    clerk_of: Organisation | None = None,
    by=None,
) -> tuple[object, list[str]]:
    """Give a person a login and the rights asked for, and queue the invitation; returns (login, rights given)."""
    user, created = _login_for(person, email)
    if person.user_id != user.pk:
        person.user = user
        person.save(update_fields=["user"])
    given = []
    if make_officer and PartnershipOfficer.objects.get_or_create(user=user, partnership=partnership)[1]:
        given.append(f"officer of {partnership.name}")
    if clerk_of is not None and OrganisationClerk.objects.get_or_create(user=user, organisation=clerk_of)[1]:
        given.append(f"clerk of {clerk_of}")
    held = [f"officer of {partnership.name}"] if user.officer_roles.filter(partnership=partnership).exists() else []
    held += [f"clerk of {role.organisation}" for role in user.clerk_roles.select_related("organisation")]
    body = render_to_string(
        "partnerships/email/invitation.txt",
        {
            "person": person,
            "partnership": partnership,
            "by": by,
            "given": held,
            "link": invitation_link(user) if created or not user.has_usable_password() else "",
            "sign_in": settings.SITE_URL.rstrip("/") + reverse("account_login"),
        },
    )
    email_queue(
        # Once a day for the same login, partnership and rights, however often the button is pressed.
        key=f"invitation:{partnership.pk}:{user.pk}:{timezone.localdate().isoformat()}:{'+'.join(held)}"[:300],
        to=user.email or email,
        subject=f"Your Roundtable login for {partnership.name}",
        body=body,
    )
    return user, given
