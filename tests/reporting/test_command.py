import pytest
from django.core.management import CommandError, call_command

from .conftest import flat, pdf_text


def test_render_report_writes_the_osp_annual_update(demo_data, tmp_path):
    output = tmp_path / "osp.pdf"
    call_command(
        "render_report",
        "annual-update",
        "--partnership",
        "oxford-strategic-partnership",
        "--year",
        "2022",
        "--output",
        str(output),
    )
    text = flat(pdf_text(output.read_bytes()))
    assert "Appendix 1: Oxford Strategic Partnership Membership – March 2023" in text


def test_render_report_writes_the_cambridge_review(demo_data, tmp_path):
    output = tmp_path / "cambridge.pdf"
    call_command(
        "render_report",
        "council-review",
        "--organisation",
        "cambridge-city-council",
        "--year",
        "2023",
        "--output",
        str(output),
    )
    assert "Total £65,000" in flat(pdf_text(output.read_bytes()))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["annual-update", "--year", "2022"], "An annual update needs --partnership SLUG."),
        (["annual-update", "--partnership", "nowhere", "--year", "2022"], "No partnership has the slug 'nowhere'."),
        (["council-review", "--year", "2022"], "A council review needs --organisation SLUG."),
    ],
)
def test_render_report_explains_what_is_missing(db, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("render_report", *args, "--output", str(tmp_path / "x.pdf"))


def test_the_demonstration_reports_are_made_once_however_often_the_demo_is_loaded(
    db, django_capture_on_commit_callbacks
):
    from partnerships import demo as register_demo
    from reporting import demo
    from reporting.models import Report

    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            demo.seed(register_demo.seed())
    assert Report.objects.count() == 2
    assert set(Report.objects.values_list("status", flat=True)) == {Report.Status.DONE}
    assert Report.objects.published().count() == 2
