"""The reference XLSForm converter's own example forms (pyxform's test corpus, in the shared
data): each installs into a project, or is refused with a message that names what is
unsupported or wrong. A valid construct is never called a misspelt question type."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from assetmap.errors import UserError
from assetmap.project import Project
from assetmap.survey.store import SurveyStore
from assetmap.survey.xlsform import load_form
from tests.conftest import SHARED

EXAMPLES = SHARED / "xlsform-examples"
FORMS = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".xls", ".xlsx"))

# Forms that are refused, and words the refusal must contain (what is wrong or unsupported).
REFUSED = {
    "bad_calc.xlsx": ["unterminated string", "badcalc"],
    "calculate.xls": ["only calculations"],
    "calculate_without_calculation.xls": ["Missing calculation"],
    "default_time_demo.xls": ["time-of-day questions are not supported"],
    "duplicate_columns.xlsx": ["Duplicate column header"],
    "group_name_test.xls": ["no name"],
    "hidden.xls": ["hidden questions are not supported"],
    "include_json.xls": ["`include`", "not supported"],
    "include_json.xlsx": ["`include`", "not supported"],
    "pull_data.xlsx": ["pulldata()"],
    "unknown_question_type.xls": ["bind:relevant", "relevance"],
}
# Forms that install, and what their notes must name.
NOTED = {
    "case_insensitivity.xlsx": ["`entities` sheet", "not used"],
    "case_insensitivity.xls": ["`entities` sheet", "not used"],
    "include.xls": ["`include`", "not supported"],
    "widgets.xls": ["time-of-day questions are not supported"],
}


def test_the_corpus_is_there():
    assert len(FORMS) >= 55, f"expected pyxform's example forms in {EXAMPLES}"


@pytest.mark.parametrize("path", FORMS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reference_form_installs_or_is_refused_by_name(path: Path, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl about unknown Excel extensions
        try:
            form = load_form(path)
        except UserError as exc:
            text = f"{exc.message} {exc.hint}"
            assert "spelling" not in text and "unknown question type" not in text, text
            assert path.name in REFUSED, f"{path.name} refused: {text}"
            for words in REFUSED[path.name]:
                assert words in text, text
            return
    assert path.name not in REFUSED, f"{path.name} was expected to be refused"
    notes = " ".join(form.unsupported)
    for words in NOTED.get(path.name, []):
        assert words in notes, notes
    assert "spelling" not in notes
    project = Project.create(tmp_path / "p.gpkg", crs="EPSG:4326")
    store = SurveyStore(project)
    store.install_form(form)
    assert [f.form_id for f in store.forms()] == [form.form_id]
    assert store.responses(form.form_id) == []


def test_an_odk_central_entities_form_installs_with_a_note(tmp_path):
    """How ODK Central forms are written today: an entities sheet and save_to columns."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    for r in [["type", "name", "label", "save_to"],
              ["text", "site_name", "Site name", "site"],
              ["geopoint", "location", "Where", "geometry"],
              ["integer", "children", "Children served", "children"]]:
        ws.append(r)
    ent = wb.create_sheet("entities")
    ent.append(["list_name", "label"])
    ent.append(["sites", "${site_name}"])
    st = wb.create_sheet("settings")
    st.append(["form_id", "version"])
    st.append(["site_registration", "1"])
    path = tmp_path / "entities.xlsx"
    wb.save(path)
    form = load_form(path)
    assert [q.name for q in form.questions] == ["site_name", "location", "children"]
    notes = " ".join(form.unsupported)
    assert "`entities` sheet (dataset `sites`)" in notes and "not used" in notes
    project = Project.create(tmp_path / "p.gpkg", crs="EPSG:4326")
    SurveyStore(project).install_form(form)
    assert SurveyStore(project).save("site_registration", {"site_name": "Clinic", "location": (38.6, -90.2),
                                                           "children": 12}, surveyor="a").revision == 1
