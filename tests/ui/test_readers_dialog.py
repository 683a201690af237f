"""A reader registered in a test is offered by File › Import layer…'s filter and imported, and a
boundary format is offered by the welcome page, without editing any list in the UI."""

from __future__ import annotations

import pytest

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from tests.test_readers_registry import pts_file, read_pts, toy_format  # noqa: F401  (fixtures)
from tests.ui.conftest import open_main_window

pytestmark = pytest.mark.gui


def test_import_dialog_offers_and_imports_a_registered_reader(qtbot, isolated_home, map_project, toy_format,
                                                              pts_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from assetmap.ui import window_actions

    w = open_main_window(qtbot, map_project.path)
    offered = []

    def fake_open(parent, title, folder, filter_text):
        offered.append(filter_text)
        return [str(pts_file)], filter_text

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("assets", True)))
    window_actions.import_dialog(w)
    spatial = offered[0].split(";;")[0]
    assert "*.pts" in spatial.split("(")[1] and "*.geojson" in spatial and "*.csv" in spatial
    qtbot.waitUntil(lambda: "toy_sites" in w.project.layer_names(), timeout=60000)
    assert w.project.layer("toy_sites").feature_count == 2


def test_welcome_boundary_filter_and_text_follow_the_registry(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from assetmap.importers import readers
    from assetmap.ui.welcome import Choice, WelcomeDialog

    readers.register(readers.Reader("toyb", "Toy boundaries", (".tbnd",), read_pts, boundaries=True))
    try:
        dlg = WelcomeDialog()
        qtbot.addWidget(dlg)
        offered = []

        def fake_open(parent, title, folder, pattern):
            offered.append(pattern)
            return "", ""  # the user cancels

        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
        dlg.choose(Choice.NEW_FROM_BOUNDARIES)
        assert "*.tbnd" in offered[0] and "*.shp" in offered[0] and "*.csv" not in offered[0]
        assert "Toy boundaries" in dlg.buttons[Choice.NEW_FROM_BOUNDARIES].description()
    finally:
        readers.unregister("toyb")
