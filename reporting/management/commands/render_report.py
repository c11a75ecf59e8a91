import datetime as dt
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnerships.models import Organisation, Partnership

from ...models import Kind, default_as_at
from ...services import report_pdf

KINDS = {"annual-update": Kind.ANNUAL_UPDATE, "council-review": Kind.COUNCIL_REVIEW}


class Command(BaseCommand):
    help = (
        "Make a report's PDF from the records, as the background job does. "
        "annual-update --partnership SLUG --year YYYY, or council-review --organisation SLUG --year YYYY."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("--partnership", help="The partnership's slug, for an annual update.")
        parser.add_argument("--organisation", help="The council's slug, for a council review.")
        parser.add_argument("--year", type=int, required=True, help="The year the financial year starts: 2022.")
        parser.add_argument("--as-at", type=dt.date.fromisoformat, help="Date the data is as at (YYYY-MM-DD).")
        parser.add_argument("--output", required=True, help="Where to write the PDF.")

    def handle(self, *args, kind, partnership, organisation, year, as_at, output, **options):
        kind = KINDS[kind]
        subject = {}
        if kind == Kind.ANNUAL_UPDATE:
            if not partnership:
                raise CommandError("An annual update needs --partnership SLUG.")
            found = Partnership.objects.select_related("host_organisation", "parent").filter(slug=partnership).first()
            if found is None:
                raise CommandError(f"No partnership has the slug '{partnership}'.")
            subject["partnership"] = found
        else:
            if not organisation:
                raise CommandError("A council review needs --organisation SLUG.")
            found = Organisation.objects.filter(slug=organisation).first()
            if found is None:
                raise CommandError(f"No organisation has the slug '{organisation}'.")
            subject["organisation"] = found
        as_at = as_at or default_as_at(year)
        started = time.perf_counter()
        pdf = report_pdf(kind=kind, year=year, as_at=as_at, **subject)
        Path(output).write_bytes(pdf)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {output}: {len(pdf):,} bytes in {time.perf_counter() - started:.1f} s, data as at {as_at:%-d %B %Y}."
            )
        )
