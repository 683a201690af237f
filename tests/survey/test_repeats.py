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
    before = SurveyStore(project, device_id="t").save("household", household(members=[LEO]), surveyor="bo")
    target = backend.target(project)  # published with one household already
    store = SurveyStore(backend.open(target), device_id="t")
    r = store.save("household", household(), surveyor="ana")
    from assetmap.survey import repeat_store

    table = repeat_store.table_name("household", "members")
    with backend.sql(target) as con:
        rows = con.execute(f'SELECT parent_uuid, position, member_name, age FROM "{table}" ORDER BY position'
                           ).fetchall()
    assert sorted(tuple(x) for x in rows) == sorted([(r.uuid, 1, "Ana", 34), (r.uuid, 2, "Leo", 9),
                                                     (before.uuid, 1, "Leo", 9)])
    assert store.get(r.uuid).answers["members"] == [
        {**ANA, "member_no": "1"}, {**LEO, "member_no": "2"}]


def test_export_writes_one_csv_per_repeat_and_imports_back_unchanged(areas_project, tmp_path):
    import csv

    from assetmap.project import Project
    from assetmap.survey.kobo import import_export
    from assetmap.survey.summary import export_responses

    form = household_form(tmp_path)
    store = SurveyStore(areas_project, device_id="t")
    store.install_form(form)
    loc = point_in(areas_project, 17)
    a = store.save("household", household(location=loc), surveyor="ana")
    b = store.save("household", household(nhd="soulard", block="so1", head_name="Bo", members=[LEO],
                                          location=loc), surveyor="bo")
    out = tmp_path / "hh.csv"
    assert export_responses(areas_project, out) == 2
    with open(tmp_path / "hh-members.csv", newline="") as f:
        kids = list(csv.DictReader(f))
    assert [(k["PARENT_KEY"], k["KEY"], k["member_name"], k["age"]) for k in kids] == [
        (a.uuid, f"{a.uuid}/members[1]", "Ana", "34"), (a.uuid, f"{a.uuid}/members[2]", "Leo", "9"),
        (b.uuid, f"{b.uuid}/members[1]", "Leo", "9")]

    assert import_export(areas_project, out, "household").unchanged == 2
    other = Project.create(tmp_path / "other.gpkg", crs="EPSG:4326")
    SurveyStore(other).install_form(form)
    first = import_export(other, out, "household")
    assert first.added == 2 and not first.problems, first.text()
    got = SurveyStore(other).get(a.uuid).answers
    assert got["members"] == store.get(a.uuid).answers["members"]
    assert import_export(other, out, "household").unchanged == 2


def test_kobo_and_odk_repeat_files_are_joined(project, tmp_path):
    from assetmap.survey.kobo import import_export

    from .test_kobo_import import write_csv

    form = household_form(tmp_path)
    SurveyStore(project).install_form(form)
    kobo = tmp_path / "kobo"
    kobo.mkdir()
    main = write_csv(kobo / "household.csv", ["nhd", "block", "head_name", "_uuid", "_index"], [
        {"nhd": "tower_grove", "block": "tg1", "head_name": "Ana", "_uuid": "k1", "_index": "1"},
        {"nhd": "soulard", "block": "so1", "head_name": "Bo", "_uuid": "k2", "_index": "2"}])
    write_csv(kobo / "household-members.csv", ["members/member_name", "members/age", "_parent_index", "_index"], [
        {"members/member_name": "Ana", "members/age": "34", "_parent_index": "1", "_index": "1"},
        {"members/member_name": "Eli", "members/age": "200", "_parent_index": "2", "_index": "2"},
        {"members/member_name": "Leo", "members/age": "9", "_parent_index": "1", "_index": "3"},
        {"members/member_name": "Zed", "members/age": "9", "_parent_index": "7", "_index": "4"}])
    report = import_export(project, main, "household")
    assert report.added == 1, report.text()
    assert [(p.row_number, p.question) for p in report.problems] == [(3, "members[1]/age")]
    assert any("parent" in p and "row 5" in p for p in report.repeat_problems), report.repeat_problems
    got = SurveyStore(project).get("k1").answers["members"]
    assert [(m["member_name"], m["age"]) for m in got] == [("Ana", 34), ("Leo", 9)]

    odk = tmp_path / "odk"
    odk.mkdir()
    main = write_csv(odk / "household.csv", ["nhd", "block", "head_name", "KEY"], [
        {"nhd": "tower_grove", "block": "tg2", "head_name": "Cy", "KEY": "uuid:o1"}], delimiter=",")
    write_csv(odk / "household-members.csv", ["member_name", "age", "PARENT_KEY", "KEY"], [
        {"member_name": "Cy", "age": "50", "PARENT_KEY": "uuid:o1", "KEY": "uuid:o1/members[1]"}],
        delimiter=",")
    assert import_export(project, main, "household").added == 1
    assert SurveyStore(project).get("o1").answers["members"] == [{"member_name": "Cy", "age": 50,
                                                                  "member_no": "1"}]


