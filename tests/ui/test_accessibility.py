"""Accessibility of the main window: every interactive widget has a name a screen reader can
say, text scales without clipping, a high-contrast style, help on each dock, plain error
messages, and a Settings dialog that saves what it shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QDialog, QDockWidget, QLabel,
                               QMessageBox, QToolButton)

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from assetmap.ui import appearance
from assetmap.ui.accessible import missing_accessible_names

pytestmark = pytest.mark.gui
UI = Path(__file__).resolve().parents[2] / "assetmap" / "ui"


@pytest.fixture(autouse=True)
def _plain_appearance(qapp):
    """Font and palette are app-wide: put them back for the tests that follow."""
    yield
    appearance.apply(qapp, scale=1.0, contrast=False)


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    from tests.ui.conftest import open_main_window

    return open_main_window(qtbot, demo_copy.path)


def show_everything(w, qtbot) -> list[QDockWidget]:
    """Every dock (Layers, Attribute table, Hubs, Finder, Territories, Survey) and the time slider."""
    from assetmap.survey import builtin_form
    from assetmap.survey.store import SurveyStore

    SurveyStore(w.project).install_form(builtin_form())
    w.survey.install(w.project)
    w.show_table("neighborhoods")
    # a report layer with periods shown brings up the time slider
    w.set_layer_visible("maltreatment_by_neighborhoods_quarterly", True)
    docks = w.findChildren(QDockWidget)
    for d in docks:
        d.setFloating(False)
        d.show()
        d.raise_()
    qtbot.waitUntil(lambda: w.report_maps.toolbar.isVisible(), timeout=5000)
    return docks


def test_every_interactive_widget_has_an_accessible_name(window, qtbot):
    w = window
    docks = show_everything(w, qtbot)
    titles = {d.objectName() for d in docks}
    assert {"LayersDock", "AttributeTableDock", "HubsDock", "FinderDock", "TerritoriesPanel",
            "SurveyDock"} <= titles
    # Tabified docks hide each other: raise each in turn and walk what is on screen.
    missing = set()
    for d in docks:
        d.raise_()
        qtbot.wait(10)
        missing.update(missing_accessible_names(w))
    assert w.canvas.accessibleName()
    survey = w.survey.dock.windowTitle()
    assert not [m for m in missing if not m.endswith(f" in {survey}")], sorted(missing)


def test_survey_dock_widgets_have_accessible_names(window, qtbot):
    show_everything(window, qtbot)
    window.survey.dock.raise_()
    qtbot.wait(10)
    assert not missing_accessible_names(window.survey.dock)


def test_the_check_finds_an_unnamed_widget(window, qtbot):
    from PySide6.QtWidgets import QPushButton

    b = QPushButton("Nameless", window.layers_panel.widget())
    b.show()
    assert any("Nameless" in m for m in missing_accessible_names(window))


def test_dialogs_have_accessible_names(window, qtbot):
    from assetmap.hubs.taxonomy import categories
    from assetmap.layers.style import Style
    from assetmap.ui.hubs_dock import HubForm
    from assetmap.ui.report_maps import CompareDialog
    from assetmap.ui.settings_dialog import SettingsDialog
    from assetmap.ui.style_dialog import StyleDialog

    dialogs = [SettingsDialog(window), StyleDialog(Style.default_for(window.project.layer("neighborhoods").role),
                                                   ["population"], ["name"], "Neighbourhoods", window),
               HubForm(window, categories()), CompareDialog(window.report_maps.aggregate_layers(), window)]
    for dlg in dialogs:
        qtbot.addWidget(dlg)
        dlg.show()
        assert dlg.accessibleName()
        assert not missing_accessible_names(dlg), (type(dlg).__name__, missing_accessible_names(dlg))
        # labels of a form point at their field, so Alt+letter and screen readers find it
        for label in dlg.findChildren(QLabel):
            if "&" in label.text():
                assert label.buddy() is not None, label.text()
        dlg.close()


def test_reports_wizard_pages_have_accessible_names(window, qtbot, stl):
    from assetmap.ui.reports_wizard import ReportsWizard

    wiz = ReportsWizard(window.project, window)
    qtbot.addWidget(wiz)
    wiz.show()
    assert wiz.accessibleName()
    wiz.file_page.path.setText(str(next(stl.glob("*.csv"))))
    seen = []
    while True:
        qtbot.wait(10)
        page = wiz.currentPage()
        seen.append(page)
        assert not missing_accessible_names(wiz), (page.title(), missing_accessible_names(wiz))
        for label in page.findChildren(QLabel):
            if "&" in label.text() and not label.text().startswith("<"):
                assert label.buddy() is not None, label.text()
        if wiz.nextId() == -1:
            break
        wiz.next()
    assert seen == [wiz.intro, wiz.file_page, wiz.units_page]


def _tab_chain(qtbot, dlg, start, n: int) -> list:
    """The widgets Tab visits after ``start`` (a spin box's own line edit stands for the spin box)."""
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow, timeout=5000)
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=5000)
    chain = []
    for _ in range(n):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        f = QApplication.focusWidget()
        chain.append(f.parentWidget() if isinstance(f.parentWidget(), QAbstractSpinBox) else f)
    return chain


