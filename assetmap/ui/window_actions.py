"""Menus, toolbar, shortcuts, remembered settings and file actions of the main window
(kept apart so the window itself stays small)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

MAX_RECENT = 8
IMPORT_FILTER = "Spatial data (*.geojson *.json *.shp *.zip *.gpkg *.fgb *.kml *.csv);;All files (*)"


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
    m = w.menuBar().addMenu("&File")
    _action(w, m, "&New project…", lambda: new_project(w), K.New, "new")
    _action(w, m, "&Open project…", lambda: open_dialog(w), K.Open, "open")
    w.recent_menu = m.addMenu("Open &recent")
    _action(w, m, "Save project &as…", lambda: save_as(w), K.SaveAs, "save as")
    m.addSeparator()
    _action(w, m, "&Import layer…", lambda: import_dialog(w), QKeySequence("Ctrl+I"), "import")
    _action(w, m, "&Export map…", lambda: export_dialog(w), QKeySequence("Ctrl+E"), "export map")
    m.addSeparator()
    _action(w, m, "&Quit", w.close, K.Quit, "quit")
    m = w.menuBar().addMenu("&Edit")
    w.undo_action = _action(w, m, "&Undo", lambda: w.stack.undo(), K.Undo, "undo")
    w.redo_action = _action(w, m, "&Redo", lambda: w.stack.redo(), K.Redo, "redo")
    m = w.menuBar().addMenu("&View")
    _action(w, m, "Zoom &in", w.canvas.zoom_in, K.ZoomIn, "zoom in")
    _action(w, m, "Zoom &out", w.canvas.zoom_out, K.ZoomOut, "zoom out")
    _action(w, m, "Zoom to &all", w.canvas.zoom_all, QKeySequence("Ctrl+0"), "zoom all")
    m.addSeparator()
    w.view_menu = m
    m.addAction(w.layers_panel.toggleViewAction())
    m.addAction(w.table.toggleViewAction())
    m = w.menuBar().addMenu("&Layer")
    cur = w.layers_panel.current_name
    _action(w, m, "&Style…", lambda: cur() and w.edit_style(cur()), QKeySequence("Ctrl+Shift+S"), "style")
    _action(w, m, "Attribute &table", lambda: cur() and w.show_table(cur()), QKeySequence("F6"), "table")
    _action(w, m, "&Zoom to layer", lambda: cur() and w.canvas.zoom_to(cur()), QKeySequence("Ctrl+Shift+Z"),
            "zoom to layer")
    _action(w, m, "&Rename…", lambda: cur() and w.rename_layer(cur()), QKeySequence("F2"), "rename")
    _action(w, m, "Re&move…", lambda: cur() and w.remove_layer(cur()), QKeySequence.StandardKey.Delete, "remove")
    tb = w.addToolBar("Main")
    tb.setObjectName("MainToolbar")
    tb.setAccessibleName("Main toolbar")
    for key in ("open", "import", "export map", "undo", "redo", "zoom in", "zoom out", "zoom all"):
        tb.addAction(w.actions_by_name[key])
    update_undo(w)
    refresh_recent(w)


def add_view_toggle(w, dock) -> None:
    w.view_menu.addAction(dock.toggleViewAction())


def update_undo(w) -> None:
    s = w.stack
    w.undo_action.setEnabled(s.can_undo)
    w.redo_action.setEnabled(s.can_redo)
    w.undo_action.setText(f"&Undo {s.undo_text}" if s.can_undo else "&Undo")
    w.redo_action.setText(f"&Redo {s.redo_text}" if s.can_redo else "&Redo")


# ---------------------------------------------------------------- settings
def remember_project(w, path: Path) -> None:
    st = settings()
    recent = [p for p in (st.value("recent_projects") or []) if p != str(path)]
    recent.insert(0, str(path))
    st.setValue("recent_projects", recent[:MAX_RECENT])
    st.setValue("last_project", str(path))
    refresh_recent(w)


def recent_projects() -> list[str]:
    value = settings().value("recent_projects") or []
    return [value] if isinstance(value, str) else list(value)


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
    path, _ = QFileDialog.getOpenFileName(w, "Open project", "", "assetmap project (*.gpkg)")
    if path:
        w.open_project(Path(path))


def new_project(w) -> None:
    from assetmap.project import Project

    path, _ = QFileDialog.getSaveFileName(w, "New project", "", "assetmap project (*.gpkg)")
    if not path:
        return
    path = Path(path).with_suffix(".gpkg")
    try:
        Project.create(path)
    except Exception as exc:  # noqa: BLE001 - shown to the user
        QMessageBox.warning(w, "Can't create project", str(exc))
        return
    w.open_project(path)


def save_as(w, target: Path | None = None):
    from assetmap.ui.workers import run_task

    if w.project is None:
        return None
    if target is None:
        path, _ = QFileDialog.getSaveFileName(w, "Save project as", "", "assetmap project (*.gpkg)")
        if not path:
            return None
        target = Path(path).with_suffix(".gpkg")
    source = w.project.path

    def work(ctx):
        ctx.progress(0.1, f"Copying to {target.name}")
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(source, tmp)
        ctx.check()
        tmp.replace(target)
        return target

    return run_task(w, "Save project as", work, on_done=lambda p: w.open_project(p))


def import_dialog(w) -> None:
    paths, _ = QFileDialog.getOpenFileNames(w, "Import layer", "", IMPORT_FILTER)
    if paths:
        import_files(w, [Path(p) for p in paths])


def import_files(w, paths: list[Path], role: str | None = None):
    """Import files on a worker thread; the new layers appear on the map when done."""
    from assetmap.layers import LayerRole
    from assetmap.ui.workers import run_task

    if w.project is None:
        QMessageBox.information(w, "Import", "Open or create a project first.")
        return None
    if role is None:
        roles = [r.value for r in LayerRole]
        role, ok = QInputDialog.getItem(w, "Import", "What is this layer?", roles,
                                        roles.index("other"), False)
        if not ok:
            return None
    project = w.project
    before = set(project.layer_names())

    def work(ctx):
        from assetmap.importers import import_file

        reports = []
        for i, p in enumerate(paths):
            ctx.progress(i / len(paths), f"Importing {p.name}")
            reports.append(import_file(project, p, role, ctx=ctx))
        return reports

    def done(_reports):
        new = [n for n in project.layer_names() if n not in before]
        w.load_layers(new)
        w.statusBar().showMessage(f"Imported {len(new)} layer(s)", 5000)

    return run_task(w, "Import", work, on_done=done)


def export_dialog(w):
    from assetmap.ui.workers import run_task

    if w.project is None:
        return None
    path, _ = QFileDialog.getSaveFileName(w, "Export map", "", "PDF (*.pdf);;PNG image (*.png);;Web page (*.html)")
    if not path:
        return None
    return export_map(w, Path(path))


def export_map(w, out: Path, title: str | None = None):
    from assetmap.ui.workers import run_task

    project_path = w.project.path
    visible = [i.name for i in w.project.layers() if i.visible]
    title = title if title is not None else w.project.title

    def work(ctx):
        from assetmap.mapview.export import export_html
        from assetmap.project import Project

        if out.suffix.lower() == ".html":
            return export_html(Project.open(project_path), out, visible, title, ctx=ctx)
        from assetmap.ui.map_export import export_image

        return export_image(Project.open(project_path), out, visible, title, ctx=ctx)

    return run_task(w, "Export map", work,
                    on_done=lambda p: w.statusBar().showMessage(f"Exported {p}", 5000))