def test_kobo_excel_export_with_a_sheet_per_repeat(project, tmp_path):
    from openpyxl import Workbook

    from assetmap.survey.kobo import import_export

    form = household_form(tmp_path)
    SurveyStore(project).install_form(form)
    wb = Workbook()
    main = wb.active
    main.title = "Household survey"
    main.append(["nhd", "block", "head_name", "_uuid", "_index", "_submission_time"])
    main.append(["tower_grove", "tg1", "Ana", "x1", 1, "2026-05-02T10:00:00"])
    main.append(["tower_grove", "so1", "Bo", "x2", 2, "2026-05-02T11:00:00"])  # a block of another neighbourhood
    kids = wb.create_sheet("members")
    kids.append(["members/member_name", "members/age", "_index", "_parent_table_name", "_parent_index",
                 "_submission__uuid"])
    kids.append(["Ana", 34, 1, "Household survey", 1, "x1"])
    kids.append(["Leo", 9.0, 2, "Household survey", 1, "x1"])
    path = tmp_path / "kobo.xlsx"
    wb.save(path)
    report = import_export(project, path, "household")
    assert report.added == 1 and [(p.row_number, p.question) for p in report.problems] == [(3, "block")], \
        report.text()
    got = SurveyStore(project).get("x1").answers["members"]
    assert [(m["member_name"], m["age"]) for m in got] == [("Ana", 34), ("Leo", 9)]
    assert import_export(project, path, "household").unchanged == 1


def test_members_of_a_confidential_or_deleted_household_are_never_exported_or_packed(map_project, tmp_path):
    import csv
    import sqlite3

    from assetmap.survey import repeat_store
    from assetmap.survey.pack import make_package
    from assetmap.survey.summary import export_responses
    from assetmap.survey.xlsform import load_form

    survey = [r[:] for r in SURVEY]
    survey.insert(4, ["select_one yn", "confidential", "Keep this household confidential?", "", "", "", "", ""])
    form = load_form(write_household_form(tmp_path / "h.xlsx", survey))
    store = SurveyStore(map_project, device_id="t")
    store.install_form(form)
    loc = point_in(map_project, 5)
    open_ = store.save("household", household(location=loc), surveyor="a")
    secret = store.save("household", household(location=loc, confidential="yes", head_name="Shelter",
                                               members=[{"member_name": "Hidden Person", "age": 30}]), surveyor="a")
    gone = store.save("household", household(location=loc, head_name="Gone",
                                             members=[{"member_name": "Deleted Person", "age": 40}]), surveyor="a")
    store.delete(gone.uuid, "a")

    out = tmp_path / "out.csv"
    assert export_responses(map_project, out) == 1
    text = (tmp_path / "out-members.csv").read_text()
    assert "Hidden Person" not in text and "Deleted Person" not in text and secret.uuid not in text
    with open(tmp_path / "out-members.csv", newline="") as f:
        assert {r["PARENT_KEY"] for r in csv.DictReader(f)} == {open_.uuid}

    pkg = make_package(map_project, tmp_path / "p.gpkg", surveyor="Ann", areas=["5"]).path
    table = repeat_store.table_name("household", "members")
    with sqlite3.connect(pkg) as con:
        rows = con.execute(f'SELECT parent_uuid, member_name FROM "{table}"').fetchall()
        everything = b"".join(bytes(str(r), "utf8") for t in ("survey_household", table, "assetmap_survey_history")
                              for r in con.execute(f'SELECT * FROM "{t}"'))
    assert {p for p, _ in rows} == {open_.uuid}
    assert b"Hidden Person" not in everything


