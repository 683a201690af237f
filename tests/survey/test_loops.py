"""`begin loop over LIST` (issue 21): the questions asked once per choice of the list, as ODK
asks them; each choice's copy is its own question, entered, validated, exported and imported
from KoboToolbox/ODK exports (columns loop/choice/question)."""

from __future__ import annotations

import glob

import pytest

from assetmap.survey.store import SurveyStore
from assetmap.survey.validation import evaluate
from assetmap.survey.xlsform import load_form
from tests.conftest import SHARED

SURVEY = [
    ["type", "name", "label::English (en)", "label::Español (es)", "relevant", "constraint"],
    ["text", "site", "Site", "Sitio", "", ""],
    ["begin loop over programmes", "per_programme", "Programmes", "Programas", "", ""],
    ["integer", "children", "Children in %(label)s", "Niños en %(label)s", "", ". >= 0"],
    ["text", "waitlist", "Waiting list for %(name)s", "Lista de espera de %(name)s", "${children} > 10", ""],
    ["end loop", "", "", "", "", ""],
]
CHOICES = [["list_name", "name", "label::English (en)", "label::Español (es)"],
           ["programmes", "head_start", "Head Start", "Head Start"],
           ["programmes", "tutoring", "Tutoring", "Tutoría"]]


@pytest.fixture()
def form(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "survey"
    for r in SURVEY:
        wb.active.append(r)
    for title, rows in (("choices", CHOICES), ("settings", [["form_id"], ["sites"]])):
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    path = tmp_path / "loop.xlsx"
    wb.save(path)
    return load_form(path)


def test_a_loop_is_its_questions_once_per_choice(form):
    assert form.unsupported == []
    assert [q.name for q in form.questions] == [
        "site", "per_programme_head_start_children", "per_programme_head_start_waitlist",
        "per_programme_tutoring_children", "per_programme_tutoring_waitlist"]
    q = form.question("per_programme_tutoring_children")
    assert q.labels == {"English (en)": "Children in Tutoring", "Español (es)": "Niños en Tutoría"}
    assert form.question("per_programme_tutoring_waitlist").labels["English (en)"] == "Waiting list for tutoring"
    assert q.group == "per_programme/tutoring" and form.groups["per_programme/tutoring"].label("English (en)") == \
        "Tutoring"
    assert q.path == "per_programme/tutoring/children"
    # ${children} inside the loop is that choice's own copy:
    assert form.question("per_programme_tutoring_waitlist").relevant == "${per_programme_tutoring_children} > 10"
    state = evaluate(form, {"site": "A", "per_programme_head_start_children": 12,
                            "per_programme_tutoring_children": 3})
    assert state.relevant("per_programme_head_start_waitlist") and not state.relevant("per_programme_tutoring_waitlist")
    bad = evaluate(form, {"site": "A", "per_programme_tutoring_children": -1})
    assert [i.question for i in bad.issues] == ["per_programme_tutoring_children"]


@pytest.mark.parametrize("sep, id_column", [("/", "_uuid"), ("-", "KEY")])
def test_kobo_and_odk_exports_of_a_loop_import(form, project, tmp_path, sep, id_column):
    from assetmap.survey.kobo import import_export

    SurveyStore(project).install_form(form)
    cols = [f"per_programme{sep}{c}{sep}{q}" for c in ("head_start", "tutoring") for q in ("children", "waitlist")]
    path = tmp_path / "export.csv"
    path.write_text(",".join(["site", *cols, id_column]) + "\nClinic,12,5 families,3,,s1\n")
    report = import_export(project, path, "sites")
    assert report.added == 1 and report.unused_columns == [], report.text()
    got = SurveyStore(project).get("s1").answers
    assert got == {"site": "Clinic", "per_programme_head_start_children": 12,
                   "per_programme_head_start_waitlist": "5 families", "per_programme_tutoring_children": 3}
    out = tmp_path / "again.csv"  # assetmap's own export reads back unchanged
    from assetmap.survey.summary import export_responses

    export_responses(project, out)
    assert import_export(project, out, "sites").unchanged == 1


def test_the_reference_converters_loop_forms_install(project):
    for name in ("loop.xlsx", "simple_loop.xls"):
        form = load_form(glob.glob(str(SHARED / "xlsform-examples" / "*" / name))[0])
        assert not [n for n in form.unsupported if "loop" in n], form.unsupported
        SurveyStore(project).install_form(form)
    simple = SurveyStore(project).form("simple_loop")
    assert [(q.name, q.path) for q in simple.questions] == [("my_table_col1_count", "my_table/col1/count"),
                                                           ("my_table_col2_count", "my_table/col2/count")]
