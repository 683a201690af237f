"""The fast .xlsx reader gives pyxform exactly what pyxform's own reader gives."""

from __future__ import annotations

import dataclasses
import time

import pytest

from assetmap.survey.xlsx_fast import read_xlsform
from tests.conftest import SHARED

EXAMPLES = sorted((SHARED / "xlsform-examples").rglob("*.xlsx"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_same_sheets_as_pyxform(path):
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_xlsform

    try:
        theirs = dataclasses.asdict(get_xlsform(str(path)))
    except PyXFormError as exc:  # a broken example: ours must refuse it the same way
        with pytest.raises(PyXFormError, match=str(exc)[:30]):
            read_xlsform(path)
        return
    ours = read_xlsform(path)
    assert ours is not None
    theirs.pop("fallback_form_name")
    assert {k: v for k, v in theirs.items() if v is not None} == ours


def test_examples_are_there():
    assert len(EXAMPLES) >= 20


def test_100000_choices_install(tmp_path):
    """Not a timing assertion: the form must be read by the fast path (the speed is in bench)."""
    import openpyxl

    from assetmap.project import Project
    from assetmap.survey import xlsform
    from assetmap.survey.store import SurveyStore

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    ws.append(["select_one places", "place", "Place"])
    ws.append(["select_one asset_type", "asset_type", "Type"])
    ws.append(["geopoint", "location", "Location"])
    ch = wb.create_sheet("choices")
    ch.append(["list_name", "name", "label"])
    for i in range(40):
        ch.append(["asset_type", f"t{i}", f"Type {i}"])
    for i in range(100_000):
        ch.append(["places", f"p{i}", f"Place {i}"])
    wb.save(tmp_path / "big.xlsx")
    form = xlsform.load_form(tmp_path / "big.xlsx")
    assert len(form.question("place").choices) == 100_000
    project = Project.create(tmp_path / "p.gpkg")
    SurveyStore(project).install_form(form)
    info = next(i for i in project.layers() if i.name.startswith("survey_"))
    assert len(info.style["categories"]) == 32  # every colour-and-symbol pair, then "other"
    assert SurveyStore(project).form(form.form_id) == form
