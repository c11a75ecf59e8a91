from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from .seed_demo import current_demo_code


class Command(BaseCommand):
    help = "Print the current second-factor code of the demonstration logins (only when DEBUG is on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demonstration logins exist only when DEBUG is on.")
        self.stdout.write(current_demo_code())
