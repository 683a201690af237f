"""Repeats: instances validated one by one, position/count/sum/indexed-repeat, child rows keyed
by the parent's UUID in GeoPackage and PostGIS."""

from __future__ import annotations

import pytest

from assetmap.errors import UserError
from assetmap.survey.store import SurveyStore
from assetmap.survey.validation import evaluate

from .household import SURVEY, household_form, write_household_form
from .storage_forms import point_in

ANA = {"member_name": "Ana", "age": 34}
LEO = {"member_name": "Leo", "age": 9, "in_school": "yes"}


def household(**kw):
    base = {"nhd": "tower_grove", "block": "tg2", "head_name": "Ana Ruiz", "members": [ANA, LEO]}
    base.update(kw)
    return base


def test_form_has_the_repeat_and_its_questions(tmp_path):
    form = household_form(tmp_path)
    assert form.unsupported == []
    members = form.repeat("members")
    assert members is not None and members.repeat
    assert [q.name for q in form.questions_in(members)] == ["member_name", "age", "in_school", "member_no"]
    assert form.repeat_of(form.question("in_school")) is members  # through the group inside
    assert [q.name for q in form.input_questions()] == ["nhd", "block", "location", "head_name"]


def test_instances_are_checked_one_by_one(tmp_path):
    form = household_form(tmp_path)
    state = evaluate(form, household())
    assert state.ok, state.issues
    v = state.values
    assert v["n_members"] == "2" and v["total_age"] == "43" and v["first_member"] == "Ana"
    assert [m["member_no"] for m in v["members"]] == ["1", "2"]
    assert "in_school" not in v["members"][0]  # the group inside is skipped for an adult ...
    assert v["members"][1]["in_school"] == "yes"  # ... and asked for a child
    assert state.relevance["members[1]/in_school"] is False and state.relevance["members[2]/in_school"] is True

    bad = evaluate(form, household(members=[ANA, {"age": 130}]))
    assert {(i.question, i.kind) for i in bad.issues} == {("members[2]/member_name", "required"),
                                                         ("members[2]/age", "constraint")}
    none = evaluate(form, household(members=[]))
    assert none.ok and none.values["n_members"] == "0" and "members" not in none.values


def test_repeat_count_fixes_the_number_of_instances(tmp_path):
    survey = [r[:] for r in SURVEY]
    survey[0].append("repeat_count")
    for r in survey[1:]:
        r.append("")
    survey.insert(5, ["integer", "size", "How many people?", "", "", "", "", "", ""])
    next(r for r in survey if r[1] == "members")[-1] = "${size}"
    from assetmap.survey.xlsform import load_form

    form = load_form(write_household_form(tmp_path / "h.xlsx", survey))
    assert form.repeat("members").repeat_count == "${size}"
    state = evaluate(form, household(size=3, members=[ANA]))
    assert len(state.values["members"]) == 3
    assert {i.question for i in state.issues} == {"members[2]/member_name", "members[2]/age",
                                                  "members[3]/member_name", "members[3]/age"}


def test_child_rows_keyed_by_the_parent(project, tmp_path):
    form = household_form(tmp_path)
    store = SurveyStore(project, device_id="t")
    store.install_form(form)
    from assetmap.project import gpkg
    from assetmap.survey import repeat_store

    table = repeat_store.table_name("household", "members")
    with gpkg.connect(project.path, readonly=True) as con:  # visible at once, in gpkg_contents
        assert con.execute("SELECT data_type FROM gpkg_contents WHERE table_name=?", (table,)).fetchone() == (
            "attributes",)
    r = store.save("household", household(location=(38.6, -90.25)), surveyor="ana")
    assert store.get(r.uuid).answers["members"][1]["member_name"] == "Leo"
    with gpkg.connect(project.path, readonly=True) as con:
        rows = con.execute(f'SELECT parent_uuid, position, member_name, age, in_school FROM "{table}" '
                           "ORDER BY position").fetchall()
    assert rows == [(r.uuid, 1, "Ana", 34, None), (r.uuid, 2, "Leo", 9, "yes")]
    # Removing a member rewrites the children with the parent, in one transaction.
    store.save("household", household(members=[LEO], location=(38.6, -90.25)), uuid=r.uuid, surveyor="ana")
    with gpkg.connect(project.path, readonly=True) as con:
        assert con.execute(f'SELECT parent_uuid, position, member_name FROM "{table}"').fetchall() == [
            (r.uuid, 1, "Leo")]
    with pytest.raises(UserError):
        store.save("household", household(members=[{"age": 3}]), uuid=r.uuid, surveyor="ana")
    with gpkg.connect(project.path, readonly=True) as con:
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone() == (1,)


def test_child_rows_on_postgis(project, tmp_path, backend):
    form = household_form(tmp_path)
    SurveyStore(project, device_id="t").install_form(form)
    target = backend.target(project)
    store = SurveyStore(backend.open(target), device_id="t")
    r = store.save("household", household(), surveyor="ana")
    from assetmap.survey import repeat_store

    table = repeat_store.table_name("household", "members")
    with backend.sql(target) as con:
        rows = con.execute(f'SELECT parent_uuid, position, member_name, age FROM "{table}" ORDER BY position'
                           ).fetchall()
    assert [tuple(x) for x in rows] == [(r.uuid, 1, "Ana", 34), (r.uuid, 2, "Leo", 9)]
    assert store.get(r.uuid).answers["members"] == [
        {**ANA, "member_no": "1"}, {**LEO, "member_no": "2"}]
