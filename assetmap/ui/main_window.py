"""The planner's main window: map canvas in the centre, layers panel and attribute table
as docks, menus and status bar. The open project is ``self.session``'s; every layer edit is a
command on ``self.stack``, whose events (assetmap.session) update the map in place
(``MapCanvas``, never rebuilt), the panel and the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QMainWindow, QMessageBox

from assetmap.errors import UserError
from assetmap.mapview.commands import RemoveLayer, SetLayerOrder, UpdateLayerInfo
from assetmap.mapview.layers import layer_style
from assetmap.session import DATA, ORDER, LayerAdded, LayerChanged, LayerEvent, LayerRemoved, ProjectClosed, \
    ProjectOpened, Session
from assetmap.ui.attribute_table import AttributeTableDock
from assetmap.ui.layers_panel import LayersPanel
from assetmap.ui.map_canvas import MapCanvas
from assetmap.ui import window_actions


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("assetmap")
        self.setAccessibleName(self.tr("assetmap main window"))
        self.setAcceptDrops(True)
        from assetmap.ui import session_qt

        self.session = Session()
        session_qt.install(self.session, self)   # events from worker threads reach us on this one
        self.stack = self.session.stack
        self.session.subscribe(ProjectClosed, self._project_closed)
        self.session.subscribe(ProjectOpened, self._project_opened)
        self.session.subscribe(LayerEvent, self._layer_event)
        self.canvas = MapCanvas(self)
        self.setCentralWidget(self.canvas)
        self.layers_panel = LayersPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layers_panel)
        self.table = AttributeTableDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.table)
        self.table.hide()
        self.coords = QLabel("")
        self.coords.setAccessibleName(self.tr("Cursor coordinates"))
        self.scale = QLabel("")
        self.scale.setAccessibleName(self.tr("Map scale"))
        self.statusBar().addPermanentWidget(self.coords)
        self.statusBar().addPermanentWidget(self.scale)
        self._wire()
        from assetmap.ui.map_tools import ToolStatus

        self.tool_status = ToolStatus(self)  # the active map tool in the status bar; Esc ends it
        window_actions.build_menus(self)
        from assetmap.ui.window_features import install_features

        self.window_features = install_features(self)   # docks and menus: ui/window_features.FEATURES
        window_actions.restore_layout(self)

    @property
    def project(self):
        return self.session.project

    @property
    def cache(self):
        return self.session.cache

    def _wire(self) -> None:
        p, c = self.layers_panel, self.canvas
        p.visibility_toggled.connect(self.set_layer_visible)
        p.order_changed.connect(self.set_layer_order)
        p.opacity_changed.connect(self.set_layer_opacity)
        p.style_requested.connect(self.edit_style)
        p.table_requested.connect(self.show_table)
        p.zoom_requested.connect(c.zoom_to)
        p.rename_requested.connect(self.rename_layer)
        p.remove_requested.connect(self.remove_layer)
        c.cursor_moved.connect(self._cursor)
        c.scale_changed.connect(self._scale)
        c.files_dropped.connect(lambda paths: window_actions.import_files(self, paths))
        c.feature_identified.connect(self._feature_clicked)  # Identify selects; other map tools don't
        self.table.selection_changed.connect(lambda layer, ids: c.highlight(layer, ids))
        self.stack.changed.connect(lambda: window_actions.update_undo(self))

    # ------------------------------------------------------------ features other docks use
    def add_feature_dock(self, dock: QDockWidget, area=Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Add a feature's dock (hubs, territories, reports) and a View menu entry for it."""
        if not dock.objectName():
            dock.setObjectName(type(dock).__name__)
        self.addDockWidget(area, dock)
        window_actions.add_view_toggle(self, dock)
        return dock

    # ------------------------------------------------------------ project
    def open_project(self, path: Path | str) -> bool:
        from assetmap.project.backends import open_any

        try:
            project = open_any(path)  # a .gpkg, or a postgresql:// URL (ui/shared_project_dialog.py)
        except UserError as exc:
            from assetmap.ui.workers import error_box

            box = error_box(self, exc.message, exc.hint or self.tr("Choose an assetmap project file (.gpkg)."),
                            title=self.tr("Open project"))
            box.exec()
            return False
        self.setWindowTitle(f"{project.title} — assetmap")
        from assetmap.mapview.layers import LayerCache
        from assetmap.ui.page_wait import while_page_loads

        # At start-up the map page is still loading, and QtWebEngine loads it only while the
        # event loop runs: the layers are read on a worker thread meanwhile, not before it.
        cache = LayerCache(project, audience=self.session.audience)
        while_page_loads(self.canvas, lambda: cache.prefetch(i.name for i in project.layers()))
        self.session.open(project, cache=cache)   # the old project's ProjectClosed, then ProjectOpened
        if project.recent_entry is not None:  # a shared project's URL holds a password: not in the list
            window_actions.remember_project(self, project.recent_entry)
        if project.server:  # shared with others on a server: the title and status bar say where
            from assetmap.ui.shared_project_dialog import show_shared_project

            return show_shared_project(self, project)
        from assetmap.ui.basemap import apply_basemap

        problem = apply_basemap(self.canvas)
        if problem:  # the layers still draw; the status bar says why the background map is missing
            self.statusBar().showMessage(problem.splitlines()[0], 15000)
        self.canvas.zoom_all()
        return True

    def load_layers(self, names: list[str] | None = None) -> None:
        """Send layers (all, or ``names``) to the map and refresh the panel."""
        infos = self.project.layers()
        for info in infos:
            if names is not None and info.name not in names:
                continue
            try:
                spec = self.cache.spec(info)
            except UserError as exc:  # a style naming a field that is gone: draw it plainly
                self.statusBar().showMessage(f"{info.display_name}: {exc.message}", 8000)
                from assetmap.layers.style import Style
                from assetmap.mapview.leaflet_style import leaflet_style

                spec = leaflet_style(Style.default_for(info.role))
            self.canvas.set_layer_frame(info.name, self.cache.frame(info.name), spec, info.display_name,
                                        info.visible, info.opacity)
        self.canvas.set_order([i.name for i in infos])
        self.layers_panel.set_layers(infos)

    # ------------------------------------------------------------ session events
    def _project_closed(self, event: ProjectClosed) -> None:
        for name in event.project.layer_names():
            self.canvas.remove_layer(name)
        for feature in self.window_features:
            feature.project_closed()

    def _project_opened(self, event: ProjectOpened) -> None:
        self.load_layers()
        for feature in self.window_features:
            feature.project_opened(event.project)

    def _layer_event(self, event: LayerEvent) -> None:
        """After any change to a layer (a command's do/undo/redo, a task, a feature's save): bring
        map, panel and table in line. The cache has already dropped what went stale."""
        if self.project is None:
            return
        n = event.name
        if isinstance(event, LayerRemoved) or n not in self.project.layer_names():
            self.canvas.remove_layer(n)
            if self.table.layer == n:
                self.table.hide()
                self.table.layer = None
            self.layers_panel.set_layers(self.project.layers())
            return
        if isinstance(event, LayerAdded) or DATA in event.what:
            self.load_layers([n])
            if isinstance(event, LayerChanged) and self.table.layer == n:
                self.show_table(n)
            return
        infos = self.project.layers()
        if ORDER in event.what:
            self.canvas.set_order([i.name for i in infos])
        if event.what - {ORDER}:
            info = next(i for i in infos if i.name == n)
            self.canvas.set_visible(n, info.visible)
            self.canvas.set_opacity(n, info.opacity)
            self.canvas.set_style(n, self.cache.spec(info), info.display_name)
        self.layers_panel.set_layers(infos)

    # ------------------------------------------------------------ layer edits (undoable)
    def _update(self, name: str, text: str, merge: bool = False, **changes) -> None:
        info = self.project.layer(name)
        for k, v in changes.items():
            setattr(info, k, v)
        self.stack.push(UpdateLayerInfo(self.project, info, text), merge=merge)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        text = self.tr("show {0}") if visible else self.tr("hide {0}")
        self._update(name, text.format(name), visible=bool(visible))

    def set_layer_opacity(self, name: str, opacity: float) -> None:
        self._update(name, self.tr("opacity of {0}").format(name), merge=True, opacity=float(opacity))

    def set_layer_order(self, names: list[str]) -> None:
        if names != self.project.layer_names():
            self.stack.push(SetLayerOrder(self.project, names))

    def set_layer_style(self, name: str, style) -> None:
        frame = self.cache.frame(name)
        from assetmap.mapview.leaflet_style import resolve

        resolved = resolve(style, frame)  # a bad field or breaks fail here, before anything is saved
        if style.kind == "graduated":  # kept with the style: the next start needs no mapclassify
            style.breaks, style.breaks_for = resolved.breaks, resolved.breaks_for
        self._update(name, self.tr("style of {0}").format(name), style=style.to_dict())

    def rename_layer(self, name: str, new_title: str | None = None) -> None:
        info = self.project.layer(name)
        if new_title is None:
            new_title, ok = QInputDialog.getText(self, self.tr("Rename layer"), self.tr("Name shown:"),
                                                 text=info.display_name)
            if not ok:
                return
        new_title = new_title.strip()
        if new_title and new_title != info.display_name:
            from assetmap.importers import unique_display_name

            new_title = unique_display_name(new_title, {i.display_name.casefold() for i in self.project.layers()
                                                        if i.name != name})
            self._update(name, self.tr("rename {0}").format(info.display_name), display_name=new_title)

    def remove_layer(self, name: str, confirm: bool = True) -> bool:
        info = self.project.layer(name)
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Remove layer"),
                self.tr("Remove the layer “{0}” ({1} features) from the project?\n"
                        "You can undo this with Edit › Undo.").format(info.display_name, info.feature_count))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.stack.push(RemoveLayer(self.project, name, self.session.stash))
        return True

    def edit_style(self, name: str) -> None:
        from assetmap.ui.style_dialog import StyleDialog

        info = self.project.layer(name)
        frame = self.cache.frame(name)
        cols = [c for c in frame.columns if c != frame.geometry.name]
        numeric = [c for c in cols if str(frame[c].dtype).lower().startswith(("int", "float", "uint"))]
        text = [c for c in cols if c not in numeric]
        dlg = StyleDialog(layer_style(info), numeric, text, info.display_name, self, frame=frame)
        while dlg.exec():
            try:
                self.set_layer_style(name, dlg.style())
                return
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Style"), str(exc))

    # ------------------------------------------------------------ table, identify, status
    def show_table(self, name: str) -> None:
        info = self.project.layer(name)
        self.table.show_layer(name, info.display_name, self.cache.frame(name))
        self.table.show()
        self.table.raise_()

    def _feature_clicked(self, layer: str, fid: int, add: bool) -> None:
        same = self.table.layer == layer
        ids = sorted(set(self.table.selected_ids() if same else []) ^ {fid}) if add else [fid]
        if same:
            self.table.select_ids(ids)
        self.canvas.highlight(layer, ids)

    def _cursor(self, lon: float, lat: float, scale: float) -> None:
        self.coords.setText(f"{lat:.5f}, {lon:.5f}")
        self._scale(scale)

    def _scale(self, scale: float) -> None:
        self.scale.setText(f"1:{scale:,.0f}")

    # ------------------------------------------------------------ window events
    def dragEnterEvent(self, event):  # noqa: N802 (Qt API)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            window_actions.import_files(self, paths)
            event.acceptProposedAction()

    def closeEvent(self, event):  # noqa: N802
        window_actions.save_layout(self)
        super().closeEvent(event)