def test_style_dialog_tab_order_follows_the_screen(window, qtbot):
    from assetmap.layers.style import Style
    from assetmap.ui.style_dialog import StyleDialog

    dlg = StyleDialog(Style.default_for(window.project.layer("neighborhoods").role), ["population"], ["name"])
    qtbot.addWidget(dlg)
    # fill opacity is shown above point size and symbol, though made after them
    assert _tab_chain(qtbot, dlg, dlg.color, 3) == [dlg.opacity, dlg.size, dlg.symbol]


def test_hub_form_tab_order_follows_the_screen(qtbot):
    from assetmap.hubs.taxonomy import categories
    from assetmap.ui.hubs_dock import HubForm

    form = HubForm(None, categories())
    qtbot.addWidget(form)
    assert _tab_chain(qtbot, form, form.name, 10) == [form.organization, form.category, form.address, form.city,
                                                      form.state, form.postal_code, form.phone, form.hours,
                                                      form.eligibility, form.confidential]


def test_large_text_grows_fonts_and_nothing_is_cut(window, qtbot, qapp):
    w = window
    show_everything(w, qtbot)
    before = qapp.font().pointSizeF()
    button_before = w.layers_panel.buttons["style"].font().pointSizeF()
    appearance.apply(qapp, scale=1.5, contrast=False)
    qtbot.wait(50)
    assert qapp.font().pointSizeF() == round(before * 1.5)
    assert w.layers_panel.buttons["style"].font().pointSizeF() == round(button_before * 1.5)
    # applying again does not compound
    appearance.apply(qapp, scale=1.5, contrast=False)
    assert qapp.font().pointSizeF() == round(before * 1.5)
    w.resize(1600, 1000)
    qtbot.wait(100)
    cut = []
    for d in w.findChildren(QDockWidget):
        d.raise_()
        qtbot.wait(10)
        for b in d.findChildren(QAbstractButton):
            if not b.isVisible() or not b.text() or isinstance(b, QToolButton):
                continue
            need = QFontMetrics(b.font()).horizontalAdvance(b.text().replace("&", ""))
            if b.sizeHint().width() < need or b.width() < need:
                cut.append((d.windowTitle(), b.text(), b.width(), need))
    assert not cut, cut
    # the status bar, toolbar buttons and dock titles grow too
    assert w.statusBar().font().pointSizeF() == round(before * 1.5)


def _drawn_width(label: QLabel) -> int:
    """Width the label's text needs as drawn: the underlined mnemonic letter is drawn apart from
    its neighbours, so a kerned pair split there ("Te", "To") is wider than Qt measures it."""
    text, fm = label.text(), QFontMetrics(label.font())
    i = text.find("&")
    if i < 0 or i + 1 >= len(text):
        return fm.horizontalAdvance(text)
    return sum(fm.horizontalAdvance(part) for part in (text[:i], text[i + 1], text[i + 2:]))


def test_large_text_labels_are_not_cut(window, qtbot, qapp):
    from assetmap.hubs.taxonomy import categories
    from assetmap.layers.style import Style
    from assetmap.ui.hubs_dock import HubForm
    from assetmap.ui.report_maps import CompareDialog
    from assetmap.ui.settings_dialog import SettingsDialog
    from assetmap.ui.style_dialog import StyleDialog
    from assetmap.ui.territories_balance import BalanceDialog
    from assetmap.ui.territories_panel import TerritoriesPanel

    from assetmap.territories import store
    from assetmap.territories.model import open_plan

    appearance.apply(qapp, scale=1.5, contrast=True)
    store.save_plan(window.project, store.PlanRecord("Plan A", "neighborhoods", store.default_teams(3),
                                                     fields=["population"]))
    panel = TerritoriesPanel(window.project)
    roots = [SettingsDialog(window), StyleDialog(Style.default_for(window.project.layer("neighborhoods").role),
                                                 ["population"], ["name"], "Neighbourhoods", window),
             HubForm(window, categories()), CompareDialog(window.report_maps.aggregate_layers(), window),
             window.features.finder, panel]
    roots.append(BalanceDialog(open_plan(window.project, "Plan A"), ["Plan A"], window))
    cut = []
    for root in roots:
        if root.parent() is None:
            qtbot.addWidget(root)
        root.show()
        qtbot.wait(20)
        for label in root.findChildren(QLabel):
            if label.isVisible() and label.text() and not label.wordWrap() and label.width() < _drawn_width(label):
                cut.append((type(root).__name__, label.text(), label.width(), _drawn_width(label)))
        root.hide()
    assert not cut, cut


