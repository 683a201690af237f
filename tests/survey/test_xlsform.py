"""XLSForm loading: the built-in form, unsupported features listed, broken files refused."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest
from openpyxl import Workbook

from assetmap.errors import UserError
from assetmap.survey import builtin_form
from assetmap.survey import expressions as xp
from assetmap.survey.form import QType, form_from_dict, form_to_dict
from assetmap.survey.xlsform import load_form

REPO = Path(__file__).resolve().parents[2]
EN, ES = "English (en)", "Español (es)"


def write_xlsform(path: Path, survey: list[list], choices: list[list] | None = None,
                  settings: list[list] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    for r in survey:
        ws.append(r)
    if choices:
        c = wb.create_sheet("choices")
        for r in choices:
            c.append(r)
    if settings:
        s = wb.create_sheet("settings")
        for r in settings:
            s.append(r)
    wb.save(path)
    return path


# --- the built-in form ---------------------------------------------------------------

def test_builtin_form_settings_and_languages():
    form = builtin_form()
    assert form.form_id == "community_assets"
    assert form.title == "Community asset survey"
    assert form.version
    assert form.languages == [EN, ES]
    assert form.default_language == EN
    assert form.unsupported == []
    assert 20 <= len(form.questions) <= 35


def test_builtin_form_asset_types_cover_the_partnership_in_both_languages():
    q = builtin_form().question("asset_type")
    assert q.type == QType.SELECT_ONE and q.required
    names = [c.name for c in q.choices]
    for expected in ("faith", "early_childhood", "school", "youth", "health", "mental_health",
                     "substance_use", "dv_services", "family_resource", "business",
                     "park_place", "individual"):
        assert expected in names
    for c in q.choices:
        assert c.labels[EN] and c.labels[ES] and set(c.labels) == {EN, ES}
    assert q.choice("school").label(ES) == "Escuela"
    assert q.label(ES) == "¿Qué tipo de recurso es?"
    assert q.required_messages[ES] == "Elija el tipo de recurso."


def test_builtin_form_groups_or_other_and_calculations():
    form = builtin_form()
    assert set(form.groups) == {"contact", "individual"}
    assert form.groups["contact"].label(ES) == "Contacto"
    assert form.groups["individual"].relevant == "${asset_type} = 'individual'"
    assert [q.name for q in form.questions if q.group == "contact"] == [
        "contact_person", "phone", "email"]
    assert {q.name for q in form.questions if q.group == "individual"} == {"skills", "availability"}

    services = form.question("services")
    assert services.type == QType.SELECT_MULTIPLE and services.or_other
    assert services.choice("other").labels == {EN: "Other", ES: "Otro"}
    assert {"food_pantry", "after_school", "tutoring", "parenting", "counselling", "childcare",
            "clothing", "transport", "meeting_space", "flyers", "mentoring",
            "health_screening"} <= {c.name for c in services.choices}
    other = form.question("services_other")
    assert other.relevant == "selected(${services}, 'other')"
    assert other.label(ES) == "Especifique otro."

    conf = form.question("confidential")
    assert conf.type == QType.CALCULATE and "dv_services" in conf.calculation
    assert form.question("confidential_note").relevant == "${confidential} = 'yes'"
    assert "confidential" in form.question("confidential_note").label(EN)
    assert form.question("display_name").type == QType.CALCULATE

    visited = form.question("date_visited")
    assert visited.default == "today()" and visited.default_is_expression
    assert visited.constraint == ". <= today()"
    assert form.question("location").type == QType.GEOPOINT and form.question("location").required
    assert form.question("photo").type == QType.PHOTO
    assert form.question("people_per_week").constraint == ". >= 0 and . < 100000"
    assert form.question("willing_to_partner").required
    assert [c.name for c in form.question("willing_to_partner").choices] == ["yes", "maybe", "no"]


def test_builtin_form_texts_are_all_translated_and_expressions_parse():
    form = builtin_form()
    for q in form.questions:
        if q.type != QType.CALCULATE:
            assert set(q.labels) == {EN, ES}, q.name
        for messages in (q.hints, q.constraint_messages, q.required_messages):
            assert set(messages) in (set(), {EN, ES}), q.name
        for expr in (q.relevant, q.constraint, q.calculation):
            if expr:
                xp.parse(expr)
        if q.constraint:
            assert set(q.constraint_messages) == {EN, ES}, q.name


def test_form_dict_round_trip_through_json():
    form = builtin_form()
    again = form_from_dict(json.loads(json.dumps(form_to_dict(form))))
    assert again == form
    assert again.question("date_visited").default_is_expression
    assert again.groups["individual"].appearance == "field-list"


def test_committed_form_matches_its_generator(tmp_path):
    generator = runpy.run_path(str(REPO / "scripts" / "make_survey_form.py"))
    fresh = load_form(generator["build"](tmp_path / "fresh.xlsx"))
    assert form_to_dict(fresh) == form_to_dict(builtin_form())


# --- a hand-made form with what we do not support ---------------------------------------

HEADER = ["type", "name", "label::English", "label::Español", "hint::English",
          "constraint", "constraint_message::English", "constraint_message::Español",
          "relevant", "calculation", "required", "choice_filter", "default"]


def _row(type_, name, en="", es="", hint="", constraint="", cm_en="", cm_es="", relevant="",
         calculation="", required="", choice_filter="", default=""):
    return [type_, name, en, es, hint, constraint, cm_en, cm_es, relevant, calculation,
            required, choice_filter, default]


@pytest.fixture()
def odd_form(tmp_path):
    return write_xlsform(tmp_path / "household_visit.xlsx", [
        HEADER,
        _row("start", "start"),                                                # row 2
        _row("text", "org", "Organisation", "Organización", hint="Full name"),  # row 3
        _row("begin group", "outer", "Outer", "Exterior", relevant="${org} != ''"),
        _row("begin group", "inner", "Inner", "Interior"),                     # row 5
        _row("integer", "staff", "Staff", "Personal", constraint=". > 0",
             cm_en="Must be positive", cm_es="Debe ser positivo"),            # row 6
        _row("end group", ""),
        _row("end group", ""),
        _row("begin repeat", "visits", "Visits", "Visitas"),                  # row 9
        _row("date", "visit_date", "Visit date", "Fecha"),                     # row 10
        _row("end repeat", ""),
        _row("geotrace", "route", "Route", "Ruta"),                            # row 12
        _row("audio", "voice", "Voice", "Voz"),                                # row 13
        _row("barcode", "code", "Code", "Código"),                             # row 14
        _row("select_one kinds", "kind", "Kind", "Tipo", choice_filter="${org} != ''"),  # 15
        _row("rank kinds", "ranking", "Rank", "Orden"),                        # row 16
        _row("calculate", "lookup", calculation="pulldata('kinds', 'x', 'name', ${kind})"),  # 17
        _row("text", "why", "Why", "Por qué", relevant="${route} != ''",
             required="${kind} = 'a'"),                                        # row 18
    ], choices=[
        ["list_name", "name", "label::English", "label::Español"],
        ["kinds", "a", "Alpha", "Alfa"],
        ["kinds", "b", "Beta", "Beta"],
    ], settings=[
        ["form_id", "form_title", "version", "default_language"],
        ["household_visit", "Household visit", "3", "English"],
    ])


def test_unsupported_rows_are_listed_not_fatal(odd_form):
    form = load_form(odd_form)
    lines = form.unsupported
    text = "\n".join(lines)
    assert "repeat" not in text  # supported now
    assert "row 12 `route` (geotrace): lines are not supported; the question is left out" in lines
    assert "row 13 `voice` (audio)" in text and "row 14 `code` (barcode)" in text
    assert "row 16 `ranking` (rank kinds): ranking questions are not supported" in text
    assert "choice_filter" not in text  # supported now
    assert "row 2 `start` (start): metadata" in text
    assert "row 17 `lookup` (calculate) calculation: unknown function `pulldata()` at position 1" \
           in text
    assert "row 18 `why` (text) relevant uses ${route}, which is left out" in text
    # what is kept
    names = [q.name for q in form.questions]
    assert names == ["org", "staff", "visit_date", "kind", "lookup", "why"]
    assert form.question("visit_date").group == "visits" and form.groups["visits"].repeat
    assert form.repeat_of(form.question("visit_date")) is form.groups["visits"]
    assert form.question("why").required_if == "${kind} = 'a'"


def test_settings_languages_nested_groups_and_messages(odd_form):
    form = load_form(odd_form)
    assert (form.form_id, form.title, form.version) == ("household_visit", "Household visit", "3")
    assert form.default_language == "English"
    assert form.languages == ["English", "Español"]
    assert form.groups["outer/inner"].parent == "outer"
    staff = form.question("staff")
    assert staff.group == "outer/inner"
    assert [g.name for g in form.group_chain(staff)] == ["outer", "inner"]
    assert staff.constraint_messages == {"English": "Must be positive", "Español": "Debe ser positivo"}
    assert form.question("org").hints == {"English": "Full name"}
    assert form.question("kind").choice("a").label("Español") == "Alfa"


def test_markdown_xlsform(tmp_path):
    md = tmp_path / "tiny.md"
    md.write_text(
        "| survey |\n"
        "| | type | name | label | required |\n"
        "| | text | who | Who? | yes |\n"
        "| | select_one yn | ok | OK? | |\n"
        "| choices |\n"
        "| | list_name | name | label |\n"
        "| | yn | yes | Yes |\n"
        "| | yn | no | No |\n",
        encoding="utf-8")
    form = load_form(md)
    assert form.form_id == "tiny"
    assert form.question("who").required and form.question("who").labels == {"": "Who?"}
    assert form.languages == []
    assert [c.name for c in form.question("ok").choices] == ["yes", "no"]


# --- broken files -----------------------------------------------------------------------

def test_not_a_spreadsheet(tmp_path):
    bad = tmp_path / "form.xlsx"
    bad.write_text("this is not a workbook", encoding="utf-8")
    with pytest.raises(UserError) as info:
        load_form(bad)
    assert "form.xlsx" in info.value.message


def test_missing_survey_sheet(tmp_path):
    wb = Workbook()
    wb.active.title = "questions"
    wb.create_sheet("other")
    wb.save(tmp_path / "nosurvey.xlsx")
    with pytest.raises(UserError) as info:
        load_form(tmp_path / "nosurvey.xlsx")
    assert "nosurvey.xlsx" in info.value.message and "survey" in info.value.message


def test_unknown_type_and_dangling_reference(tmp_path):
    path = write_xlsform(tmp_path / "typo.xlsx", [["type", "name", "label"],
                                                  ["txet", "a", "A"]])
    with pytest.raises(UserError, match="typo.xlsx.*txet"):
        load_form(path)
    path = write_xlsform(tmp_path / "dangling.xlsx", [["type", "name", "label", "relevant"],
                                                      ["text", "a", "A", "${nope} = 'x'"]])
    with pytest.raises(UserError, match="dangling.xlsx.*nope"):
        load_form(path)


def test_duplicate_names_across_groups(tmp_path):
    path = write_xlsform(tmp_path / "dup.xlsx", [
        ["type", "name", "label"],
        ["begin group", "g1", "G1"], ["text", "phone", "Phone"], ["end group", ""],
        ["begin group", "g2", "G2"], ["text", "phone", "Phone"], ["end group", ""],
    ])
    with pytest.raises(UserError, match="dup.xlsx.*`phone`"):
        load_form(path)


def test_missing_file_and_wrong_extension(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        load_form(tmp_path / "nowhere.xlsx")
    txt = tmp_path / "form.txt"
    txt.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="form.txt is not an XLSForm"):
        load_form(txt)
