"""The Survey menu in the real main window: enter with a map click, merge packages, resolve conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from assetmap.survey.store import SurveyStore
from tests.ui.conftest import open_main_window, wait_drawn

pytestmark = pytest.mark.gui


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    return open_main_window(qtbot, demo_copy.path, (1200, 800))


def test_enter_a_response_with_a_map_click(window, qtbot, monkeypatch):
    w = window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.actions_by_name["survey enter"].trigger()  # no form yet: the built-in one is installed
    assert w.survey.dock is not None and w.survey.dock.isVisible()
    panel = w.survey.dock.panel
    panel.surveyor.setText("Rosa")
    rows = panel.entry.rows
    rows["asset_type"].editor.combo.setCurrentIndex(rows["asset_type"].editor.combo.findData("business"))
    rows["asset_name"].editor.edit.setText("Boys & Girls Club")
    rows["willing_to_partner"].editor.combo.setCurrentIndex(1)
    rows["location"].editor.pick.click()
    # The next click on the map is the location (a click elsewhere goes nowhere else).
    w.canvas.map_clicked.emit(-90.2405, 38.6170)
    assert rows["location"].editor.lat.text().startswith("38.617")
    uuid = panel.save()
    assert uuid, panel.status.text()
    layer = SurveyStore(w.project).layer("community_assets")
    assert layer in w.project.layer_names()
    assert w.project.layer(layer).feature_count == 1 or len(w.cache.frame(layer)) == 1
    qtbot.waitUntil(lambda: w.canvas.evaluate(f"assetmap.drawnIds('{layer}').length") == 1, timeout=10000)
    # Square and diamond symbols of the asset types once threw in the canvas renderer, which left
    # every other layer drawn at a stale zoom.
    w.canvas.zoom_to(layer)
    wait_drawn(w, qtbot)
    qtbot.wait(300)
    errors = [m for m in w.canvas.page().console if "Uncaught" in m]
    assert not errors, errors
    # Undo from the window's Edit menu takes the entry back, on the map too.
    w.actions_by_name["undo"].trigger()
    assert SurveyStore(w.project).responses("community_assets") == []
    qtbot.waitUntil(lambda: w.canvas.evaluate(f"assetmap.drawnIds('{layer}').length") == 0, timeout=10000)


def _office_entry(w):
    """The built-in form installed and one entry saved at the office: (store, its answers, uuid)."""
    from assetmap.survey import builtin_form

    store = SurveyStore(w.project, device_id="office")
    store.install_form(builtin_form())
    base = {"asset_type": "faith", "asset_name": "St. Ann", "willing_to_partner": "yes",
            "date_visited": "2026-05-01", "location": (38.6170, -90.2405)}
    return store, base, store.save("community_assets", base, surveyor="lead").uuid


def test_merge_packages_and_resolve_conflict(window, qtbot, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.pack import make_package

    w = window
    store, base, shared = _office_entry(w)
    w.survey.install(w.project)
    a = make_package(w.project, tmp_path / "a.gpkg", surveyor="amal").path
    b = make_package(w.project, tmp_path / "b.gpkg", surveyor="li").path
    sa = SurveyStore(Project.open(a), device_id="laptop-a")
    sb = SurveyStore(Project.open(b), device_id="laptop-b")
    sa.save("community_assets", {**base, "asset_name": "Church A", "location": (38.60, -90.25)}, surveyor="amal")
    sa.save("community_assets", {**base, "asset_name": "St. Ann Parish"}, uuid=shared, surveyor="amal")
    sb.save("community_assets", {**base, "asset_name": "Saint Ann"}, uuid=shared, surveyor="li")

    task = w.survey.merge_packages([str(a), str(b)])
    qtbot.waitUntil(lambda: getattr(w.survey, "last_report", None) is not None, timeout=20000)
    text = w.survey.last_report.text.toPlainText()
    assert "1 added" in text and "1 updated" in text and "1 conflict" in text, text
    dlg = w.survey.show_conflicts()
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() >= 1
    assert any(dlg.table.item(r, 3).text() == "Saint Ann" for r in range(dlg.table.rowCount()))
    dlg.resolve("package")
    assert dlg.table.rowCount() == 0
    assert SurveyStore(w.project).get(shared).answers["asset_name"] == "Saint Ann"
    assert task is not None


def test_summary_and_export(window, qtbot, tmp_path):
    from assetmap.survey import builtin_form

    w = window
    store = SurveyStore(w.project, device_id="office")
    store.install_form(builtin_form())
    store.save("community_assets", {"asset_type": "school", "asset_name": "Adams", "willing_to_partner": "yes",
                                    "date_visited": "2026-05-01", "location": (38.6170, -90.2405)}, surveyor="lead")
    w.survey.install(w.project)
    dlg = w.survey.show_summary()
    qtbot.addWidget(dlg)
    assert "1 entries" in dlg.text.toPlainText() or "1 entry" in dlg.text.toPlainText()
    out = tmp_path / "out.csv"
    task = w.survey.export_responses(str(out))
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=10000)
    assert "Adams" in out.read_text()
    assert task is not None


def test_survey_menu_sits_before_help(window):
    menus = [a.menu().objectName() for a in window.menuBar().actions() if a.menu()]
    assert menus[-1] == "HelpMenu"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Survey") < len(titles) - 1


def test_pick_the_location_with_a_real_click_on_the_map(window, qtbot, monkeypatch):
    """Pick, then a mouse click on the map (on a neighbourhood, as a volunteer would): the
    location is that place."""
    w = window
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.actions_by_name["survey enter"].trigger()
    panel = w.survey.dock.panel
    editor = panel.entry.rows["location"].editor
    editor.pick.click()
    frame = w.cache.frame("neighborhoods")
    wait_drawn(w, qtbot)  # the dock narrowed the map: its new view is drawn

    def free():  # a neighbourhood whose centre a mouse would reach (not under the legend), map at rest
        return [int(f) for f in frame.index[20:40]
                if "am-neighborhoods" in (w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {int(f)}, [])")
                                          or "")]

    qtbot.waitUntil(lambda: bool(free()), timeout=5000)
    fid = free()[0]
    w.canvas.evaluate(f"assetmap.mouseAt('neighborhoods', {fid})")
    qtbot.waitUntil(lambda: editor.lat.text() != "", timeout=5000)
    x, y = frame.to_crs(4326).geometry.loc[fid].centroid.coords[0]
    assert abs(float(editor.lat.text()) - y) < 0.01 and abs(float(editor.lon.text()) - x) < 0.01


def test_merge_places_a_typed_address_and_says_so(window, qtbot, tmp_path):
    """Survey › Merge field packages: an entry saved in the field with its address only (the
    package has no locator) is placed with the project's locator; the report says so, and names
    the address that was not found."""
    from assetmap.project import Project
    from assetmap.survey.pack import make_package
    from assetmap.survey.xlsform import load_form
    from tests.geocode.test_survey_repeat_geocode import main_st
    from tests.survey.test_merge_geocode import FORM

    w = window
    (tmp_path / "places.md").write_text(FORM)
    SurveyStore(w.project, device_id="office").install_form(load_form(tmp_path / "places.md"))
    lat, lon = main_st(w.project, tmp_path)
    w.survey.install(w.project)
    pkg = make_package(w.project, tmp_path / "ann.gpkg", surveyor="Ann").path
    field = SurveyStore(Project.open(pkg), device_id="ann-phone")
    found = field.save("places", {"site": "Library", "address": "120 Main St"}, surveyor="Ann")
    lost = field.save("places", {"site": "Clinic", "address": "5 Nowhere Rd"}, surveyor="Ann")

    w.survey.merge_packages([str(pkg)])
    qtbot.waitUntil(lambda: getattr(w.survey, "last_report", None) is not None, timeout=20000)
    text = w.survey.last_report.text.toPlainText()
    assert "2 added" in text and "Placed 1 typed address(es) with the project's locators (exact 1)." in text, text
    assert f"ADDRESS NOT FOUND {lost.uuid}: '5 Nowhere Rd'" in text, text
    assert SurveyStore(w.project).get(found.uuid).answers["location"] == pytest.approx((lat, lon + 2e-4))
    layer = SurveyStore(w.project).layer("places")
    qtbot.waitUntil(lambda: w.canvas.evaluate(f"assetmap.drawnIds('{layer}').length") == 1, timeout=10000)
    w.survey.last_report.grab().save(str(tmp_path / "merge_report.png"))


def test_keep_acts_on_the_first_conflict_with_a_modifier_held(window, qtbot, tmp_path):
    """The conflicts dialog selects its first entry through the selection model: the view's own
    selectRow follows the keyboard modifiers, and with Shift held it selected nothing, so
    Keep… did nothing (found when a test typing Ctrl+Shift+I ran just before)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package

    w = window
    store, base, shared = _office_entry(w)
    pkg = make_package(w.project, tmp_path / "li.gpkg", surveyor="li").path
    SurveyStore(Project.open(pkg), device_id="b").save("community_assets", {**base, "asset_name": "Saint Ann"},
                                                       uuid=shared, surveyor="li")
    store.save("community_assets", {**base, "asset_name": "St. Ann Parish"}, uuid=shared, surveyor="lead")
    assert merge_package(w.project, pkg).counts["conflicts"] == 1
    w.survey.install(w.project)
    # A shortcut typed a moment before (Ctrl+Shift+I, the Identify tool) leaves the application's
    # modifiers set (Shift, as the last key released reports them) until the next input event.
    QTest.keyClick(w.coords, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    try:
        assert QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
        dlg = w.survey.show_conflicts()
        qtbot.addWidget(dlg)
        assert dlg.table.selectedItems() and dlg.table.currentRow() == 0
        dlg.resolve("package")
        assert dlg.table.rowCount() == 0
        assert SurveyStore(w.project).get(shared).answers["asset_name"] == "Saint Ann"
    finally:
        QTest.mouseClick(w.coords, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
