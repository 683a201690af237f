"""choice_filter: cascading selects narrow in validation, storage and every import."""

from __future__ import annotations

import warnings

import pytest

from assetmap.survey import expressions as xp
from assetmap.survey.form import Choice, Form, QType, Question
from assetmap.survey.kobo import import_export
from assetmap.survey.store import SurveyStore
from assetmap.survey.validation import evaluate
from assetmap.survey.xlsform import load_form
from tests.conftest import SHARED

from .test_kobo_import import write_csv


def cascade_form() -> Form:
    def c(name, **cols):
        return Choice(name, {"": name.title()}, columns=cols)

    return Form("cascade", "Cascade", questions=[
        Question("kind", QType.SELECT_ONE, choices=[c("school"), c("faith")]),
        Question("nhd", QType.SELECT_ONE, choices=[c("tower_grove"), c("soulard")]),
        Question("block", QType.SELECT_ONE, choice_filter="nhd = ${nhd}", choices=[
            c("tg1", nhd="tower_grove"), c("tg2", nhd="tower_grove"), c("so1", nhd="soulard")]),
        Question("sub", QType.SELECT_MULTIPLE, choice_filter="kind = ${kind} or kind = 'any'", choices=[
            c("elementary", kind="school"), c("church", kind="faith"), c("mosque", kind="faith"),
            c("food", kind="any")]),
        Question("not_block", QType.SELECT_ONE, choice_filter="name != ${block} and not(selected(${sub}, name))",
                 choices=[c("tg1"), c("food"), c("x")]),
    ])


@pytest.mark.parametrize("expr, answers, columns, expected", [
    ("${state} = cf", {"state": "texas"}, {"name": "king", "cf": "texas"}, True),
    ("${state} = cf", {"state": "texas"}, {"name": "king", "cf": "washington"}, False),
    ("cf = ${state} and name != 'king'", {"state": "texas"}, {"name": "king", "cf": "texas"}, False),
    ("cf = ${a} or cf = ${b}", {"a": "x", "b": "y"}, {"name": "n", "cf": "y"}, True),
    ("selected(${many}, name)", {"many": ["p", "q"]}, {"name": "q"}, True),
    ("selected(${many}, name)", {"many": ["p", "q"]}, {"name": "r"}, False),
    ("missing_column = ''", {}, {"name": "n"}, True),
])
def test_filter_expressions(expr, answers, columns, expected):
    assert xp.choice_passes(expr, answers, columns) is expected


def test_a_bare_word_is_still_refused_outside_a_filter():
    with pytest.raises(xp.ExpressionError):
        xp.parse("cf = 'x'")
    assert xp.filter_references("cf = ${state} and selected(${s}, name)") == {"state", "s"}


def test_the_list_narrows_and_an_impossible_pair_is_an_issue():
    form = cascade_form()
    block, sub = form.question("block"), form.question("sub")
    assert [c.name for c in block.choices_for({"nhd": "soulard"})] == ["so1"]
    assert [c.name for c in block.choices_for({})] == []  # nothing chosen above: nothing offered
    assert [c.name for c in sub.choices_for({"kind": "faith"})] == ["church", "mosque", "food"]

    ok = evaluate(form, {"nhd": "tower_grove", "block": "tg2", "kind": "faith", "sub": ["mosque", "food"]})
    assert ok.ok, ok.issues
    bad = evaluate(form, {"nhd": "soulard", "block": "tg2", "kind": "school", "sub": ["church", "food"]})
    by_q = {i.question: i for i in bad.issues}
    assert set(by_q) == {"block", "sub"}
    assert "tg2" in by_q["block"].message and "so1" in by_q["block"].message
    assert "church" in by_q["sub"].message and "food" not in by_q["sub"].message.split("(")[0]
    other = evaluate(form, {"block": "tg1", "sub": ["food"], "not_block": "tg1"})
    assert {i.question for i in other.issues} == {"not_block", "block"}
    assert [c.name for c in form.question("not_block").choices_for(other.values)] == ["x"]


def test_store_refuses_and_import_reports_an_impossible_pair(project, tmp_path):
    store = SurveyStore(project, device_id="t")
    store.install_form(cascade_form())
    from assetmap.errors import UserError

    with pytest.raises(UserError):
        store.save("cascade", {"nhd": "soulard", "block": "tg1"}, surveyor="a")
    store.save("cascade", {"nhd": "soulard", "block": "so1"}, surveyor="a")
    path = write_csv(tmp_path / "k.csv", ["nhd", "block", "_uuid"], [
        {"nhd": "soulard", "block": "tg1", "_uuid": "u1"},
        {"nhd": "tower_grove", "block": "tg1", "_uuid": "u2"}], delimiter=",")
    report = import_export(project, path, "cascade")
    assert report.added == 1
    assert [(p.row_number, p.question) for p in report.problems] == [(2, "block")]


def test_reference_choice_filter_form_loads_the_filters_and_choice_columns():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        form = load_form(SHARED / "xlsform-examples" / "example_xls" / "choice_filter_test.xlsx")
    assert not [n for n in form.unsupported if "choice_filter" in n]
    county, city = form.question("county"), form.question("city")
    assert county.choice_filter == "${state}=cf"
    assert [c.name for c in county.choices_for({"state": "texas"})] == ["king", "cameron"]
    assert [c.name for c in city.choices_for({"state": "texas", "county": "cameron"})] == [
        "brownsville", "harlingen"]
    assert not evaluate(form, {"state": "texas", "county": "pierce"}).ok
    assert evaluate(form, {"state": "texas", "county": "king", "city": "seattle"}).ok
