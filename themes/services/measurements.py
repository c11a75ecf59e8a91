"""Measurements from a CSV file, each row checked by a form before any is saved."""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from simple_history.utils import bulk_create_with_history

from partnerships import fragments

from ..charts import charts_draw
from ..forms import MAX_CELL_CHARACTERS, MeasurementRowForm
from ..models import Framework, Indicator, Measurement

CSV_COLUMNS = ["indicator", "date", "value"]
OPTIONAL_COLUMNS = ["note"]
MAX_IMPORT_ROWS = 20000


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _sentence(problems: list[str]) -> str:
    message = "; ".join(problems)
    return message[0].upper() + message[1:] + "."


def _open_csv(upload) -> csv.DictReader | tuple[int, str]:
    """A reader over the file with its columns named, or the one problem that stops it being read."""
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return 0, "The file is not a CSV file saved as UTF-8 text. Save it as 'CSV UTF-8' and try again."
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS if c not in headers]
    unknown = [h for h in headers if h not in CSV_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"it has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}")
        if unknown:
            problems.append(f"it has columns we do not recognise: {', '.join(unknown)}")
        return 1, (
            f"The first row must name the columns indicator, date, value and optionally note; {' and '.join(problems)}."
        )
    reader.fieldnames = headers
    return reader


def _rows(reader: csv.DictReader, errors: list[tuple[int, str]]):
    """(row number, cells) for each row with something in it; a row that cannot be read ends the file."""
    number = 1
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            errors.append((number, "The row could not be read: a cell is too long or has a stray character."))
            return
        if number > MAX_IMPORT_ROWS + 1:
            errors.append((number, f"The file has more than {MAX_IMPORT_ROWS:,} rows. Split it into smaller files."))
            return
        if any(isinstance(value, str) and value.strip() for value in row.values()):
            yield number, row


class _Rows:
    """Checks rows one by one against the framework's indicators and the measurements already held."""

    def __init__(self, framework: Framework):
        self.framework = framework
        self.indicators = {i.code: i for i in framework.indicators.all()}
        self.existing = set(
            Measurement.objects.filter(indicator__framework=framework).values_list("indicator_id", "measured_on")
        )
        self.seen: dict[tuple[int, dt.date], int] = {}

    def check(self, number: int, row: dict) -> Measurement | str:
        """The measurement the row holds, or what is wrong with it in one sentence."""
        if any(isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS for value in row.values()):
            return f"A cell is longer than {MAX_CELL_CHARACTERS:,} characters."
        form = MeasurementRowForm(row, indicators=self.indicators, framework_name=self.framework.name)
        if not form.is_valid():
            return _sentence(form.problems())
        indicator, measured_on = form.cleaned_data["indicator"], form.cleaned_data["date"]
        key = (indicator.pk, measured_on)
        if key in self.seen:
            return _sentence(
                [f"{indicator.code} has another value for {measured_on:%-d %B %Y} on row {self.seen[key]}"]
            )
        if key in self.existing:
            return _sentence(
                [
                    f"{indicator.code} already has a measurement for {measured_on:%-d %B %Y}; "
                    "change that one on the indicator's page"
                ]
            )
        self.seen[key] = number
        return Measurement(
            indicator=indicator,
            measured_on=measured_on,
            value=form.cleaned_data["value"],
            note=form.cleaned_data["note"],
        )


def measurements_import(*, framework: Framework, upload) -> ImportResult:
    """Measurements from a CSV file (indicator, date, value[, note]); every row is checked, and if any is
    wrong nothing is saved, so a corrected file can simply be uploaded again."""
    result = ImportResult()
    reader = _open_csv(upload)
    if isinstance(reader, tuple):
        result.errors.append(reader)
        return result
    checker = _Rows(framework)
    measurements = []
    for number, row in _rows(reader, result.errors):
        checked = checker.check(number, row)
        if isinstance(checked, Measurement):
            measurements.append(checked)
        else:
            result.errors.append((number, checked))
    if not measurements and not result.errors:
        result.errors.append((0, "The file has no measurements in it."))
    if result.errors:
        return result
    with transaction.atomic():
        bulk_create_with_history(measurements, Measurement, batch_size=500)
        Indicator.objects.filter(pk__in={m.indicator_id for m in measurements}).update(version=F("version") + 1)
    # Bulk writes send no save signals: the dashboards drawn from these tables are made again.
    fragments.changed(Measurement, Indicator)
    charts_draw(indicator_ids={m.indicator_id for m in measurements})
    result.created = len(measurements)
    return result


def measurement_add(*, measurement: Measurement) -> Measurement:
    """Add one measurement; the indicator moves on a version, so a page open on the old figures is told."""
    with transaction.atomic():
        measurement.save()
        Indicator.objects.filter(pk=measurement.indicator_id).update(version=F("version") + 1)
    charts_draw(indicator_ids=[measurement.indicator_id])
    return measurement


def measurement_remove(*, measurement: Measurement) -> None:
    measurement.delete()
    charts_draw(indicator_ids=[measurement.indicator_id])
