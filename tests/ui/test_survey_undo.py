"""Issue 16: Survey › Merge field packages… and Import a KoboToolbox/ODK export… are one undo step
each. Ctrl+Z (the window's Undo) puts the form's layer, the history, photos, merges, conflicts,
imports, forms registry and the repeats' child tables back row for row as read before the work
(a table the work made is gone again); Redo brings back what the work wrote."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.survey.store import SurveyStore
from tests.survey.household import household_form
from tests.survey.storage_forms import point_in
from tests.survey.test_kobo_import import KOBO_HEADER, kobo_row, write_csv
from tests.ui.conftest import open_main_window, wait_drawn

pytestmark = pytest.mark.gui

SURVEY_TABLES = ("assetmap_survey_forms", "assetmap_survey_history", "assetmap_survey_media",
                 "assetmap_survey_merges", "assetmap_survey_conflicts", "assetmap_survey_conflict_media",
                 "assetmap_survey_imports")


def read_back(path, layers=()) -> dict:
    """Every survey table and form layer of the project file, row for row (bytes as stored), with
    the layers the project lists: what undo must restore. An absent table reads None."""
    con = sqlite3.connect(path)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        wanted = [*SURVEY_TABLES, *layers, *sorted(n for n in names if "__" in n and n.startswith("survey_"))]
        out = {}
        for table in dict.fromkeys(wanted):
            if table not in names:
                out[table] = None
                continue
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            rows = con.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            out[table] = (sorted(cols), sorted(tuple(sorted(zip(cols, r), key=lambda cv: cv[0])) for r in rows))
        out["layers"] = sorted(r[0] for r in con.execute("SELECT name FROM assetmap_layers"))
        return out
    finally:
        con.close()


def undo(w):
    w.actions_by_name["undo"].trigger()


def redo(w):
    w.actions_by_name["redo"].trigger()


def shown(w, qtbot, layer) -> tuple[bool, bool]:
    """Whether ``layer`` is in the layers panel, and drawn on the map."""
    wait_drawn(w, qtbot)
    return layer in w.layers_panel.names(), layer in [lyr["name"] for lyr in w.canvas.state()["layers"]]


def run(qtbot, task):
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error


def member(name, age):
    return {"member_name": name, "age": age}


def household(project, nhd, block, head, members):
    return {"nhd": nhd, "block": block, "head_name": head, "location": point_in(project, 17), "members": members}


@pytest.fixture()
def window(qtbot, isolated_home, map_project):
    return open_main_window(qtbot, map_project.path, (1000, 700))


def test_merge_is_undone_and_redone_with_history_conflicts_and_members(window, qtbot, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package

    w = window
    office = SurveyStore(w.project, device_id="office")
    office.install_form(household_form(tmp_path))
    shared = office.save("household", household(w.project, "tower_grove", "tg1", "Ana",
                                                [member("Ana", 34), member("Luis", 10)]), surveyor="lead").uuid
    w.survey.install(w.project)
    a = make_package(w.project, tmp_path / "a.gpkg", surveyor="amal", areas=["17"]).path
    b = make_package(w.project, tmp_path / "b.gpkg", surveyor="li", areas=["17"]).path
    sa, sb = SurveyStore(Project.open(a), device_id="a"), SurveyStore(Project.open(b), device_id="b")
    added = sa.save("household", household(w.project, "soulard", "so1", "Bea", [member("Bea", 50)]),
                    surveyor="amal").uuid
    sa.save("household", household(w.project, "tower_grove", "tg1", "Ana",
                                   [member("Ana", 34), member("Luis", 11)]), uuid=shared, surveyor="amal")
    sb.save("household", household(w.project, "tower_grove", "tg2", "Ana R.", [member("Ana", 34)]),
            uuid=shared, surveyor="li")
    layer = office.layer("household")
    before = read_back(w.project.path, [layer])
    assert before["survey_household__members"] is not None

    run(qtbot, w.survey.merge_packages([str(a), str(b)]))
    text = w.survey.last_report.text.toPlainText()
    assert "1 added" in text and "1 updated" in text and "1 conflict" in text, text
    after = read_back(w.project.path, [layer])
    for table in ("assetmap_survey_history", "assetmap_survey_merges", "assetmap_survey_conflicts",
                  "survey_household__members", layer):
        assert after[table] != before[table], table
    assert w.stack.undo_text == "Merge field packages"

    undo(w)
    assert read_back(w.project.path, [layer]) == before
    store = SurveyStore(w.project)
    assert [r.uuid for r in store.responses("household")] == [shared]
    assert [m["age"] for m in store.get(shared).answers["members"]] == [34, 10]
    assert w.survey.dock is not None and w.survey.dock.form_id == "household"
    assert shown(w, qtbot, layer) == (True, True)
    assert len(w.cache.frame(layer)) == 1   # what the map reads was refreshed by the events

    redo(w)
    assert read_back(w.project.path, [layer]) == after
    store = SurveyStore(w.project)
    assert {r.uuid for r in store.responses("household")} == {shared, added}
    assert [m["age"] for m in store.get(shared).answers["members"]] == [34, 11]
    assert len(w.cache.frame(layer)) == 2

    undo(w)   # and again: the swap works both ways more than once
    assert read_back(w.project.path, [layer]) == before
    # a merge after the undo works as the first did
    run(qtbot, w.survey.merge_packages([str(a), str(b)]))
    assert {r.uuid for r in SurveyStore(w.project).responses("household")} == {shared, added}


def test_merge_that_installs_a_form_is_undone_with_its_layer(window, qtbot, tmp_path):
    """A package whose form the project does not have yet: undo removes the form, its layer and the
    survey tables the merge made; redo brings them back."""
    from assetmap.project import Project
    from assetmap.survey import builtin_form
    from assetmap.survey.pack import make_package

    w = window
    SurveyStore(w.project, device_id="office").install_form(builtin_form())
    pkg = make_package(w.project, tmp_path / "a.gpkg", surveyor="amal").path
    layer = SurveyStore(w.project).layer("community_assets")
    SurveyStore(Project.open(pkg), device_id="a").save(
        "community_assets", {"asset_type": "faith", "asset_name": "Church A", "willing_to_partner": "yes",
                             "date_visited": "2026-05-01", "location": (38.60, -90.25)}, surveyor="amal")
    # the office project has no form (made the package from a copy that had it, say)
    with w.project.edit() as tx, tx.sql() as con:
        con.execute("DELETE FROM assetmap_survey_forms")
        tx.remove_layer(layer)
    w.stack.clear()
    w.survey.install(w.project)
    assert w.survey.dock is None
    before = read_back(w.project.path, [layer])
    assert before[layer] is None

    run(qtbot, w.survey.merge_packages([str(pkg)]))
    after = read_back(w.project.path, [layer])
    assert after[layer] is not None and layer in w.project.layer_names()
    assert w.survey.dock is not None

    undo_form_install(w, qtbot, layer, before)

    redo(w)
    assert read_back(w.project.path, [layer]) == after
    assert [r.answers["asset_name"] for r in SurveyStore(w.project).responses("community_assets")] == ["Church A"]
    assert w.survey.dock is not None and shown(w, qtbot, layer) == (True, True)


def undo_form_install(w, qtbot, layer, before) -> None:
    """Undo of work that installed a form: the tables as before, no form, no layer, no dock."""
    undo(w)
    assert read_back(w.project.path, [layer]) == before
    assert layer not in w.project.layer_names() and SurveyStore(w.project).forms() == []
    assert w.survey.dock is None and shown(w, qtbot, layer) == (False, False)


def _export(tmp_path, rows):
    return write_csv(tmp_path / "kobo.csv", KOBO_HEADER, rows)


def test_import_into_an_existing_form_is_undone_and_redone(window, qtbot, tmp_path):
    from assetmap.survey import builtin_form

    w = window
    office = SurveyStore(w.project, device_id="office")
    office.install_form(builtin_form())
    kept = office.save("community_assets", {"asset_type": "school", "asset_name": "Adams", "willing_to_partner": "yes",
                                            "date_visited": "2026-05-01", "location": (38.6170, -90.2405)},
                       surveyor="lead").uuid
    w.survey.install(w.project)
    layer = office.layer("community_assets")
    export = _export(tmp_path, [kobo_row(asset_type="faith", asset_name="Church", _uuid="k1",
                                         location="38.617 -90.24 0 5"),
                                kobo_row(asset_type="business", asset_name="Shop", _uuid="k2",
                                         location="38.62 -90.25 0 5")])
    before = read_back(w.project.path, [layer])

    run(qtbot, w.survey.import_export(str(export)))
    assert "2 added" in w.survey.last_report.text.toPlainText(), w.survey.last_report.text.toPlainText()
    after = read_back(w.project.path, [layer])
    assert after["assetmap_survey_history"] != before["assetmap_survey_history"] and after[layer] != before[layer]
    assert {r.uuid for r in SurveyStore(w.project).responses("community_assets")} == {kept, "k1", "k2"}

    undo(w)
    assert read_back(w.project.path, [layer]) == before
    assert [r.uuid for r in SurveyStore(w.project).responses("community_assets")] == [kept]
    redo(w)
    assert read_back(w.project.path, [layer]) == after
    # an import again after undo/redo: nothing new (the imports table came back with the rows)
    run(qtbot, w.survey.import_export(str(export)))
    assert {r.uuid for r in SurveyStore(w.project).responses("community_assets")} == {kept, "k1", "k2"}
    assert read_back(w.project.path, [layer])[layer] == after[layer]


def test_import_that_installs_a_form_is_undone_with_the_form_and_its_layer(window, qtbot, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.summary import export_responses
    from assetmap.survey.xlsform import load_form
    from tests.survey.household import write_household_form

    w = window
    form = write_household_form(tmp_path / "household.xlsx")
    layer = "survey_household"
    assert load_form(form).form_id == "household"
    before = read_back(w.project.path, [layer])
    assert before[layer] is None and before["assetmap_survey_forms"] is None
    out = tmp_path / "households.csv"
    # an export of the household form: exported from a scratch project that has two responses
    scratch = Project.create(tmp_path / "scratch.gpkg", crs="EPSG:4326")
    s = SurveyStore(scratch, device_id="x")
    s.install_form(load_form(form))
    s.save("household", household(w.project, "tower_grove", "tg1", "Ana", [member("Ana", 34), member("Luis", 10)]),
           surveyor="x")
    s.save("household", household(w.project, "soulard", "so1", "Bea", [member("Bea", 50)]), surveyor="x")
    assert export_responses(scratch, out) == 2

    run(qtbot, w.survey.import_export(str(out), form=str(form)))
    after = read_back(w.project.path, [layer])
    assert after[layer] is not None and len(after["survey_household__members"][1]) == 3
    assert layer in w.project.layer_names() and w.survey.dock is not None

    undo_form_install(w, qtbot, layer, before)

    redo(w)
    assert read_back(w.project.path, [layer]) == after
    assert len(SurveyStore(w.project).responses("household")) == 2
    assert w.survey.dock is not None and w.survey.dock.form_id == "household"
    assert shown(w, qtbot, layer) == (True, True)


def test_an_import_stopped_half_way_is_one_undo_step_and_a_refused_one_none(window, qtbot, tmp_path, monkeypatch):
    """An import saves row by row: what it saved before it stopped is undone like a whole import.
    One refused before it wrote anything leaves no undo step."""
    from assetmap.errors import UserError
    from assetmap.survey import builtin_form

    w = window
    office = SurveyStore(w.project, device_id="office")
    office.install_form(builtin_form())
    w.survey.install(w.project)
    layer = office.layer("community_assets")
    export = _export(tmp_path, [kobo_row(asset_type="faith", asset_name=f"Church {i}", _uuid=f"k{i}",
                                         location="38.617 -90.24 0 5") for i in range(3)])
    before = read_back(w.project.path, [layer])
    real = SurveyStore.save_imported
    calls = []

    def second_fails(self, *a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise UserError("the disk is full", "free some space")
        return real(self, *a, **k)

    monkeypatch.setattr(SurveyStore, "save_imported", second_fails)
    task = w.survey.import_export(str(export))
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [False]
    task.error_box.close()
    assert [r.uuid for r in SurveyStore(w.project).responses("community_assets")] == ["k0"]
    assert w.stack.undo_text == "Import survey export"
    undo(w)
    assert read_back(w.project.path, [layer]) == before

    calls.clear()
    monkeypatch.setattr(SurveyStore, "save_imported", lambda self, *a, **k: (_ for _ in ()).throw(
        UserError("refused", "nothing written")))
    w.stack.clear()
    task = w.survey.import_export(str(export))
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    task.error_box.close()
    assert not w.stack.can_undo and read_back(w.project.path, [layer]) == before