def test_a_form_stored_before_repeats_keeps_its_single_answers(tmp_path):
    from assetmap.survey.form import form_from_dict, form_to_dict

    form = household_form(tmp_path)
    old = form_to_dict(form)
    for g in old["groups"].values():
        g.pop("repeat_count")  # what an older assetmap stored
    legacy = form_from_dict(old)
    assert legacy.repeats() == [] and legacy.repeat_of(legacy.question("age")) is None
    state = evaluate(legacy, {"nhd": "soulard", "block": "so1", "head_name": "Bo", "member_name": "Bo", "age": 61})
    assert state.values["age"] == 61  # not dropped on the next save
    assert form_from_dict(form_to_dict(form)).repeats()  # a form stored now keeps its repeat


def test_inside_an_instance_a_name_is_that_instances_answer(tmp_path):
    form = household_form(tmp_path)
    # The second member has no age: its school group must not follow the first member's age.
    state = evaluate(form, household(members=[LEO, {"member_name": "Ana"}]))
    assert state.relevance["members[1]/in_school"] is True
    assert state.relevance["members[2]/in_school"] is False


def test_odk_central_zip_with_a_repeat_file(project, tmp_path):
    import zipfile

    from assetmap.survey.kobo import import_export

    form = household_form(tmp_path)
    SurveyStore(project).install_form(form)
    path = tmp_path / "household.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("household.csv", "SubmissionDate,nhd,block,head_name,KEY\n"
                                    "2026-06-01T12:00:00.000Z,soulard,so1,Cy,uuid:z1\n")
        z.writestr("household-members.csv", "member_name,age,PARENT_KEY,KEY\n"
                                            "Cy,50,uuid:z1,uuid:z1/members[1]\nDee,7,uuid:z1,uuid:z1/members[2]\n")
        z.writestr("media/photo.jpg", b"not read")
    report = import_export(project, path, "household")
    assert report.added == 1 and report.source == "household.zip", report.text()
    assert [m["member_name"] for m in SurveyStore(project).get("z1").answers["members"]] == ["Cy", "Dee"]
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="bad.zip"):
        import_export(project, bad, "household")


def test_a_stored_form_keeps_its_choice_columns(tmp_path):
    """The cascade reads the choices sheet's other columns: storing the form must keep them
    (a merge once dropped them, and every neighbourhood → block pair was refused)."""
    from assetmap.survey.form import form_from_dict, form_to_dict

    form = form_from_dict(form_to_dict(household_form(tmp_path)))
    assert [c.columns for c in form.question("block").choices] == [
        {"nhd": "tower_grove"}, {"nhd": "tower_grove"}, {"nhd": "soulard"}]
    assert [c.name for c in form.question("block").choices_for({"nhd": "soulard"})] == ["so1"]


