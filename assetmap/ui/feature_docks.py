"""The feature panels of the main window (hubs, resource finder, territories) and the map
interactions they need: a map click places a hub or the finder's spot, a click on a unit
paints it onto the current team. Kept apart from main_window so that it stays small."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWhatsThis

from assetmap.errors import UserError
from assetmap.ui.map_tools import MapTool

UNASSIGNED = "#d9d9d9"


class FeatureDocks(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self._hubs = None
        self._finder = None
        self._territories = None
        self.paint_action = QAction(self.tr("Paint territories on the map"), window)
        self.paint_action.setCheckable(True)
        self.paint_action.setShortcut("Ctrl+T")
        self.paint_action.setToolTip(self.tr("Click or drag across neighbourhoods to give them to the team chosen "
                                             "in the Territories panel"))
        self.paint_action.toggled.connect(self._paint_toggled)
        self.polygon_action = QAction(self.tr("Assign with a drawn polygon"), window)
        self.polygon_action.setCheckable(True)  # checked while the polygon tool is the map's
        self.polygon_action.setShortcut("Ctrl+Shift+T")
        self.polygon_action.setToolTip(self.tr("Click corners on the map, double-click to finish: the units mostly "
                                               "inside go to the current team"))
        self.polygon_action.triggered.connect(self._polygon_triggered)
        # The map tools these panels use (ui/map_tools.py): one acts at a time; each one's end
        # unchecks what armed it.
        self.paint_tool = MapTool("paint", self.tr("Paint territories"),
                                  self.tr("click or drag across neighbourhoods"), mode="paint",
                                  on_feature_click=self._feature_clicked, on_stroke=self._stroke,
                                  on_feature_enter=self._feature_entered, parent=self)
        self.paint_tool.ended.connect(lambda: self.paint_action.setChecked(False))
        self.polygon_tool = MapTool("polygon", self.tr("Draw a polygon"),
                                    self.tr("click the corners, double-click to finish"), mode="polygon",
                                    once=True, on_polygon=self._polygon_drawn, parent=self)
        self.polygon_tool.ended.connect(self._polygon_ended)
        self.hub_tool = MapTool("hub", self.tr("Place a hub"), self.tr("click the map where the hub is"),
                                once=True, on_map_click=self._place_hub, parent=self)
        self.hub_tool.ended.connect(self._hub_tool_ended)
        self.finder_tool = MapTool("finder", self.tr("Pick the family's spot"),
                                   self.tr("click the map at the family's location (it is never saved)"),
                                   once=True, on_map_click=self._finder_spot, parent=self)
        self.finder_tool.ended.connect(self._finder_tool_ended)
        from assetmap.session import TerritoryPlanEdited
        from assetmap.ui.session_qt import subscribe

        # paint, polygon, Assign, team colours and their undo/redo are commands: their events redraw
        subscribe(window.session, self, TerritoryPlanEdited, self._plan_edited)

    # ------------------------------------------------------------------ the docks
    # The hubs, finder and territories docks are hidden when a project opens: they read the project
    # when first shown, or when handed out here (so whoever asks for one gets it filled), not before
    # the first map. The first map's team colours come from a light read (draw_territories).
    @property
    def hubs(self):
        if self._hubs is not None:
            self._hubs.ensure_loaded()
        return self._hubs

    @property
    def finder(self):
        if self._finder is not None:
            self._finder.ensure_loaded()
        return self._finder

    @property
    def territories(self):
        if self._territories is not None:
            self._territories.ensure_loaded()
        return self._territories

    # ------------------------------------------------------------------ project
    def project_opened(self, project) -> None:
        self.install(project)

    def project_closed(self) -> None:
        self.remove()

    def install(self, project) -> None:
        from assetmap.ui.hubs_dock import HubsDock
        from assetmap.ui.hubs_finder import FinderDock
        from assetmap.ui.territories_panel import TerritoriesPanel

        self.remove()
        w = self.w
        hubs = self._hubs = w.add_feature_dock(HubsDock(project, w.stack, w, load=False))
        hubs.pick_requested.connect(self._hub_pick)
        hubs.pick_cancelled.connect(lambda: self.w.canvas.end_map_tool(self.hub_tool))
        hubs.error.connect(lambda text: w.statusBar().showMessage(text, 8000))
        finder = self._finder = w.add_feature_dock(FinderDock(project, w, load=False))
        finder.pick_button.setCheckable(True)  # checked while its map tool is active
        finder.pick_requested.connect(self._finder_pick)
        # The territory plan is on the first map, but only its team colours: they are read from the
        # plan's record (draw_territories); the plan's model (the areas' adjacency, the hubs and
        # assets counted per unit: ~80 ms of CPU on the demo) is made when the panel is first shown or asked for.
        territories = self._territories = w.add_feature_dock(TerritoriesPanel(project, w.stack, w, load=False))
        territories.plan_opened.connect(self._plan_opened)
        territories.units_to_show.connect(self.show_units)
        w.tabifyDockWidget(hubs, finder)
        w.tabifyDockWidget(finder, territories)
        for dock in (hubs, finder, territories):
            dock.hide()
        self.draw_territories()

    def remove(self) -> None:
        if self.w.canvas.map_tool() in (self.paint_tool, self.polygon_tool, self.hub_tool, self.finder_tool):
            self.w.canvas.set_map_tool(None)  # their panels go with the project
        for dock in (self._hubs, self._finder, self._territories):
            if dock is not None:
                self.w.removeDockWidget(dock)
                dock.deleteLater()
        self._hubs = self._finder = self._territories = None

    # ------------------------------------------------------------------ map clicks
    def _hub_pick(self, mode: str) -> None:
        self.hub_tool.hint = (self.tr("click the hub's new place on the map") if mode == "move"
                              else self.tr("click the map where the hub is"))
        self.w.canvas.set_map_tool(None)  # a new Add or Move starts afresh (the label's hint)
        self.w.canvas.set_map_tool(self.hub_tool)
        self.w.statusBar().showMessage(self.tr("Click the map where the hub is."), 15000)

    def _place_hub(self, lon: float, lat: float) -> None:
        self.w.statusBar().clearMessage()
        if self.hubs is not None:
            self.hubs.place_pending(lon, lat)

    def _hub_tool_ended(self) -> None:
        if not self.hub_tool.completed and self._hubs is not None:
            self._hubs.cancel_pending()

    def _finder_pick(self) -> None:
        if self.w.canvas.map_tool() is self.finder_tool:  # the checked button pressed again
            self.w.canvas.set_map_tool(None)
            return
        self.w.canvas.set_map_tool(self.finder_tool)
        self.finder.pick_button.setChecked(True)
        self.w.statusBar().showMessage(self.tr("Click the map at the family's location (it is never saved)."),
                                       15000)

    def _finder_spot(self, lon: float, lat: float) -> None:
        self.w.statusBar().clearMessage()
        if self.finder is not None:
            self.finder.set_spot(lon, lat)

    def _finder_tool_ended(self) -> None:
        if self._finder is not None:
            self._finder.pick_button.setChecked(False)

    # ------------------------------------------------------------------ territories
    def _paint_toggled(self, on: bool) -> None:
        if not on:
            self.w.canvas.end_map_tool(self.paint_tool)
            return
        if (self.territories is None or self.territories.session is None):
            self.paint_action.setChecked(False)
            self.w.statusBar().showMessage(self.tr("Open or create a plan in the Territories panel first "
                                                   "(New plan…)."), 8000)
            if self.territories is not None:  # where New plan… is
                self.territories.show()
                self.territories.raise_()
            return
        self.w.canvas.set_map_tool(self.paint_tool)
        self.territories.show()
        self.territories.raise_()
        self.w.statusBar().showMessage(self.tr("Painting: click or drag across neighbourhoods to assign them."), 5000)

    def _feature_clicked(self, layer: str, fid: int, _ctrl: bool) -> None:
        if not self.paint_action.isChecked() or self.territories is None:
            return
        session, model = self.territories.session, self.territories.model
        if session is None or model is None or layer != model.units.layer:
            return
        uid = self.unit_id(layer, fid)
        if uid is None:
            return
        try:
            session.click(uid)
        except UserError as exc:
            self.w.statusBar().showMessage(exc.message, 8000)

    def _polygon_triggered(self, checked: bool) -> None:
        if not checked:  # the checked action chosen again: give up the polygon
            self.w.canvas.end_map_tool(self.polygon_tool)
            return
        if self.territories is None or self.territories.session is None:
            self.polygon_action.setChecked(False)
            self.w.statusBar().showMessage(self.tr("Open or create a plan in the Territories panel first."), 8000)
            return
        self.territories.show()
        self.w.canvas.set_map_tool(self.polygon_tool)
        self.w.statusBar().showMessage(
            self.tr("Click the polygon's corners; double-click to finish, Esc to give up."), 15000)

    def _polygon_ended(self) -> None:
        self.polygon_action.setChecked(False)
        if not self.polygon_tool.completed:
            self.w.statusBar().showMessage(self.tr("Polygon given up: nothing was assigned."), 5000)

    def _polygon_drawn(self, lonlat: list) -> None:
        panel = self.territories
        if panel is None or panel.session is None or len(lonlat) < 3:
            return
        import shapely
        from pyproj import Transformer

        # the units' geometries are in the layer's (project) CRS; the page speaks lon/lat
        crs = panel.model.units.crs or self.w.project.crs
        to_crs = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        shape = shapely.Polygon([to_crs.transform(x, y) for x, y in lonlat])
        try:
            n = panel.session.polygon(shape)
        except UserError as exc:
            self.w.statusBar().showMessage(exc.message, 8000)
            return
        self.w.statusBar().showMessage(self.tr("%n area(s) assigned.", None, n), 5000)

    def _painting(self, layer: str):
        if not self.paint_action.isChecked() or self.territories is None:
            return None
        session, model = self.territories.session, self.territories.model
        if session is None or model is None or layer != model.units.layer:
            return None
        return session

    def _stroke(self, down: bool) -> None:
        # one stroke = one undo step (the session merges the commands of a stroke)
        session = self.territories.session if self.territories is not None else None
        if session is None or not self.paint_action.isChecked():
            return
        session.begin() if down else session.end()

    def _feature_entered(self, layer: str, fid: int) -> None:
        session = self._painting(layer)
        uid = self.unit_id(layer, fid) if session is not None else None
        if uid is None:
            return
        try:
            session.add(uid)
        except UserError as exc:
            self.w.statusBar().showMessage(exc.message, 8000)

    def unit_id(self, layer: str, fid: int):
        from assetmap.territories.units import unit_key

        frame = self.w.cache.frame(layer)
        id_field = self.territories.model.units.id_field
        if fid not in frame.index:
            return None
        return unit_key(frame.at[fid, id_field] if id_field else fid)

    def show_units(self, layer: str, unit_ids: list) -> list[int]:
        """Outline units (by their id) on the map and zoom to them: the plans' differences."""
        from assetmap.territories.units import unit_key

        frame = self.w.cache.frame(layer)
        id_field = self.territories.model.units.id_field if self.territories is not None else None
        wanted = {unit_key(u) for u in unit_ids}
        fids = [int(fid) for fid in frame.index
                if unit_key(frame.at[fid, id_field] if id_field else fid) in wanted]
        self.w.canvas.highlight(layer, fids)
        if fids:
            self.w.canvas.zoom_to(layer, fids)
        self.w.statusBar().showMessage(
            self.tr("%n unit(s) differ between the plans: outlined on the map.", None, len(fids)), 10000)
        return fids

    def _plan_opened(self, _name: str) -> None:
        panel = self._territories
        # The plan a lazily made panel opens when it loads is the one install drew from its record,
        # unchanged since (any edit loads the panel first): drawing it again would only undo a
        # restyle of the layer made in between, which opening a dock never did.
        if panel is not None and not panel.first_loading:
            self.draw_territories()

    def _plan_edited(self, event) -> None:
        panel = self._territories
        if panel is None:
            return
        if not panel.is_loaded:  # (edits go through the panel's model, which loads it) redraw from the record
            self.draw_territories()
            return
        if panel.model is None:
            return
        if event.plan_id is None or event.plan_id == panel.model.plan.plan_id:  # the plan shown
            self.draw_territories()

    def draw_territories(self) -> None:
        """Team colours on the plan's areas layer, restyled in place (no page rebuild), from
        ``TerritoriesPanel.shown_plan``: the model's assignment as painted once the panel is
        loaded, before that the plan's record (the same teams and assignment, without the units)."""
        panel = self._territories
        if panel is None:
            return
        plan = panel.shown_plan()
        if plan is None or plan.areas_layer not in self.w.project.layer_names():
            return
        # the page matches categories on the field's text; unit ids are normalised the same way
        from assetmap.territories.units import unit_key

        layer = plan.areas_layer
        team_colour = {t.team: t.colour for t in plan.teams}
        # (units the layer no longer has are in the record but match no feature below)
        colours = {u: team_colour[t] for u, t in plan.assignments.items()}
        frame = self.w.cache.frame(layer)
        info = self.w.project.layer(layer)
        # the id field as load_units takes it: the layer's, if the layer has such a column
        field = info.extra.get("id_field")
        field = field if field and field in frame.columns else None
        raw = frame[field] if field else frame.index.to_series()
        categories = {str(v): colours[unit_key(v)] for v in raw if unit_key(v) in colours}
        legend = [{"label": t.name, "color": t.colour, "symbol": "circle"} for t in plan.teams]
        legend.append({"label": self.tr("unassigned"), "color": UNASSIGNED, "symbol": "circle"})
        spec = {"kind": "categorized", "field": field or "fid", "categories": categories, "symbols": {},
                "color": UNASSIGNED, "other": UNASSIGNED, "stroke": "#555555", "weight": 1,
                "fillOpacity": 0.75, "radius": 5, "symbol": "circle", "legend": legend}
        self.w.canvas.set_style(layer, spec, f"{info.display_name}: {plan.name}")


