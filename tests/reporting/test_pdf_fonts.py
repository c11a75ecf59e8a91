"""Same data, same bytes: the PDFs use only the fonts shipped with the project, and no name prints as a box."""

import datetime as dt
import hashlib
import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from django.conf import settings
from django.db import connection

from partnerships.pdf import FONTS_CSS, html_to_pdf
from reporting.models import Kind
from reporting.services import report_document, report_pdf
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, PersonFactory
from tests.pdfcheck import characters_printed_as_boxes, check_structure, font_names

# Names as a register might hold them: (first name, last name, organisation).
NAMES = [
    ("Siôn", "ap Gwŷn", "Cyngor Sir Ŵyr"),  # Welsh
    ("Łucja", "Żółkiewska-Brzęczyszczykiewicz", "Gmina Łańcut, Poznań"),  # Polish
    ("Seán", "Ó Máille", "Comhairle Contae na Gaillimhe"),  # Irish
    ("Adéṣínà", "Ọláolúwa", "Ẹgbẹ́ Ọ̀rẹ́ Ìlú Ṣàgámù"),  # Yoruba, with combining marks
    ("Αλέξανδρος", "Παπαδόπουλος", "Δήμος Αθηναίων"),  # Greek
    ("Дмитрий", "Иванов-Щукин", "Ассоциация «Ёлка»"),  # Cyrillic
    ("محمد", "عبد الرحمن", "جمعية الجالية"),  # Arabic
    ("王小明", "陳", "剑桥华人社区协会"),  # Chinese, simplified and traditional
    ("Ifeoma", "Okafor 🌍", "Youth Voice 👩‍👩‍👧 ❤️"),  # Emoji, with a joiner sequence and a variation selector
]
ALL_TEXT = " ".join(" ".join(name) for name in NAMES)


@pytest.fixture
def register(db):
    partnership = PartnershipFactory(name="Riverside Strategic Partnership", short_name="RSP")
    for first, last, organisation in NAMES:
        person = PersonFactory(first_name=first, last_name=last, organisation=OrganisationFactory(name=organisation))
        MembershipFactory(partnership=partnership, person=person, start_date=dt.date(2022, 4, 1))
    return partnership


def _report(partnership) -> bytes:
    return report_pdf(kind=Kind.ANNUAL_UPDATE, partnership=partnership, year=2022, as_at=dt.date(2023, 3, 31))


