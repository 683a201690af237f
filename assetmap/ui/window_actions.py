"""Menus, toolbar, shortcuts, remembered settings and file actions of the main window
(kept apart so the window itself stays small)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from assetmap.ui.accessible import name_toolbar_buttons
from assetmap.ui.workers import error_box

MAX_RECENT = 8
translate = QCoreApplication.translate


def _import_filter() -> str:
    from assetmap.importers.readers import patterns  # the registry: a new reader is offered here

    return (translate("MainWindow", "Spatial data") + f" ({patterns()});;"
            + translate("MainWindow", "All files") + " (*)")


def _project_filter() -> str:
    return translate("MainWindow", "assetmap project") + " (*.gpkg)"


def settings() -> QSettings:
    # An explicit file read from the environment each time: Qt caches its default
    # location per process, which would let tests (with their own HOME) share settings.
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return QSettings(str(Path(base) / "assetmap" / "assetmap.conf"), QSettings.Format.IniFormat)


def _action(w, menu, text, slot, shortcut=None, name=None):
    a = QAction(text, w)
    if shortcut is not None:
        a.setShortcut(shortcut)
    a.triggered.connect(lambda *_: slot())
    menu.addAction(a)
    w.actions_by_name[name or text.replace("&", "").rstrip("…").strip().lower()] = a
    return a


def build_menus(w) -> None:
    w.actions_by_name = {}
    K = QKeySequence.StandardKey
    m = w.menuBar().addMenu(translate("MainWindow", "&File"))
    _action(w, m, translate("MainWindow", "&New project…"), lambda: new_project(w), K.New, "new")
    _action(w, m, translate("MainWindow", "&Open project…"), lambda: open_dialog(w), K.Open, "open")
    _action(w, m, translate("MainWindow", "Open s&hared project (PostGIS)…"), lambda: open_shared(w), None,
            "open shared")
    w.recent_menu = m.addMenu(translate("MainWindow", "Open &recent"))
    _action(w, m, translate("MainWindow", "Save project &as…"), lambda: save_as(w), K.SaveAs, "save as")
    m.addSeparator()
    _action(w, m, translate("MainWindow", "&Import layer…"), lambda: import_dialog(w), QKeySequence("Ctrl+I"),
            "import")
    _action(w, m, translate("MainWindow", "&Export map…"), lambda: export_dialog(w), QKeySequence("Ctrl+E"),
            "export map")
    m.addSeparator()
    _action(w, m, translate("MainWindow", "&Quit"), w.close, K.Quit, "quit")
    m = w.menuBar().addMenu(translate("MainWindow", "&Edit"))
    w.undo_action = _action(w, m, translate("MainWindow", "&Undo"), lambda: w.stack.undo(), K.Undo, "undo")
    w.redo_action = _action(w, m, translate("MainWindow", "&Redo"), lambda: w.stack.redo(), K.Redo, "redo")
    m.addSeparator()
    prefs = _action(w, m, translate("MainWindow", "Se&ttings…"), lambda: open_settings(w), K.Preferences, "settings")
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    m = w.menuBar().addMenu(translate("MainWindow", "&View"))
    _action(w, m, translate("MainWindow", "Zoom &in"), w.canvas.zoom_in, K.ZoomIn, "zoom in")
    _action(w, m, translate("MainWindow", "Zoom &out"), w.canvas.zoom_out, K.ZoomOut, "zoom out")
    _action(w, m, translate("MainWindow", "Zoom to &all"), w.canvas.zoom_all, QKeySequence("Ctrl+0"), "zoom all")
    m.addSeparator()
    m.addAction(w.tool_status.identify_action)   # back to the Identify map tool (ui/map_tools.py)
    w.actions_by_name["identify"] = w.tool_status.identify_action
    m.addSeparator()
    w.view_menu = m
    m.addAction(w.layers_panel.toggleViewAction())
    m.addAction(w.table.toggleViewAction())
    m = w.menuBar().addMenu(translate("MainWindow", "&Layer"))
    cur = w.layers_panel.current_name
    _action(w, m, translate("MainWindow", "&Style…"), lambda: cur() and w.edit_style(cur()),
            QKeySequence("Ctrl+Shift+S"), "style")
    _action(w, m, translate("MainWindow", "Attribute &table"), lambda: cur() and w.show_table(cur()),
            QKeySequence("F6"), "table")
    _action(w, m, translate("MainWindow", "&Zoom to layer"), lambda: cur() and w.canvas.zoom_to(cur()),
            QKeySequence("Ctrl+Shift+Z"), "zoom to layer")
    _action(w, m, translate("MainWindow", "&Rename…"), lambda: cur() and w.rename_layer(cur()),
            QKeySequence("F2"), "rename")
    _action(w, m, translate("MainWindow", "Re&move…"), lambda: cur() and w.remove_layer(cur()),
            QKeySequence.StandardKey.Delete, "remove")
    _action(w, m, translate("MainWindow", "&Join table…"), lambda: _join(w), None, "join table")
    tb = w.addToolBar(translate("MainWindow", "Main"))
    tb.setObjectName("MainToolbar")
    tb.setAccessibleName(translate("MainWindow", "Main toolbar"))
    for key in ("open", "import", "export map", "undo", "redo", "zoom in", "zoom out", "zoom all"):
        tb.addAction(w.actions_by_name[key])
    name_toolbar_buttons(tb)
    update_undo(w)
    refresh_recent(w)


def _join(w):
    from assetmap.ui.join_dialog import open_join_dialog

    w.join_dialog = open_join_dialog(w)


def open_settings(w):
    from assetmap.ui.settings_dialog import open_settings as show

    return show(w)


def add_view_toggle(w, dock) -> None:
    w.view_menu.addAction(dock.toggleViewAction())


def update_undo(w) -> None:
    s = w.stack
    w.undo_action.setEnabled(s.can_undo)
    w.redo_action.setEnabled(s.can_redo)
    undo, redo = translate("MainWindow", "&Undo"), translate("MainWindow", "&Redo")
    w.undo_action.setText(translate("MainWindow", "&Undo {0}").format(s.undo_text) if s.can_undo else undo)
    w.redo_action.setText(translate("MainWindow", "&Redo {0}").format(s.redo_text) if s.can_redo else redo)
    # the toolbar keeps short labels; the menu says what would be undone
    w.undo_action.setIconText(undo.replace("&", ""))
    w.redo_action.setIconText(redo.replace("&", ""))


# ---------------------------------------------------------------- settings
def remember_project(w, path: Path) -> None:
    st = settings()
    # QSettings hands a one-item list back as a plain string: iterating it gave "/", "r", "o", ...
    recent = [p for p in recent_projects() if p != str(path)]
    recent.insert(0, str(path))
    st.setValue("recent_projects", recent[:MAX_RECENT])
    st.setValue("last_project", str(path))
    refresh_recent(w)


def recent_projects() -> list[str]:
    value = settings().value("recent_projects") or []
    if isinstance(value, str):
        value = [value]
    elif not isinstance(value, (list, tuple)):
        return []
    return [str(p) for p in value if isinstance(p, str) and p]


def refresh_recent(w) -> None:
    w.recent_menu.clear()
    for p in recent_projects():
        a = w.recent_menu.addAction(p)
        a.triggered.connect(lambda *_, p=p: w.open_project(Path(p)))
    w.recent_menu.setEnabled(bool(recent_projects()))


def save_layout(w) -> None:
    st = settings()
    st.setValue("window/geometry", w.saveGeometry())
    st.setValue("window/state", w.saveState())


def restore_layout(w) -> None:
    st = settings()
    geom, state = st.value("window/geometry"), st.value("window/state")
    if geom is not None:
        w.restoreGeometry(geom)
    if state is not None:
        w.restoreState(state)


# ---------------------------------------------------------------- file actions
def open_dialog(w) -> None:
    path, _ = QFileDialog.getOpenFileName(w, translate("MainWindow", "Open project"), "", _project_filter())
    if path:
        w.open_project(Path(path))


def open_shared(w) -> None:
    from assetmap.ui.shared_project_dialog import open_shared_dialog

    open_shared_dialog(w)


def new_project(w) -> None:
    from assetmap.project import Project

    path, _ = QFileDialog.getSaveFileName(w, translate("MainWindow", "New project"), "", _project_filter())
    if not path:
        return
    path = Path(path).with_suffix(".gpkg")
    try:
        Project.create(path)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        box = error_box(w, translate("MainWindow", "The project could not be created."),
                        translate("MainWindow", "Choose a folder you can write to (for example Documents) "
                                                "and try again."), exc)
        box.exec()
        return
    w.open_project(path)


def save_as(w, target: Path | None = None):
    from assetmap.ui.workers import run_task

    if w.project is None:
        return None
    if target is None:
        path, _ = QFileDialog.getSaveFileName(w, translate("MainWindow", "Save project as"), "", _project_filter())
        if not path:
            return None
        target = Path(path).with_suffix(".gpkg")
    source = w.project.path

    def work(ctx):
        ctx.progress(0.1, translate("MainWindow", "Copying to {0}").format(target.name))
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(source, tmp)
        ctx.check()
        tmp.replace(target)
        return target

    return run_task(w, translate("MainWindow", "Save project as"), work, on_done=lambda p: w.open_project(p))


def import_dialog(w) -> None:
    paths, _ = QFileDialog.getOpenFileNames(w, translate("MainWindow", "Import layer"), "", _import_filter())
    if paths:
        import_files(w, [Path(p) for p in paths])


def import_files(w, paths: list[Path], role: str | None = None, allow_case_records: bool = False):
    """Import files on a worker thread; the new layers appear on the map when done."""
    from assetmap.layers import LayerRole
    from assetmap.ui.layer_tasks import run_layer_task

    if w.project is None:
        QMessageBox.information(w, translate("MainWindow", "Import"),
                                translate("MainWindow", "Open or create a project first (File › Open project "
                                                        "or File › New project), then import the layer."))
        return None
    if role is None:
        roles = [r.value for r in LayerRole]  # stored values, shown as they are saved
        role, ok = QInputDialog.getItem(w, translate("MainWindow", "Import"),
                                        translate("MainWindow", "What is this layer?"), roles,
                                        roles.index("other"), False)
        if not ok:
            return None
    if not allow_case_records:
        from assetmap.ui.geocode_import import take_address_tables

        paths = take_address_tables(w, paths, role)   # CSVs of addresses: placed with a locator first
    if not paths:
        return None
    project = w.project
    before = set(project.layer_names())

    def work(ctx):
        from assetmap.importers import import_file

        reports = []
        for i, p in enumerate(paths):
            ctx.progress(i / len(paths), translate("MainWindow", "Importing {0}").format(p.name))
            reports.append(import_file(project, p, role, allow_case_records=allow_case_records, ctx=ctx))
        return reports

    def done(_reports):
        new = [n for n in project.layer_names() if n not in before]   # drawn by the pushed AddLayers
        # Not a %n plural: pyside6-lupdate 6.11 only finds plurals in self.tr(), not translate().
        w.statusBar().showMessage(translate("MainWindow", "Layers imported: {0}").format(len(new)), 5000)

    task = run_layer_task(w, translate("MainWindow", "Import"), work, on_done=done, quiet_errors=True,
                          text=translate("MainWindow", "import {0}").format(", ".join(p.name for p in paths)))
    task.finished.connect(lambda ok: None if ok or task.error is None else _import_failed(w, task, paths, role))
    return task


def _import_failed(w, task, paths: list[Path], role: str) -> None:
    """The import's error box; for columns that look like case records, the two ways on."""
    from assetmap.importers.case_records import CaseRecordsFound

    exc = task.error
    if not isinstance(exc, CaseRecordsFound):
        task.show_error()
        return
    listed = "\n".join(f"• {c} — {why}" for c, why in exc.columns.items())
    box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Import"),
                      translate("MainWindow", "These columns look like case records (one row per report or "
                                              "incident):\n{0}\n\nCase records are never stored as points. "
                                              "Import them as sensitive reports: only suppressed counts per "
                                              "area are kept.").format(listed), parent=w)
    box.setInformativeText(translate("MainWindow", "If they are not case records (a list of services, say), "
                                                   "import anyway: the columns and your choice are recorded "
                                                   "in the layer's provenance."))
    reports = box.addButton(translate("MainWindow", "Import as sensitive &reports…"),
                            QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(translate("MainWindow", "Import &anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reports)

    def chosen(button) -> None:
        if button is anyway:
            task.retry = import_files(w, paths, role, allow_case_records=True)
        elif button is reports:
            w.actions_by_name["import reports"].trigger()

    box.buttonClicked.connect(chosen)
    box.open()  # not exec(): tests drive it, and the map stays live
    task.error_box = box


def export_dialog(w):
    """File › Export map…: the dialog (file, page size, DPI, title, layers); Export runs the work."""
    from assetmap.ui.export_dialog import ExportMapDialog

    if w.project is None:
        return None
    visible = [i.name for i in w.project.layers() if i.visible]
    dlg = ExportMapDialog(w.project, visible, w)

    def go() -> None:
        o = dlg.options
        dlg.task = export_map(w, o.out, o.title, o.layers, o.width_in, o.height_in, o.dpi)

    dlg.accepted.connect(go)
    dlg.open()  # not exec(): the map stays live and tests can drive the dialog
    return dlg


def export_map(w, out: Path, title: str | None = None, layers: list[str] | None = None,
               width_in: float = 11.0, height_in: float = 8.5, dpi: int = 150):
    """Export on the worker thread; ``layers`` top first (default: the visible ones)."""
    from assetmap.ui.workers import run_task

    # A shared project's path is a redacted URL for messages; its real address is .url.
    project_path = w.project.target  # the worker opens its own (a URL keeps its password)
    names = list(layers) if layers else [i.name for i in w.project.layers() if i.visible]
    title = title if title is not None else w.project.title

    def work(ctx):
        from assetmap.mapview.export import export_html
        from assetmap.project.backends import open_any

        if out.suffix.lower() == ".html":
            return export_html(open_any(project_path), out, names, title, ctx=ctx)
        from assetmap.ui.map_export import export_image

        return export_image(open_any(project_path), out, names, title, width_in, height_in, dpi, ctx=ctx)

    return run_task(w, translate("MainWindow", "Export map"), work,
                    on_done=lambda p: w.statusBar().showMessage(translate("MainWindow", "Exported {0}").format(p), 5000))
