"""Layer › Join table… in the real main window: the population CSV joined onto the State Plane
neighbourhoods, the report shown, and one Undo takes it back (Redo brings it again)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import STL
from tests.ui.conftest import open_main_window, wait_drawn


@pytest.fixture()
def window(qtbot, isolated_home, tmp_path):
    from assetmap.importers import import_file
    from assetmap.project import Project

    project = Project.create(tmp_path / "city.gpkg", crs="EPSG:4326")
    import_file(project, STL / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="neighborhoods")
    return open_main_window(qtbot, project.path, (1100, 760))


def _columns(path):
    with sqlite3.connect(path) as con:
        return [r[1] for r in con.execute("PRAGMA table_info(neighborhoods)")]


def test_join_from_the_layer_menu_is_undoable(window, qtbot, tmp_path):
    from assetmap.ui.join_dialog import JoinDialog

    w = window
    assert "join table" in w.actions_by_name
    before = w.project.path.read_bytes()
    w.actions_by_name["join table"].trigger()
    dlg = w.join_dialog
    assert isinstance(dlg, JoinDialog)
    qtbot.addWidget(dlg)
    assert dlg.layer.currentData() == "neighborhoods"
    assert dlg.layer_key.currentText() == "NHD_NUM"  # the areas layer's id field, preselected
    dlg.set_table(STL / "population_by_neighborhood.csv")
    assert dlg.table_key.currentText() == "NHD_NUM"  # matched by name
    with qtbot.waitSignal(dlg.run().finished, timeout=60000) as sig:
        pass
    assert sig.args == [True]
    wait_drawn(w, qtbot)
    text = dlg.result_box.toPlainText()
    assert "79 of 88 layer rows matched" in text
    assert "Layer rows with no match in the table (9): 80, 81, 82, 83, 84, 85, 86, 87, 88." in text
    assert "pop17" in _columns(w.project.path)
    dlg.grab().save(str(tmp_path / "join_dialog.png"))
    assert w.stack.undo_text == "join population_by_neighborhood.csv"
    w.stack.undo()
    wait_drawn(w, qtbot)
    assert "pop17" not in _columns(w.project.path)
    assert list(w.project.read_layer("neighborhoods").index) == list(range(1, 89))
    w.stack.redo()
    wait_drawn(w, qtbot)
    assert "pop17" in _columns(w.project.path)
    assert w.project.path.read_bytes() != before


def test_a_table_with_no_matching_key_leaves_the_project_as_it_was(window, qtbot, tmp_path):
    from assetmap.ui.join_dialog import JoinDialog

    w = window
    csv = tmp_path / "names.csv"
    csv.write_text("name,value\nnowhere,1\n", encoding="utf-8")
    before = w.project.path.read_bytes()
    dlg = JoinDialog(w, "neighborhoods")
    qtbot.addWidget(dlg)
    dlg.set_table(csv)
    task = dlg.run()
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [False] and "nothing was joined" in task.error.message
    task.error_box.close()
    assert not w.stack.can_undo
    assert w.project.path.read_bytes() == before