def test_no_character_of_any_name_prints_as_a_box(register, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = _report(register)
    assert characters_printed_as_boxes(pdf, ALL_TEXT) == []
    assert not [r for r in caplog.records if ".notdef" in r.getMessage()]
    assert font_names(pdf) <= {
        "Noto-Sans",
        "Noto-Sans-Bold",
        "Noto-Sans-Italic",
        "Noto-Sans-Arabic",
        "Noto-Sans-Arabic-Bold",
        "Noto-Sans-SC",
        "Noto-Emoji",
    }
    assert {"Noto-Sans-Arabic", "Noto-Sans-SC", "Noto-Emoji"} <= font_names(pdf)


def test_the_glyph_check_finds_a_character_no_shipped_font_has(caplog):
    # Tibetan is not shipped: the check must see it, so that the test above can fail.
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = html_to_pdf('<html lang="bo"><title>Test</title><p>Tashi ༀ delek</p></html>')
    assert characters_printed_as_boxes(pdf, "Tashi ༀ delek") == ["ༀ"]
    assert any(".notdef" in record.getMessage() for record in caplog.records)


def test_a_font_installed_on_the_machine_is_never_used():
    # DejaVu Sans is installed here for other programs; asking for it by name still gives Noto.
    pdf = html_to_pdf(
        '<html lang="en-GB"><title>Test</title><p style="font-family: \'DejaVu Sans\', serif">Gwŷn ap Siôn</p></html>'
    )
    assert font_names(pdf) == {"Noto-Sans"}


def test_only_the_projects_own_files_are_fetched():
    outside = Path(settings.BASE_DIR, "README.md").as_uri()
    pdf = html_to_pdf(
        f'<html lang="en-GB"><title>Test</title><link rel="stylesheet" href="{outside}">'
        '<img src="http://example.org/x.png" alt="A chart"><p>Text</p></html>'
    )
    assert pikepdf.open(io.BytesIO(pdf)).pages


def test_the_report_is_dated_by_its_as_at_date_and_carries_no_clock_time(register):
    pdf = _report(register)
    document = pikepdf.open(io.BytesIO(pdf))
    assert str(document.docinfo["/CreationDate"]).startswith("D:20230331")
    assert str(document.docinfo["/ModDate"]).startswith("D:20230331")
    xmp = document.Root.Metadata.read_bytes().decode()
    assert "2023-03-31" in xmp
    assert dt.date.today().isoformat() not in xmp or dt.date.today() == dt.date(2023, 3, 31)


def test_two_renders_of_the_same_data_give_the_same_bytes(register):
    first = _report(register)
    second = _report(register)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_the_same_html_gives_the_same_bytes_on_a_machine_with_other_fonts(register, tmp_path):
    """Another process whose Fontconfig knows no fonts at all, as on a bare server, makes the same file."""
    html = report_document(kind=Kind.ANNUAL_UPDATE, partnership=register, year=2022, as_at=dt.date(2023, 3, 31))
    here = html_to_pdf(html)
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path) + "</cachedir></fontconfig>")
    environment = {
        **os.environ,
        "FONTCONFIG_FILE": str(empty),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "true",
        "PYTHONPATH": str(settings.BASE_DIR),
    }
    script = (
        "import sys, django; django.setup(); from partnerships.pdf import html_to_pdf; "
        "sys.stdout.buffer.write(html_to_pdf(sys.stdin.read()))"
    )
    there = subprocess.run(
        [sys.executable, "-c", script], input=html.encode(), capture_output=True, env=environment, check=True
    ).stdout
    assert hashlib.sha256(there).hexdigest() == hashlib.sha256(here).hexdigest()


def test_the_report_pdf_is_tagged_with_headings_in_order_table_headers_and_its_language(register):
    assert check_structure(_report(register)) == []


def test_the_structure_check_sees_a_skipped_heading_and_a_figure_without_alt_text():
    pdf = html_to_pdf(
        '<html lang="en-GB"><title>Test</title><h1>One</h1><h3>Three</h3>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><table><tr><td>x</td></tr></table></html>'
    )
    problems = check_structure(pdf)
    assert "heading H3 follows H1: a level is skipped" in problems
    assert "a table has no header cells" in problems


def test_the_shipped_fonts_are_small_and_licensed():
    folder = FONTS_CSS.parent
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    assert size < 10 * 1024 * 1024
    for family in ("noto-sans", "noto-sans-arabic", "noto-sans-sc", "noto-emoji"):
        assert "SIL Open Font License" in (folder / family / "OFL.txt").read_text()
    assert "@fontsource/noto-sans " in Path(settings.BASE_DIR, "static/vendor/VERSIONS").read_text()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares PostgreSQL with SQLite")
def test_postgresql_and_sqlite_give_the_same_bytes(register, tmp_path):
    """The same records on PostgreSQL here and on SQLite in another process make the same file."""
    here = hashlib.sha256(_report(register)).hexdigest()
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment["RT_PDF_HASH_FILE"] = str(tmp_path / "hash")
    subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", f"{__file__}::test_write_the_report_hash"],
        env=environment,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "hash").read_text() == here


@pytest.mark.skipif("RT_PDF_HASH_FILE" not in os.environ, reason="run by the PostgreSQL comparison")
def test_write_the_report_hash(register):
    Path(os.environ["RT_PDF_HASH_FILE"]).write_text(hashlib.sha256(_report(register)).hexdigest())
