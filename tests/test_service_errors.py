"""Services refuse one way: an error that is a RuleBroken, its message the reason a person reads."""

import ast
from pathlib import Path

from django.conf import settings

from meetings.services import MeetingRuleBroken
from partnerships.errors import RuleBroken
from reporting.services import ReportRefused
from themes.services import PlanNotEditable, ReportAlreadySubmitted


def test_each_app_names_its_own_kind_of_refusal():
    for error in (MeetingRuleBroken, ReportRefused, PlanNotEditable, ReportAlreadySubmitted):
        assert issubclass(error, RuleBroken), error


def test_no_service_module_invents_another_kind_of_error():
    base = Path(settings.BASE_DIR)
    found = []
    for path in [*base.glob("*/services.py"), *base.glob("*/services/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id in ("Exception", "ValueError", "RuntimeError") for b in node.bases
            ):
                found.append(f"{path.relative_to(base)}: {node.name}")
    assert not found, found
