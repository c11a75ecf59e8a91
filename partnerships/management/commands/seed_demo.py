import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from partnerships import demo, fragments
from partnerships.models import Organisation, OrganisationClerk, PartnershipOfficer, Person

# Each app's demonstration data, in <app>/demo.py with seed(partnerships), in the order the apps build on each other.
APPS_WITH_DEMO_DATA = ["meetings", "themes", "taskgroups", "reporting"]
# Then each carries its records on from the documents' years to today, in <app>/demo_present.py with
# seed(partnerships, today=...): today is the day the command runs, so the demonstration never goes stale.
APPS_CARRIED_TO_TODAY = ["partnerships", "meetings", "themes", "reporting"]

DEMO_PASSWORD = "roundtable-demo"
# The demonstration logins that must use a second factor share this authenticator-app secret. It is
# public, like the password: these logins exist only on a machine where DEBUG is on.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"
NEEDS_SECOND_FACTOR = {"admin", "officer", "clerk", "cambridge_clerk"}
DEMO_USERS = [
    # email, what it shows, how it is set up
    ("admin@roundtable.example", "administrator: sees and edits everything", "admin"),
    ("officer@roundtable.example", "officer of the Oxford Strategic Partnership and its sub-groups", "officer"),
    ("member@roundtable.example", "member: Paul James, chair of the OSP", "member"),
    ("observer@roundtable.example", "observer: Cllr Chris Smowton, no vote on the OSP", "observer"),
    ("clerk@roundtable.example", "clerk of Oxford City Council", "clerk"),
    ("cambridge.clerk@roundtable.example", "clerk of Cambridge City Council", "cambridge_clerk"),
]


def current_demo_code() -> str:
    """The code an authenticator app set up with the demonstration secret shows right now."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, next(iter(yield_hotp_counters_from_time()))))


class Command(BaseCommand):
    help = "Load the partnerships of the source documents. Safe to run again: it updates rather than duplicates."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-users", action="store_true", help="Also create one login per role (only when DEBUG is on)."
        )

    def handle(self, *args, with_demo_users=False, **options):
        if with_demo_users and not settings.DEBUG:
            raise CommandError("Demonstration logins have a published password: they are refused when DEBUG is off.")
        with transaction.atomic():
            partnerships = demo.seed()
            for app in APPS_WITH_DEMO_DATA:
                importlib.import_module(f"{app}.demo").seed(partnerships)
            if with_demo_users:
                self._users(partnerships)
            today = timezone.localdate()
            for app in APPS_CARRIED_TO_TODAY:
                importlib.import_module(f"{app}.demo_present").seed(partnerships, today=today)
        # The loaders write some rows in bulk, which no save signal reports: nothing kept may outlive them.
        fragments.changed_everything()
        self.stdout.write(
            self.style.SUCCESS(f"Demonstration data loaded: {len(partnerships)} partnerships and their records.")
        )

    def _users(self, partnerships):
        User = get_user_model()
        osp = partnerships["osp"]
        self.stdout.write(f"\nDemonstration logins (password for all: {DEMO_PASSWORD})")
        for email, description, kind in DEMO_USERS:
            user, created = User.objects.get_or_create(username=email, defaults={"email": email})
            if created:
                user.set_password(DEMO_PASSWORD)
            user.email = email
            user.is_superuser = user.is_staff = kind == "admin"
            user.save()
            from allauth.account.models import EmailAddress

            EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
            if kind == "officer":
                PartnershipOfficer.objects.get_or_create(user=user, partnership=osp)
            elif kind == "member":
                Person.objects.filter(user=user).exclude(first_name="Paul", last_name="James").update(user=None)
                Person.objects.filter(first_name="Paul", last_name="James").update(user=user)
            elif kind == "observer":
                Person.objects.filter(first_name="Chris", last_name="Smowton").update(user=user)
            elif kind == "clerk":
                OrganisationClerk.objects.get_or_create(
                    user=user, organisation=Organisation.objects.get(name="Oxford City Council")
                )
            elif kind == "cambridge_clerk":
                OrganisationClerk.objects.get_or_create(
                    user=user, organisation=Organisation.objects.get(name="Cambridge City Council")
                )
            if kind in NEEDS_SECOND_FACTOR:
                from allauth.mfa.models import Authenticator

                Authenticator.objects.update_or_create(
                    user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": DEMO_TOTP_SECRET}}
                )
            self.stdout.write(f"  {email:<38} {description}")
        self.stdout.write(
            "\nAdministrator, officer and clerks sign in with a second factor. Add this secret to an authenticator"
            f" app: {DEMO_TOTP_SECRET}\nor print the current code with: python manage.py demo_code"
            f" (now: {current_demo_code()})"
        )
