"""The recent-projects setting is always a list of paths, whatever QSettings hands back."""

from __future__ import annotations

from types import SimpleNamespace


def test_one_recent_project_stored_as_a_string_stays_one_path(qtbot, isolated_home, tmp_path):
    from PySide6.QtWidgets import QMenu

    from assetmap.ui import window_actions

    menu = QMenu()
    qtbot.addWidget(menu)
    w = SimpleNamespace(recent_menu=menu, open_project=lambda p: None)
    st = window_actions.settings()
    st.setValue("recent_projects", "/root/one.gpkg")  # what Qt returns for a one-item list
    st.sync()
    assert window_actions.recent_projects() == ["/root/one.gpkg"]
    window_actions.remember_project(w, tmp_path / "two.gpkg")
    assert window_actions.recent_projects() == [str(tmp_path / "two.gpkg"), "/root/one.gpkg"]
    assert [a.text() for a in menu.actions()] == [str(tmp_path / "two.gpkg"), "/root/one.gpkg"]
    st.setValue("recent_projects", 7)  # a hand-edited or foreign value
    assert window_actions.recent_projects() == []