def test_two_field_packages_with_members_merge_with_their_child_rows(map_project, tmp_path):
    """A package holds the members of the households it carries; a package with a repeat
    (its child table) merges; the project's child rows follow the merged answers."""
    import sqlite3

    from assetmap.survey import repeat_store
    from assetmap.survey.merge import merge_package
    from assetmap.survey.pack import make_package

    store = SurveyStore(map_project, device_id="office")
    store.install_form(household_form(tmp_path))
    loc = point_in(map_project, 5)
    old = store.save("household", household(location=loc), surveyor="office")
    table = repeat_store.table_name("household", "members")
    ann = make_package(map_project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    bob = make_package(map_project, tmp_path / "bob.gpkg", surveyor="Bob", areas=["5"]).path
    with sqlite3.connect(ann) as con:  # packed with its members, not only the household
        assert con.execute(f'SELECT parent_uuid, position, member_name FROM "{table}"').fetchall() == [
            (old.uuid, 1, "Ana"), (old.uuid, 2, "Leo")]
    from assetmap.project import Project

    ann_store = SurveyStore(Project.open(ann), device_id="ann")
    ann_store.save("household", household(location=loc, members=[LEO]), uuid=old.uuid, surveyor="Ann")
    new = SurveyStore(Project.open(bob), device_id="bob").save(
        "household", household(location=loc, head_name="Bo", members=[{"member_name": "Bo", "age": 50}]),
        surveyor="Bob")
    assert [len(r.updated) for r in (merge_package(map_project, ann),)] == [1]
    assert len(merge_package(map_project, bob).added) == 1
    with sqlite3.connect(map_project.path) as con:
        rows = con.execute(f'SELECT parent_uuid, position, member_name FROM "{table}" ORDER BY parent_uuid, '
                           "position").fetchall()
    assert sorted(rows) == sorted([(old.uuid, 1, "Leo"), (new.uuid, 1, "Bo")])


def test_a_package_with_a_table_no_form_names_is_still_refused(map_project, tmp_path):
    import sqlite3

    from assetmap.survey.merge import merge_package
    from assetmap.survey.pack import make_package

    SurveyStore(map_project, device_id="office").install_form(household_form(tmp_path))
    pkg = make_package(map_project, tmp_path / "p.gpkg", surveyor="Ann", areas=["5"]).path
    with sqlite3.connect(pkg) as con:  # looks like a child table, of a repeat the form does not have
        con.execute('CREATE TABLE "survey_household__pets" (x TEXT)')
    before = map_project.path.read_bytes()
    with pytest.raises(UserError, match="unexpected table 'survey_household__pets'"):
        merge_package(map_project, pkg)
    assert map_project.path.read_bytes() == before


def nested_form(tmp_path):
    from assetmap.survey.xlsform import load_form

    survey = [r[:] for r in SURVEY]
    end = next(i for i, r in enumerate(survey) if r[0] == "end_repeat")
    survey[end:end] = [["begin_repeat", "pets", "Pet", "", "", "", "", ""],
                       ["text", "pet_name", "Pet's name", "", "", "", "", ""],
                       ["end_repeat", "", "", "", "", "", "", ""]]
    return load_form(write_household_form(tmp_path / "nested.xlsx", survey))


def test_a_repeat_inside_a_repeat_is_named_at_install_and_its_export_files_in_the_import(project, tmp_path):
    """Not supported: the form installs without it, saying so, and an export's file or sheet of
    that repeat is named in the import report as not read (never dropped without a word)."""
    import zipfile

    from openpyxl import Workbook

    from assetmap.survey.kobo import import_export

    form = nested_form(tmp_path)
    assert form.unsupported == ["row 13 `pets` (begin_repeat): a repeat inside a repeat is not supported; "
                                "its questions (`pet_name`) are left out"]
    assert not form.has_question("pet_name") and [r.name for r in form.repeats()] == ["members"]
    SurveyStore(project).install_form(form)
    path = tmp_path / "household.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("household.csv", "SubmissionDate,nhd,block,head_name,KEY\n"
                                    "2026-06-01T12:00:00.000Z,soulard,so1,Cy,uuid:z1\n")
        z.writestr("household-members.csv", "member_name,age,PARENT_KEY,KEY\nCy,50,uuid:z1,uuid:z1/members[1]\n")
        z.writestr("household-pets.csv", "pet_name,PARENT_KEY,KEY\nRex,uuid:z1/members[1],uuid:z1/members[1]/pets[1]\n")
    report = import_export(project, path, "household")
    assert report.added == 1
    assert report.repeat_problems == ["household-pets.csv: not read: the form has no repeat `pets` (a repeat "
                                      "inside a repeat is left out when the form is installed)"]
    assert "household-pets.csv: not read" in report.text()

    wb = Workbook()
    wb.active.title = "Household survey"
    wb.active.append(["nhd", "block", "head_name", "_uuid", "_index", "_submission_time"])
    wb.active.append(["tower_grove", "tg1", "Ana", "x1", 1, "2026-05-02T10:00:00"])
    for title in ("members", "pets"):
        wb.create_sheet(title).append(["x", "_parent_index"])
    wb.save(tmp_path / "kobo.xlsx")
    report = import_export(project, tmp_path / "kobo.xlsx", "household")
    assert report.added == 1 and [p for p in report.repeat_problems if "pets" in p] == [
        "sheet pets: not read: the form has no repeat `pets` (a repeat inside a repeat is left out when the "
        "form is installed)"]