def add_menus(window, features: FeatureDocks) -> None:
    """Menu entries of the feature panels: sensitive reports, territory painting, About."""
    file_menu = window.menuBar().actions()[0].menu()
    reports = QAction(QCoreApplication.translate("MainWindow", "Import sensitive &reports…"), window)
    reports.setToolTip(QCoreApplication.translate("MainWindow",
                                                  "Hotline reports or DV calls: only counts per area are kept"))
    reports.triggered.connect(lambda *_: _import_reports(window))
    file_menu.insertAction(window.actions_by_name["export map"], reports)
    window.actions_by_name["import reports"] = reports
    locator = QAction(QCoreApplication.translate("MainWindow", "Add address &locator…"), window)
    locator.setToolTip(QCoreApplication.translate("MainWindow", "Reference addresses for placing addresses offline"))
    locator.triggered.connect(lambda *_: _add_locator(window))
    file_menu.insertAction(window.actions_by_name["export map"], locator)
    window.actions_by_name["add locator"] = locator
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Territories"))
    menu.addAction(features.paint_action)
    window.actions_by_name["paint territories"] = features.paint_action
    menu.addAction(features.polygon_action)
    window.actions_by_name["territory polygon"] = features.polygon_action
    for action in (features.paint_action, features.polygon_action):  # one checked with View › Identify
        window.tool_status.group.addAction(action)
    new_plan = QAction(QCoreApplication.translate("MainWindow", "&New plan…"), window)
    new_plan.triggered.connect(lambda *_: features.territories is not None and features.territories.new_plan())
    menu.addAction(new_plan)
    window.actions_by_name["new plan"] = new_plan
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.setObjectName("HelpMenu")
    whats_this = QWhatsThis.createAction(window)
    whats_this.setText(QCoreApplication.translate("MainWindow", "What's &this?"))
    help_menu.addAction(whats_this)
    window.actions_by_name["what's this"] = whats_this
    about = QAction(QCoreApplication.translate("MainWindow", "&About assetmap"), window)
    about.triggered.connect(lambda *_: _about(window))
    help_menu.addAction(about)
    window.actions_by_name["about"] = about


def _import_reports(window) -> None:
    from assetmap.ui.reports_wizard import open_reports_wizard

    if window.project is None:
        return
    from assetmap.layer_commands import LayerWork

    work = LayerWork(window.project, window.session.stash)   # aggregation adds layers, never overwrites

    def done(report) -> None:
        command = work.command(QCoreApplication.translate("MainWindow", "import sensitive reports"))
        if command is not None:   # undoable like a style change; its events draw the layer
            window.stack.push(command)
        lines = report.lines() if hasattr(report, "lines") else []
        if lines:
            window.statusBar().showMessage(lines[0], 8000)

    open_reports_wizard(window, window.project, on_done=done)


def _add_locator(window) -> None:
    from assetmap.ui.locator_dialog import add_locator_dialog

    add_locator_dialog(window)


def _about(window) -> None:
    from assetmap.ui.about import AboutDialog

    attribution = window.project.meta("attribution") if window.project is not None else None
    AboutDialog(window, attribution).exec()
