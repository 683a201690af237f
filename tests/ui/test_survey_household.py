"""Issue 21, done when: a household form with members as a repeat and a cascading
neighbourhood → block select, filled in the app's survey panel on two field packages (a cascade
that narrows, members added and one removed), merged, conflict-checked with its members,
exported and re-imported unchanged."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from assetmap.survey.store import SurveyStore
from tests.survey.household import household_form
from tests.survey.storage_forms import point_in

pytestmark = pytest.mark.gui


def choose(combo, name):
    idx = combo.findData(name)
    assert idx >= 0, (name, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(idx)


def offered(combo):
    return [combo.itemData(i) for i in range(1, combo.count())]


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)


def open_panel(qtbot, path, surveyor):
    from assetmap.project import Project
    from assetmap.ui.survey.panel import SurveyPanel

    panel = SurveyPanel(Project.open(path), "household", surveyor=surveyor)
    qtbot.addWidget(panel)
    panel.resize(700, 1100)
    panel.show()
    return panel


def fill_member(qtbot, inst, name, age):
    type_into(qtbot, inst.rows["member_name"].editor.edit, name)
    type_into(qtbot, inst.rows["age"].editor.edit, str(age))
    inst.rows["age"].editor.edit.clearFocus()


def test_household_with_members_and_cascade_packed_merged_exported(qtbot, map_project, tmp_path, isolated_home):
    from assetmap.project import Project
    from assetmap.survey.kobo import import_export
    from assetmap.survey.pack import make_package, merge_package, pending_conflicts
    from assetmap.survey.summary import export_responses

    form = household_form(tmp_path)
    office = SurveyStore(map_project, device_id="office")
    office.install_form(form)
    ann_pkg = make_package(map_project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["17"]).path
    bob_pkg = make_package(map_project, tmp_path / "bob.gpkg", surveyor="Bob", areas=["39"]).path

    # --- Ann fills a household in her package ---
    panel = open_panel(qtbot, ann_pkg, "Ann")
    entry = panel.entry
    nhd, block = entry.rows["nhd"].editor.combo, entry.rows["block"].editor.combo
    assert offered(block) == []  # no neighbourhood yet: no blocks
    choose(nhd, "soulard")
    assert offered(block) == ["so1"]
    choose(block, "so1")
    choose(nhd, "tower_grove")  # the cascade narrows, and the Soulard block is cleared
    assert offered(block) == ["tg1", "tg2"] and block.currentData() is None
    choose(block, "tg2")
    type_into(qtbot, entry.rows["head_name"].editor.edit, "Ana Ruiz")
    entry.set_point("location", *point_in(map_project, 17))

    members = entry.repeat_sections["members"]
    for _ in range(3):
        qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    assert [i.heading.text() for i in members.instances] == [
        "Household member 1", "Household member 2", "Household member 3"]
    fill_member(qtbot, members.instances[0], "Ana", 34)
    fill_member(qtbot, members.instances[1], "Someone else", 50)
    fill_member(qtbot, members.instances[2], "Leo", 9)
    # The school group inside the repeat is asked for the child only.
    assert not members.instances[0].rows["in_school"].isVisible()
    assert members.instances[2].rows["in_school"].isVisible()
    choose(members.instances[2].rows["in_school"].editor.combo, "yes")
    qtbot.mouseClick(members.instances[1].remove, Qt.MouseButton.LeftButton)  # one removed
    assert [i.heading.text() for i in members.instances] == ["Household member 1", "Household member 2"]
    entry.set_point("location", *point_in(map_project, 17))
    from assetmap.ui.accessible import missing_accessible_names

    assert missing_accessible_names(panel) == []  # Add, Remove and every instance's fields are named
    qtbot.wait(100)  # let the layout settle before looking at it
    panel.grab().save(str(tmp_path / "household_entry.png"))
    ann_uuid = panel.save()
    assert ann_uuid, entry.problems()
    saved = SurveyStore(Project.open(ann_pkg)).get(ann_uuid).answers
    assert saved["members"] == [{"member_name": "Ana", "age": 34, "member_no": "1"},
                                {"member_name": "Leo", "age": 9, "in_school": "yes", "member_no": "2"}]
    assert (saved["n_members"], saved["total_age"], saved["first_member"]) == ("2", "43", "Ana")

    # Editing the saved household brings its two members back; Ctrl+Z-able edits keep them.
    panel.edit(ann_uuid)
    assert [i.rows["member_name"].editor.value() for i in panel.entry.repeat_sections["members"].instances] == [
        "Ana", "Leo"]
    assert panel.entry.rows["block"].editor.combo.currentData() == "tg2"

    # A member left without a name is refused, named by its place in the repeat.
    panel.new_entry()
    choose(panel.entry.rows["nhd"].editor.combo, "soulard")
    choose(panel.entry.rows["block"].editor.combo, "so1")
    type_into(qtbot, panel.entry.rows["head_name"].editor.edit, "Nobody")
    qtbot.mouseClick(panel.entry.repeat_sections["members"].add_button, Qt.MouseButton.LeftButton)
    assert panel.save() is None
    assert "members[1]/member_name" in panel.entry.problems()

    # --- Bob fills another household in his ---
    bob_panel = open_panel(qtbot, bob_pkg, "Bob")
    choose(bob_panel.entry.rows["nhd"].editor.combo, "soulard")
    choose(bob_panel.entry.rows["block"].editor.combo, "so1")
    type_into(qtbot, bob_panel.entry.rows["head_name"].editor.edit, "Bo Diaz")
    bob_members = bob_panel.entry.repeat_sections["members"]
    qtbot.mouseClick(bob_members.add_button, Qt.MouseButton.LeftButton)
    fill_member(qtbot, bob_members.instances[0], "Bo", 61)
    bob_panel.entry.set_point("location", *point_in(map_project, 39))
    bob_uuid = bob_panel.save()
    assert bob_uuid, bob_panel.entry.problems()

    # --- merged from the two packages; members become child rows keyed by the parent ---
    assert merge_package(map_project, ann_pkg).counts["added"] == 1
    assert merge_package(map_project, bob_pkg).counts["added"] == 1
    assert merge_package(map_project, ann_pkg).counts["added"] == 0  # twice changes nothing
    from assetmap.project import gpkg
    from assetmap.survey import repeat_store

    table = repeat_store.table_name("household", "members")
    with gpkg.connect(map_project.path, readonly=True) as con:
        rows = con.execute(f'SELECT parent_uuid, position, member_name FROM "{table}" ORDER BY parent_uuid, position'
                           ).fetchall()
    assert sorted(rows) == sorted([(ann_uuid, 1, "Ana"), (ann_uuid, 2, "Leo"), (bob_uuid, 1, "Bo")])

    # A member edited in the office and in Ann's package: a conflict on the household, not an overwrite.
    here = office.get(ann_uuid).answers
    office.save("household", {**here, "members": [here["members"][0], {**here["members"][1], "age": 10}]},
                uuid=ann_uuid, surveyor="lead")
    ann_store = SurveyStore(Project.open(ann_pkg), device_id="ann")
    there = ann_store.get(ann_uuid).answers
    ann_store.save("household", {**there, "members": there["members"][:1]}, uuid=ann_uuid, surveyor="Ann")
    report = merge_package(map_project, ann_pkg)
    assert report.counts["conflicts"] == 1 and "members" in report.conflicts[0].fields
    assert [m["age"] for m in office.get(ann_uuid).answers["members"]] == [34, 10]
    assert [c.uuid for c in pending_conflicts(map_project)] == [ann_uuid]

    # --- exported (one CSV per repeat) and re-imported unchanged ---
    out = tmp_path / "households.csv"
    assert export_responses(map_project, out) == 2
    with open(tmp_path / "households-members.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == 3
    again = import_export(map_project, out, "household")
    assert (again.added, again.updated, again.unchanged, again.rejected_rows) == (0, 0, 2, 0), again.text()
    fresh = Project.create(tmp_path / "fresh.gpkg", crs="EPSG:4326")
    SurveyStore(fresh).install_form(form)
    assert import_export(fresh, out, "household").added == 2
    assert SurveyStore(fresh).get(ann_uuid).answers["members"] == office.get(ann_uuid).answers["members"]
    assert import_export(fresh, out, "household").unchanged == 2
