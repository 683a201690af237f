"""Merging is atomic and hostile-input safe (issue 17, case 6)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.project import Project
from tests.survey.storage_forms import asset_form, point_in


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def packed(map_project, tmp_path):
    """The office project with a form, and a volunteer's package with a second form and an entry in it."""
    from assetmap.survey.pack import make_package
    from assetmap.survey.store import SurveyStore

    store = SurveyStore(map_project, device_id="office")
    store.install_form(asset_form())
    store.save("assets", {"name": "Church", "asset_type": "faith", "location": point_in(map_project, 5)},
               surveyor="Lead")
    pkg = tmp_path / "ann.gpkg"
    make_package(map_project, pkg, surveyor="Ann")
    pstore = SurveyStore(Project.open(pkg), device_id="ann-laptop")
    second = asset_form()
    second.form_id, second.title = "community_assets", "Second survey"
    pstore.install_form(second)  # a form the office has not installed yet
    pstore.save("community_assets", {"name": "Youth club", "asset_type": "school",
                                     "location": point_in(map_project, 6)}, surveyor="Ann")
    pstore.save("assets", {"name": "Library", "asset_type": "school", "location": point_in(map_project, 5)},
                surveyor="Ann")
    return map_project, pkg


def _merge_refused(project, pkg, capsys, needle: str) -> None:
    before = _digest(project.path)
    for _ in range(2):  # every time, not only the first
        assert main(["survey", "merge", str(project.path), str(pkg)]) == 2
        err = capsys.readouterr().err
        assert needle in err and "Traceback" not in err, err
        assert _digest(project.path) == before


def _forge(pkg, sql_statements) -> None:
    with sqlite3.connect(pkg) as con:
        for stmt, args in sql_statements:
            con.execute(stmt, args)


def test_form_id_with_quotes_and_sql_is_refused_and_the_project_unchanged(packed, capsys):
    project, pkg = packed
    with sqlite3.connect(pkg) as con:
        form_id, layer, text = con.execute("SELECT form_id, layer, json FROM assetmap_survey_forms "
                                           "WHERE form_id='community_assets'").fetchone()
    evil = "x'); DROP TABLE neighborhoods; --"
    d = json.loads(text)
    d["form_id"] = evil
    _forge(pkg, [("INSERT INTO assetmap_survey_forms (form_id, version, title, layer, json, installed_at) "
                  "VALUES (?, '', 'Evil', ?, ?, '')",
                  (evil, f"survey_{evil}", json.dumps(d)))])
    _merge_refused(project, pkg, capsys, "a form id is")
    assert "neighborhoods" in Project.open(project.path).layer_names()


@pytest.mark.parametrize("stmt,needle", [
    ("CREATE TABLE payload (x)", "unexpected table 'payload'"),
    ("CREATE VIEW v AS SELECT 1", "a view"),
    ("CREATE TRIGGER sneaky AFTER INSERT ON assetmap_survey_pack_base BEGIN DELETE FROM assetmap_layers; END",
     "unexpected trigger 'sneaky'"),
    ("UPDATE assetmap_layers SET name = 'a\"b' WHERE name = 'neighborhoods'", "a layer is named"),
])
def test_unexpected_tables_triggers_and_names_are_refused(packed, capsys, stmt, needle):
    project, pkg = packed
    _forge(pkg, [(stmt, ())])
    _merge_refused(project, pkg, capsys, needle)


def test_question_names_with_sql_are_refused(packed, capsys):
    project, pkg = packed
    with sqlite3.connect(pkg) as con:
        text = con.execute("SELECT json FROM assetmap_survey_forms WHERE form_id='community_assets'").fetchone()[0]
        d = json.loads(text)
        d["questions"][1]["name"] = 'a" TEXT); DROP TABLE hubs; --'
        con.execute("UPDATE assetmap_survey_forms SET json=? WHERE form_id='community_assets'", (json.dumps(d),))
    _merge_refused(project, pkg, capsys, "question named")


def test_form_install_and_responses_land_together_or_not_at_all(packed, monkeypatch):
    """A failure after the new form's layer is made leaves no form, no layer, no row."""
    import assetmap.survey.merge as merge_mod
    from assetmap.survey.merge import merge_package

    project, pkg = packed
    before = _digest(project.path)
    calls = {"n": 0}
    real = merge_mod._copy_media

    def fail_late(con, pkg_project, uuid):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(con, pkg_project, uuid)

    monkeypatch.setattr(merge_mod, "_copy_media", fail_late)
    with pytest.raises(OSError):
        merge_package(project, pkg)
    assert _digest(project.path) == before
    assert "survey_community_assets" not in Project.open(project.path).layer_names()
    monkeypatch.setattr(merge_mod, "_copy_media", real)
    report = merge_package(project, pkg)
    assert len(report.added) == 2
    assert "survey_community_assets" in Project.open(project.path).layer_names()
    assert merge_package(project, pkg).counts["added"] == 0  # merging twice changes nothing
