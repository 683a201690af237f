"""Validation of responses: required, constraints, skip logic, calculations, types."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import Workbook

from assetmap.survey import builtin_form
from assetmap.survey.form import QType
from assetmap.survey.validation import coerce, evaluate, with_defaults
from assetmap.survey.xlsform import load_form

EN, ES = "English (en)", "Español (es)"
TODAY = dt.date(2025, 6, 10)


@pytest.fixture(scope="module")
def form():
    return builtin_form()


def church(**extra):
    answers = {"asset_type": "faith", "asset_name": "St. Mark's Church",
               "willing_to_partner": "yes", "date_visited": "2025-06-01",
               "location": (38.6226, -90.2323), "services": ["food_pantry", "meeting_space"],
               "people_per_week": 120}
    answers.update(extra)
    return answers


def kinds(state):
    return {(i.question, i.kind) for i in state.issues}


def test_a_complete_answer_is_ok(form):
    state = evaluate(form, church(), today=TODAY)
    assert state.ok, state.issues
    assert state.values["confidential"] == "no"
    assert state.values["display_name"] == "St. Mark's Church (Faith-based organisation)"
    assert state.values["people_per_week"] == 120


def test_required_empty_with_the_forms_messages(form):
    state = evaluate(form, {}, today=TODAY, language=ES)
    assert not state.ok
    assert kinds(state) == {("asset_type", "required"), ("asset_name", "required"),
                            ("willing_to_partner", "required"), ("date_visited", "required"),
                            ("location", "required")}
    by_name = {i.question: i.message for i in state.issues}
    assert by_name["asset_type"] == "Elija el tipo de recurso."
    assert by_name["location"] == "Marque dónde está el recurso."
    english = evaluate(form, {"asset_name": "   "}, today=TODAY, language=EN)
    assert {i.question: i.message for i in english.issues}["asset_name"] == "Write a name."


def test_default_required_message_when_the_form_has_none(tmp_path):
    path = tmp_path / "plain.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    for r in [["type", "name", "label", "required", "constraint"],
              ["text", "who", "Who?", "yes", ""],
              ["integer", "n", "N", "", ". > 0"]]:
        ws.append(r)
    wb.save(path)
    plain = load_form(path)
    state = evaluate(plain, {"n": 0})
    assert [(i.question, i.message) for i in state.issues] == [
        ("who", "This question is required."), ("n", "The answer is not valid.")]
    spanish = evaluate(plain, {"n": 0}, language="Español")
    assert [i.message for i in spanish.issues] == [
        "Esta pregunta es obligatoria.", "La respuesta no es válida."]


@pytest.mark.parametrize("answer, message", [
    ({"people_per_week": -3}, "Escriba un número entre 0 y 99 999."),
    ({"people_per_week": 100000}, "Escriba un número entre 0 y 99 999."),
    ({"phone": "call me"}, "Escriba un número de teléfono de 7 a 20 dígitos, espacios o guiones."),
    ({"email": "nobody-at-example"}, "Escriba un correo como nombre@ejemplo.org."),
    ({"date_visited": "2025-06-11"}, "La fecha de la visita no puede ser futura."),
])
def test_failed_constraint_with_its_spanish_message(form, answer, message):
    state = evaluate(form, church(**answer), today=TODAY, language=ES)
    (issue,) = state.issues
    assert issue.kind == "constraint" and issue.message == message
    assert issue.question == next(iter(answer))


@pytest.mark.parametrize("answer", [
    {"people_per_week": 0}, {"people_per_week": 99999}, {"phone": "(314) 555-0123"},
    {"phone": "+1 314 555 0123"}, {"email": "ana@example.org"}, {"date_visited": "2025-06-10"},
])
def test_constraints_pass(form, answer):
    assert evaluate(form, church(**answer), today=TODAY).ok


def test_skipped_group_answers_are_dropped(form):
    answers = church(skills=["childcare", "tutoring"], availability=["evenings"], hours="9-5")
    state = evaluate(form, answers, today=TODAY)
    assert state.ok
    assert not state.relevant("individual") and not state.relevant("skills")
    assert "skills" not in state.values and "availability" not in state.values
    assert state.values["hours"] == "9-5"

    person = dict(answers, asset_type="individual", asset_name="Mrs. Jones")
    state = evaluate(form, person, today=TODAY)
    assert state.relevant("individual") and state.relevant("skills")
    assert state.values["skills"] == ["childcare", "tutoring"]
    assert "hours" not in state.values and not state.relevant("hours")  # question-level relevance

    missing = evaluate(form, dict(person, skills=[]), today=TODAY, language=ES)
    assert [(i.question, i.kind, i.message) for i in missing.issues] == [
        ("skills", "required", "Elija al menos una.")]


def test_dv_services_are_flagged_confidential(form):
    state = evaluate(form, church(asset_type="dv_services", asset_name="Safe Haven"),
                     today=TODAY, language=ES)
    assert state.ok
    assert state.values["confidential"] == "yes"
    assert state.relevant("confidential_note")
    assert state.values["display_name"] == "Safe Haven (Servicio de violencia doméstica)"
    assert not evaluate(form, church(), today=TODAY).relevant("confidential_note")


def test_or_other_text_only_when_other_is_chosen(form):
    state = evaluate(form, church(services=["food_pantry"], services_other="Diapers"), today=TODAY)
    assert not state.relevant("services_other") and "services_other" not in state.values
    state = evaluate(form, church(services=["other"], services_other="Diapers"), today=TODAY)
    assert state.values["services_other"] == "Diapers" and state.values["services"] == ["other"]


@pytest.mark.parametrize("answer, question", [
    ({"people_per_week": "abc"}, "people_per_week"),
    ({"people_per_week": 2.5}, "people_per_week"),
    ({"location": (95.0, -90.2)}, "location"),
    ({"location": (38.6, -190.0)}, "location"),
    ({"asset_type": "church"}, "asset_type"),
    ({"services": ["food_pantry", "spaceship"]}, "services"),
    ({"date_visited": "10/06/2025"}, "date_visited"),
    ({"services": "food_pantry"}, "services"),  # text where a list is stored is still read
])
def test_wrong_types_are_issues(form, answer, question):
    state = evaluate(form, church(**answer), today=TODAY)
    if answer == {"services": "food_pantry"}:
        assert state.ok and state.values["services"] == ["food_pantry"]
        return
    assert [(i.question, i.kind) for i in state.issues] == [(question, "type")]
    assert question not in state.values  # never saved with a wrong type


def test_typed_text_is_normalised(form):
    state = evaluate(form, church(people_per_week="45", location="38.62 -90.23"), today=TODAY)
    assert state.ok
    assert state.values["people_per_week"] == 45
    assert state.values["location"] == (38.62, -90.23)


def test_with_defaults_fills_today(form):
    assert with_defaults(form, today=TODAY) == {"date_visited": "2025-06-10"}


# --- calculations ------------------------------------------------------------------------

def _calc_form(tmp_path, rows, choices=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    for r in [["type", "name", "label", "calculation", "relevant", "default", "required"], *rows]:
        ws.append(r)
    if choices:
        ch = wb.create_sheet("choices")
        for r in [["list_name", "name", "label"], *choices]:
            ch.append(r)
    wb.save(tmp_path / "calc.xlsx")
    return load_form(tmp_path / "calc.xlsx")


def test_calculation_chain_in_dependency_order(tmp_path):
    f = _calc_form(tmp_path, [
        ["calculate", "total", "", "${double} + 1", "", "", ""],   # reads a later calculation
        ["integer", "n", "N", "", "", "3", ""],
        ["calculate", "double", "", "${n} * 2", "", "", ""],
        ["text", "big", "Why so many?", "", "${total} > 10", "", "yes"],
        ["begin group", "g", "G", "", "${total} > 100", "", ""],
        ["calculate", "hidden_calc", "", "'x'", "", "", ""],
        ["end group", "", "", "", "", "", ""],
    ])
    state = evaluate(f, {"n": 3})
    assert state.values == {"n": 3, "double": "6", "total": "7"}
    assert not state.relevant("big") and state.ok
    state = evaluate(f, {"n": 6})
    assert state.values["total"] == "13"
    assert state.relevant("big") and [(i.question, i.kind) for i in state.issues] == [
        ("big", "required")]
    assert "hidden_calc" not in state.values
    assert with_defaults(f) == {"n": 3}


def test_circular_calculations_are_listed_and_stay_empty(tmp_path):
    f = _calc_form(tmp_path, [
        ["calculate", "a", "", "${b} + 1", "", "", ""],
        ["calculate", "b", "", "${a} + 1", "", "", ""],
        ["text", "t", "T", "", "", "", ""],
    ])
    assert any("`a`, `b` depend on each other" in line for line in f.unsupported)
    state = evaluate(f, {"t": "x"})
    assert state.values == {"t": "x"}


def test_hidden_answers_read_as_empty_downstream(tmp_path):
    f = _calc_form(tmp_path, [
        ["select_one yn", "has_kids", "Children?", "", "", "", ""],
        ["integer", "kids", "How many?", "", "${has_kids} = 'yes'", "", ""],
        ["calculate", "label", "", "concat('kids:', ${kids})", "", "", ""],
    ], choices=[["yn", "yes", "Yes"], ["yn", "no", "No"]])
    assert evaluate(f, {"has_kids": "yes", "kids": 2}).values["label"] == "kids:2"
    state = evaluate(f, {"has_kids": "no", "kids": 2})
    assert state.values == {"has_kids": "no", "label": "kids:"}


# --- coerce --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, expected", [
    ("people_per_week", " 42 ", 42),
    ("people_per_week", "", None),
    ("asset_name", "  Head Start on Grand ", "Head Start on Grand"),
    ("date_visited", "2025-06-01", "2025-06-01"),
    ("date_visited", "2025-06-01T14:03:00.000-05:00", "2025-06-01"),  # Kobo datetime
    ("location", "38.6226 -90.2323 150 5", (38.6226, -90.2323)),      # ODK "lat lon alt acc"
    ("location", "38.6226, -90.2323", (38.6226, -90.2323)),
    ("asset_type", "school", "school"),
    ("asset_type", "Escuela", "school"),                               # a label, any language
    ("services", "food_pantry tutoring", ["food_pantry", "tutoring"]),
    ("services", "food_pantry,other", ["food_pantry", "other"]),
])
def test_coerce(form, name, text, expected):
    assert coerce(form.question(name), text) == expected


@pytest.mark.parametrize("name, text, words", [
    ("people_per_week", "twelve", "“twelve” is not a whole number."),
    ("people_per_week", "1.5", "not a whole number"),
    ("date_visited", "2025-02-30", "is not a date"),
    ("location", "38.6", "is not a location"),
    ("location", "138.6 -90.2", "Latitude 138.6 is out of range"),
    ("asset_type", "mosque", "“mosque” is not one of the choices (faith, early_childhood"),
    ("services", "food_pantry jetpack", "“jetpack” is not one of the choices"),
])
def test_coerce_errors_are_readable(form, name, text, words):
    with pytest.raises(ValueError) as info:
        coerce(form.question(name), text)
    assert words in str(info.value)


def test_coerce_error_in_spanish(form):
    with pytest.raises(ValueError, match="no es un número entero"):
        coerce(form.question("people_per_week"), "doce", language=ES)


def test_coerce_real_police_coordinates(stl, form):
    """Real SLMPD rows as an import would hand them over: "lat lon" text; the
    rows without coordinates (the text NA) are refused, never turned into 0,0."""
    location = form.question("location")
    assert location.type == QType.GEOPOINT
    ok = refused = 0
    with open(stl / "slmpd_part1_2019.csv", newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i == 3000:
                break
            text = f"{row['y']} {row['x']}"
            if row["y"].strip() == "NA":
                with pytest.raises(ValueError):
                    coerce(location, text)
                refused += 1
                continue
            lat, lon = coerce(location, text)
            assert (lat, lon) == (float(row["y"]), float(row["x"]))
            ok += 1
    assert ok > 2000 and refused > 0


def test_required_given_as_an_expression(tmp_path):
    f = _calc_form(tmp_path, [
        ["integer", "n", "N", "", "", "", ""],
        ["text", "why", "Why?", "", "", "", "${n} > 5"],
    ])
    assert f.question("why").required_if == "${n} > 5" and not f.question("why").required
    assert evaluate(f, {"n": 3}).ok
    assert [(i.question, i.kind) for i in evaluate(f, {"n": 9}).issues] == [("why", "required")]