def test_high_contrast_palette_and_back(qapp, isolated_home):
    appearance.apply(qapp, scale=1.0, contrast=True)
    pal = qapp.palette()
    assert pal.color(QPalette.ColorRole.Window).name() == "#000000"
    assert pal.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert pal.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    assert "focus" in qapp.styleSheet() and "#ffff00" in qapp.styleSheet()
    appearance.apply(qapp, scale=1.0, contrast=False)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() != "#000000"
    assert qapp.styleSheet() == ""


def test_saved_appearance_applies_at_start(qapp, isolated_home):
    from assetmap.ui.app import ensure_qt_app

    before = qapp.font().pointSizeF()
    appearance.save(1.25, True)
    assert ensure_qt_app() is qapp
    assert qapp.font().pointSizeF() == round(before * 1.25)
    assert qapp.palette().color(QPalette.ColorRole.Base).name() == "#000000"


@pytest.fixture()
def language_setting():
    """The language goes to Qt's default QSettings (i18n owns that): restore it afterwards."""
    from assetmap.ui import i18n

    old = QSettings().value(i18n.SETTINGS_KEY)
    yield
    if old is None:
        QSettings().remove(i18n.SETTINGS_KEY)
    else:
        QSettings().setValue(i18n.SETTINGS_KEY, old)


def test_settings_dialog_saves_what_it_shows(window, qtbot, qapp, language_setting, monkeypatch):
    from assetmap.ui import i18n
    from assetmap.ui.settings_dialog import SettingsDialog
    from assetmap.ui.window_actions import settings

    monkeypatch.delenv("ASSETMAP_LANGUAGE", raising=False)
    before = qapp.font().pointSizeF()
    calls = []
    monkeypatch.setattr(window.canvas, "set_basemap", lambda url, attr="": calls.append((url, attr)))
    window.actions_by_name["settings"].trigger()   # Edit › Settings…
    dlg = [d for d in window.findChildren(SettingsDialog) if d.isVisible()][-1]
    qtbot.addWidget(dlg)
    assert isinstance(dlg, SettingsDialog) and dlg.isVisible()
    assert [dlg.language.itemData(i) for i in range(dlg.language.count())] == list(i18n.LANGUAGES)
    dlg.language.setCurrentIndex(dlg.language.findData("es"))
    dlg.text_size.setCurrentIndex(dlg.text_size.findData(1.5))
    dlg.contrast.setChecked(True)
    dlg.basemap.setText("https://tiles.example.org/{z}/{x}/{y}.png")
    dlg.attribution.setText("© Example")
    qtbot.mouseClick(_save_button(dlg), Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    st = settings()
    assert float(st.value(appearance.SCALE_KEY)) == 1.5 and appearance.high_contrast()
    assert st.value("basemap/xyz_url") == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert st.value("basemap/attribution") == "© Example"
    assert i18n.chosen_language() == "es"
    assert qapp.font().pointSizeF() == round(before * 1.5)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert calls == [("https://tiles.example.org/{z}/{x}/{y}.png", "© Example")]
    # opened again, it shows what was saved
    again = SettingsDialog(window)
    qtbot.addWidget(again)
    assert again.language.currentData() == "es" and again.text_size.currentData() == 1.5
    assert again.contrast.isChecked() and again.attribution.text() == "© Example"
    # Cancel keeps the settings as they were
    again.text_size.setCurrentIndex(again.text_size.findData(1.0))
    again.reject()
    assert float(settings().value(appearance.SCALE_KEY)) == 1.5


def _save_button(dlg):
    from PySide6.QtWidgets import QDialogButtonBox

    return dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def test_dock_help_and_empty_hints(qtbot, isolated_home, project):
    from assetmap.commands import CommandStack
    from assetmap.ui.hubs_dock import HubsDock
    from assetmap.ui.layers_panel import LayersPanel

    panel = LayersPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.help.hint.isVisible() and "Import" in panel.help.hint.text()
    assert panel.whatsThis()
    box = panel.help.show_help()
    assert box.isVisible() and "Tick a layer" in box.text()
    box.close()
    assert panel.help.button.accessibleName() and panel.help.button.text() == "?"
    hubs = HubsDock(project, CommandStack())   # a new project has no hubs
    qtbot.addWidget(hubs)
    hubs.show()
    assert hubs.help.hint.isVisible()


def test_each_dock_of_the_window_has_help(window, qtbot):
    docks = show_everything(window, qtbot)
    mine = [d for d in docks if d.objectName() in ("LayersDock", "AttributeTableDock", "HubsDock", "FinderDock",
                                                   "TerritoriesPanel")]
    assert len(mine) == 5
    for d in mine:
        assert d.whatsThis(), d.windowTitle()
        assert d.help.button.accessibleName()
    # the demo has layers: no "import a layer" hint
    window.layers_panel.raise_()
    assert not window.layers_panel.help.hint.isVisible()


def test_worker_failures_in_plain_words(window, qtbot):
    from assetmap.errors import UserError
    from assetmap.ui.workers import run_task

    def boom(ctx):
        raise KeyError("geometry_column_xyz")

    task = run_task(window, "Import", boom)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    box = task.error_box
    assert box.isVisible()
    assert "KeyError" not in box.text() and "geometry_column_xyz" not in box.text()
    assert "Import" in box.text() and "Try again" in box.informativeText()
    assert "KeyError" in box.detailedText() and "geometry_column_xyz" in box.detailedText()
    box.close()

    def refused(ctx):
        raise UserError("The file has no coordinates.", "Choose a file with latitude and longitude columns.")

    task = run_task(window, "Import", refused)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    box = task.error_box
    assert box.text() == "The file has no coordinates."
    assert box.informativeText() == "Choose a file with latitude and longitude columns."
    assert not box.detailedText()
    box.close()


def test_open_failure_says_what_to_do(qtbot, isolated_home, tmp_path, monkeypatch):
    from assetmap.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.text(), self.informativeText())))
    w = MainWindow()
    qtbot.addWidget(w)
    bad = tmp_path / "not_a_project.gpkg"
    bad.write_text("hello")
    assert not w.open_project(bad)
    assert shown and shown[0][0] and shown[0][1]


