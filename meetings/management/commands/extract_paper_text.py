"""Take the text of stored papers that have none yet, so search can find papers uploaded before it read them."""

from django.core.management.base import BaseCommand

from meetings.models import PaperVersion
from meetings.paper_text import extract_text


class Command(BaseCommand):
    help = "Extract the text of every stored paper version that has none (or of all of them, with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Extract again even where text is already stored.")

    def handle(self, *args, **options):
        versions = PaperVersion.objects.only("pk", "file", "text").order_by("pk")
        if not options["all"]:
            versions = versions.filter(text="")
        done = missing = 0
        for version in versions.iterator(chunk_size=200):
            try:
                with version.file.open("rb") as file:
                    text = extract_text(file)
            except OSError:
                missing += 1
                continue
            if text != version.text:
                PaperVersion.objects.filter(pk=version.pk).update(text=text)
            done += 1
        self.stdout.write(f"Read {done} paper versions; {missing} had no stored file.")
