"""Survey mode: the volunteer's window.

The form, a map of the volunteer's own blocks with their own entries, and their list
of entries; nothing else. Report densities, hot spots, territories and every tool
that changes other layers are simply not built here, so they can't be reached.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QToolBar

from assetmap.commands import CommandStack
from assetmap.errors import UserError
from assetmap.layers import LayerRole

# Layers a volunteer sees: their blocks and the survey itself. Never aggregates or hot spots.
SHOWN_ROLES = {LayerRole.AREAS}


class SurveyModeWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("assetmap — survey"))
        self.setAccessibleName(self.tr("Survey window"))
        self.project = None
        self.panel = None
        self.stack = CommandStack()
        self._pick: str | None = None
        self._layers: list[str] = []
        self._build_actions()
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.setCentralWidget(self.split)
        self.canvas = None
        self.empty = QLabel(self.tr("Open the field package your survey lead gave you (File › Open field package)."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.split.addWidget(self.empty)
        self.statusBar()

    # ------------------------------------------------------------------ chrome
    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}

        def act(key, text, slot, shortcut=None):
            a = QAction(text, self)
            if shortcut:
                a.setShortcut(shortcut)
            a.triggered.connect(lambda *_: slot())
            self.actions_by_name[key] = a
            return a

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(act("open package", self.tr("&Open field package…"), self.choose_package,
                                QKeySequence.StandardKey.Open))
        file_menu.addSeparator()
        file_menu.addAction(act("quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = act("undo", self.tr("&Undo"), self.stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = act("redo", self.tr("&Redo"), self.stack.redo, QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(act("help", self.tr("&How to survey"), self.show_help, QKeySequence.StandardKey.HelpContents))
        bar = QToolBar(self.tr("Survey tools"))
        bar.setObjectName("SurveyModeToolbar")
        bar.setAccessibleName(self.tr("Survey tools"))
        for key in ("open package", "undo", "redo", "help"):
            bar.addAction(self.actions_by_name[key])
        self.addToolBar(bar)
        from assetmap.ui.accessible import name_toolbar_buttons

        name_toolbar_buttons(bar)
        self.stack.changed.connect(self._update_undo)
        self._update_undo()

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.stack.can_undo)
        self.redo_action.setEnabled(self.stack.can_redo)

    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("How to survey"), self.tr(
            "1. Type your name at the top: it is saved with every entry.\n"
            "2. For each place, group or person you find, answer the questions. Questions marked * are needed.\n"
            "3. For the location, click “Pick on map” and then the place on the map, or choose the "
            "neighbourhood.\n"
            "4. Press “Save and next” (Ctrl+S). The entry is saved at once, even if the battery dies later.\n"
            "5. To fix an entry, choose it in “My entries” and press Edit. Ctrl+Z undoes.\n"
            "6. When you are done, give the package file back to your survey lead."))

    # ------------------------------------------------------------------ project
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open field package"), "",
                                              self.tr("Field package (*.gpkg)"))
        if path:
            self.open_package(Path(path))

    def open_package(self, path: Path, surveyor: str | None = None) -> bool:
        from assetmap.project import Project
        from assetmap.survey.pack import package_meta
        from assetmap.survey.store import SurveyStore

        try:
            project = Project.open(path)
            forms = SurveyStore(project).forms()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Can't open this file"), str(exc))
            return False
        if not forms:
            QMessageBox.warning(self, self.tr("No survey in this file"), self.tr(
                "This file has no survey form. Ask your survey lead for your field package."))
            return False
        meta = package_meta(project)
        self.project = project
        self.stack.clear()
        self._build_views(forms[0].form_id, surveyor or meta.get("surveyor"))
        title = project.title
        self.setWindowTitle(self.tr("%1 — survey").replace("%1", title))
        return True

    def _build_views(self, form_id: str, surveyor: str | None) -> None:
        from assetmap.ui import i18n
        from assetmap.ui.map_canvas import MapCanvas
        from assetmap.ui.survey.panel import SurveyPanel
        from assetmap.survey.store import SurveyStore

        for i in reversed(range(self.split.count())):
            w = self.split.widget(i)
            w.hide()
            w.setParent(None)
            w.deleteLater()
        form = SurveyStore(self.project).form(form_id)
        language = i18n.form_language(form.languages, i18n.current_language())
        self.panel = SurveyPanel(self.project, form_id, self.stack, language=language, surveyor=surveyor)
        self.panel.pick_requested.connect(self._start_pick)
        from assetmap.survey.whereabouts import Whereabouts

        self.whereabouts = Whereabouts(self.project)
        self.where_warning = ""
        self.panel.entry.edited.connect(self.check_location)
        self.panel.responses_changed.connect(self._draw_survey)
        from assetmap.session import LayerEvent, SurveyResponsesChanged
        from assetmap.ui.session_qt import subscribe

        # a save's events: first the cache drops the survey layer, then the map redraws it
        subscribe(self.stack.hub, self.panel, LayerEvent, lambda e: self.cache.invalidate(e))
        subscribe(self.stack.hub, self.panel, SurveyResponsesChanged, lambda _e: self._draw_survey())
        self.canvas = MapCanvas(self)
        from assetmap.ui.map_tools import MapTool

        # "Pick on map" is the canvas's one map tool here too (ui/map_tools.py): one click, the
        # page's crosshair, Esc in the map gives it up.
        self.pick_tool = MapTool("survey location", self.tr("Pick a location"),
                                 self.tr("click the map where the place is"), once=True,
                                 on_map_click=self._map_clicked, parent=self.canvas)
        self.pick_tool.ended.connect(self._pick_ended)
        self.split.addWidget(self.panel)
        self.split.addWidget(self.canvas)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self._draw_base()
        self._draw_survey()
        from assetmap.ui.basemap import apply_basemap

        problem = apply_basemap(self.canvas)  # the offline MBTiles map, when Settings name one
        if problem:  # the blocks still draw; say why the background is missing
            self.statusBar().showMessage(problem.splitlines()[0], 15000)
        self.canvas.zoom_all()
        self.panel.new_entry()

    def _draw_base(self) -> None:
        from assetmap.mapview.layers import LayerCache

        self.cache = LayerCache(self.project, audience="field")  # a volunteer sees public layers only
        self._layers = []
        for info in self.project.layers():
            if info.role in SHOWN_ROLES:
                # The package's areas are the volunteer's own blocks: say so in their language.
                # A volunteer's few blocks go as GeoJSON: the labels name them on the map.
                spec = dict(self.cache.spec(info), labelField=info.extra.get("name_field") or info.extra.get("id_field"))
                self.canvas.set_layer_geojson(info.name, self.cache.geojson(info.name), spec,
                                              self.tr("My neighbourhoods"), True, info.opacity)
                self._layers.append(info.name)
            elif info.extra.get("reference") and "line" in (info.geometry_type or "").lower():
                # Streets the coordinator marked as a reference: where am I on this block?
                self.canvas.set_layer_geojson(info.name, self.cache.geojson(info.name), self.cache.spec(info),
                                              info.display_name or info.name, True, info.opacity)
                self._layers.append(info.name)

    def _draw_survey(self) -> None:
        if self.panel is None or self.canvas is None:
            return
        import json

        layer = self.panel.store.layer(self.panel.form_id)
        if layer not in self.project.layer_names():
            return
        info = self.project.layer(layer)
        name = self.panel.surveyor.text().strip()
        data = json.loads(self.cache.geojson(layer))
        if name:  # a volunteer sees their own entries
            data["features"] = [f for f in data["features"] if f["properties"].get("surveyor") == name]
        for f in data["features"]:  # the raw answers are for the office, not for the popup
            f["properties"].pop("answers", None)
        self.canvas.set_layer_geojson(layer, json.dumps(data), self._survey_spec(self.cache.spec(info)),
                                      self.tr("My entries"), True, 1.0)
        if layer not in self._layers:
            self._layers.append(layer)

    def _survey_spec(self, spec: dict) -> dict:
        """The survey layer's style keyed by asset-type code, its legend in the form's language.

        The stored style is keyed by the default-language labels (what QGIS shows); a
        volunteer reading Spanish gets the form's Spanish labels, the same colours."""
        from assetmap.survey import schema

        form, language = self.panel.form, self.panel.entry.language
        q = schema.type_question(form)
        if q is None or spec.get("kind") != "categorized":
            return spec
        default = form.default_language
        colours, symbols = spec.get("categories", {}), spec.get("symbols", {})
        spec = dict(spec, field=q.name, fieldLabel="", categories={}, symbols={}, legend=[])
        for c in q.choices:
            key = c.label(default)
            if key in colours:
                spec["categories"][c.name] = colours[key]
                spec["symbols"][c.name] = symbols.get(key, spec.get("symbol", "circle"))
                spec["legend"].append({"label": c.label(language), "color": colours[key],
                                       "symbol": spec["symbols"][c.name]})
        return spec

    def layers_on_map(self) -> list[str]:
        return list(self._layers)

    # ------------------------------------------------------------------ map
    def _start_pick(self, question: str) -> None:
        self._pick = question
        self.canvas.set_map_tool(self.pick_tool)
        self.statusBar().showMessage(self.tr("Click the map where the place is."), 15000)

    def _pick_ended(self) -> None:
        if not self.pick_tool.completed:  # given up (Esc): the next click is no location
            self._pick = None
            self.statusBar().clearMessage()

    def _map_clicked(self, lon: float, lat: float) -> None:
        question, self._pick = self._pick, None
        if question is None or self.panel is None:
            return
        self.statusBar().clearMessage()
        self.panel.entry.set_point(question, lat, lon)
        self.check_location()

    def check_location(self) -> str:
        """Warn (never block) when the location is outside the volunteer's areas, naming where it is."""
        from assetmap.survey import schema

        q = schema.geopoint_question(self.panel.form)
        value = self.panel.entry.answers().get(q.name) if q else None
        text = ""
        if value:
            where = self.whereabouts.where(float(value[0]), float(value[1]))
            own = ", ".join(where.own) or self.tr("your areas")
            if not where.inside and where.area:
                text = self.tr("This location is in %1, outside your areas (%2). It will be saved as it is: "
                               "check that it is the right place.").replace("%1", where.area).replace("%2", own)
            elif not where.inside:
                text = self.tr("This location is outside your areas (%1). It will be saved as it is: "
                               "check that it is the right place.").replace("%1", own)
        if text:  # beside Save, where the volunteer looks, and in the status bar
            self.statusBar().showMessage(text)
            self.panel.status.setText(text)
        elif self.where_warning:
            self.statusBar().clearMessage()
        self.where_warning = text
        return text

    def closeEvent(self, event):  # noqa: N802 (Qt API)
        if self.canvas is not None:
            self.canvas.page().deleteLater()
        super().closeEvent(event)