# Calls that put text on screen; their text must go through tr()/translate().
_SHOWN = re.compile(r"\b(QPushButton|QLabel|QCheckBox|QAction|QToolBar|QGroupBox|setWindowTitle|setToolTip|"
                    r"showMessage|setPlaceholderText|addMenu|setAccessibleName|setStatusTip|setLabelText|"
                    r"QProgressDialog|information|warning|question|critical|getText|getItem)\(\s*"
                    r"(?:self(?:\.w)?\s*,\s*|w\s*,\s*|window\s*,\s*)?f?[\"'][A-Za-z]")
_NOT_WORDS = ('("assetmap")', '"https://')   # the product's name and example addresses stay as they are
MINE = ["main_window.py", "window_actions.py", "layers_panel.py", "attribute_table.py", "feature_docks.py",
        "hubs_dock.py", "hubs_finder.py", "territories_panel.py", "territories_balance.py",
        "territories_compare.py", "report_maps.py", "period_slider.py", "style_dialog.py", "workers.py",
        "settings_dialog.py", "accessible.py", "appearance.py", "about.py", "reports_wizard.py", "map_canvas.py",
        "map_tools.py"]


def test_no_untranslated_literal_in_main_window_code():
    found = []
    for name in MINE:
        for n, line in enumerate((UI / name).read_text(encoding="utf-8").splitlines(), 1):
            if _SHOWN.search(line) and not any(ok in line for ok in _NOT_WORDS):
                found.append(f"{name}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def test_lupdate_finds_the_main_window_strings(tmp_path):
    import shutil
    import subprocess

    tool = shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "check.ts"
    subprocess.run([tool, *[str(UI / n) for n in MINE], "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    for source in ("&amp;Import layer…", "Layers", "Settings", "Resource finder", "Suggest balanced plan…",
                   "Help about the {0} panel", "Compactness", "Graduated (numbers)"):
        assert f"<source>{source}</source>" in text, source
    assert text.count("<source>") > 250


def test_scale_readout_stays_true_with_large_text(window, qtbot):
    """Large text zooms the page 1.5×: the map on screen is 1.5× larger, so 1:N is 1.5× smaller
    than the page's own figure for a CSS pixel."""
    w = window
    w.canvas.setZoomFactor(1.5)
    w.scale.setText("")
    w.canvas.zoom_in()
    qtbot.waitUntil(lambda: w.scale.text() != "", timeout=10000)
    page = w.canvas.evaluate("window.assetmap.scale()")
    shown = float(w.scale.text().removeprefix("1:").replace(",", ""))
    assert abs(shown - page / 1.5) <= 1, (shown, page)
