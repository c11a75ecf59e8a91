import importlib

from django.core.management.base import BaseCommand

from partnerships import dataset

# Each app may grow its own records in <app>/dataset.py with generate(context).
APPS_WITH_DATASETS = ["themes", "taskgroups", "meetings", "reporting"]


def generate_all(scale: float) -> dict:
    context = dataset.generate(scale)
    for app in APPS_WITH_DATASETS:
        importlib.import_module(f"{app}.dataset").generate(context)
    return context


class Command(BaseCommand):
    help = "Fill the database with a synthetic register: scale 1 is about 50 partnerships and 3,000 memberships."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1)

    def handle(self, *args, scale, **options):
        context = generate_all(scale)
        self.stdout.write(
            f"Generated {len(context['partnerships'])} partnerships and {len(context['people'])} people at scale {scale}."
        )
