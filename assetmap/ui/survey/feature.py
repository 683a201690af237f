"""The Survey menu and dock of the main window, and the map click a location question asks for.

Kept out of main_window: a window feature (ui/window_features.py); the map hears what changed
through the window's session events.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from assetmap.errors import UserError


class SurveyDock(QDockWidget):
    """The survey form's dock. Its panel (the form, the entries: the part that reads the project)
    is made by ``make_panel`` when the dock is first shown or ``panel`` is asked for: hidden when a
    project opens, the dock costs nothing before the first map."""

    def __init__(self, make_panel, form_id: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Survey"))
        self.setObjectName("SurveyDock")
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        from assetmap.ui.accessible import add_dock_help

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.help = add_dock_help(self, layout, self.tr(
            "The door-to-door survey: one entry for each place, group or person that could help children "
            "and families.\n\nType your name, answer the questions (those marked * are needed), give the "
            "location with Pick on map or by choosing the neighbourhood, and press Save and next (Ctrl+S): "
            "the entry is saved at once. My entries lists what you entered; Edit, Delete and Ctrl+Z fix "
            "mistakes. The Survey menu makes field packages for volunteers and merges them back."))
        self.setWidget(body)
        self.form_id = form_id
        self._layout = layout
        self._make_panel = make_panel
        self._panel = None

    @property
    def panel(self):
        if self._panel is None:
            self._panel = self._make_panel()
            self._layout.addWidget(self._panel, 1)
        return self._panel

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.panel  # made before it is first on screen
        super().showEvent(event)


class SurveyFeature(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.dock: SurveyDock | None = None
        self._pick: str | None = None
        self.actions: dict[str, QAction] = {}
        from assetmap.ui.map_tools import MapTool

        # "Pick on map" is a map tool (ui/map_tools.py): it ends any other, and any other ends it.
        self.tool = MapTool("survey location", self.tr("Pick a location"),
                            self.tr("click the map where the place is"), once=True,
                            on_map_click=self._map_clicked, parent=self)
        self.tool.ended.connect(self._tool_ended)
        self._pick_button = None
        self._add_menu()
        from assetmap.session import SurveyFormsChanged
        from assetmap.ui.session_qt import subscribe

        # installing a form is a command (survey.commands.InstallForm): do, undo and redo say so
        subscribe(window.session, self, SurveyFormsChanged, self._forms_changed)

    # ------------------------------------------------------------------ menu
    def _action(self, key: str, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        a = QAction(text, self.w)
        if shortcut:
            a.setShortcut(shortcut)
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        a.triggered.connect(lambda *_: slot())
        self.actions[key] = a
        self.w.actions_by_name[f"survey {key}"] = a
        return a

    def _add_menu(self) -> None:
        menu = self.w.menuBar().addMenu(self.tr("&Survey"))
        helps = [a for a in self.w.menuBar().actions() if a.menu() and a.menu().objectName() == "HelpMenu"]
        if helps:  # keep Help last
            self.w.menuBar().insertMenu(helps[0], menu)
        self.menu = menu
        menu.addAction(self._action("enter", self.tr("&Enter survey responses"), self.start, "Ctrl+Shift+E",
                                    self.tr("Fill the asset survey form; every entry is saved at once")))
        menu.addSeparator()
        menu.addAction(self._action("install", self.tr("Use the built-in &community asset form"), self.install_builtin))
        menu.addAction(self._action("load form", self.tr("Load an &XLSForm…"), self.install_xlsform,
                                    tip=self.tr("A form made for KoboToolbox or ODK (.xlsx)")))
        menu.addSeparator()
        menu.addAction(self._action("pack", self.tr("Make a &field package…"), self.make_package))
        menu.addAction(self._action("reference", self.tr("S&treets for volunteers…"), self.choose_reference,
                                    tip=self.tr("A street layer drawn under the volunteers' blocks in survey mode")))
        menu.addAction(self._action("merge", self.tr("&Merge field packages…"), self.merge_packages))
        menu.addAction(self._action("conflicts", self.tr("Merge &conflicts…"), self.show_conflicts))
        menu.addAction(self._action("import", self.tr("&Import a KoboToolbox/ODK export…"), self.import_export))
        menu.addSeparator()
        menu.addAction(self._action("summary", self.tr("Survey &summary"), self.show_summary))
        menu.addAction(self._action("export", self.tr("E&xport responses…"), self.export_responses))

    # ------------------------------------------------------------------ project
    def _store(self):
        from assetmap.survey.store import SurveyStore

        return SurveyStore(self.w.project)

    def install(self, project) -> None:
        self.remove()
        if project is None:
            return
        forms = self._store().forms()
        if forms:
            self._make_dock(forms[0].form_id)
            from assetmap.survey.pack import package_meta

            if package_meta(project):  # a volunteer's package opens straight on the form
                self.dock.show()
                self.dock.raise_()

    def project_opened(self, project) -> None:
        self.install(project)

    def project_closed(self) -> None:
        self.remove()

    def remove(self) -> None:
        self.w.canvas.end_map_tool(self.tool)  # its question goes with the dock
        if self.dock is not None:
            self.w.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        self._pick = None

    def _make_dock(self, form_id: str) -> None:
        project, stack = self.w.project, self.w.stack

        def make_panel():
            from assetmap.survey.store import SurveyStore
            from assetmap.ui import i18n
            from assetmap.ui.survey.panel import SurveyPanel

            form = SurveyStore(project).form(form_id)
            language = i18n.form_language(form.languages, i18n.current_language())
            panel = SurveyPanel(project, form_id, stack, language=language)
            panel.pick_requested.connect(self._start_pick)
            return panel

        # saves, edits and deletes are commands: their events redraw the map (no signal needed)
        self.dock = self.w.add_feature_dock(SurveyDock(make_panel, form_id, self.w))
        self.dock.hide()

    def start(self) -> None:
        if self.w.project is None:
            return
        if self.dock is None:
            if not self._store().forms():
                answer = QMessageBox.question(
                    self.w, self.tr("No survey form yet"),
                    self.tr("This project has no survey form. Use the built-in community asset form?"))
                if answer != QMessageBox.StandardButton.Yes:
                    return
                self.install_builtin()
                if self.dock is None:  # the install was refused (said in a message)
                    return
            else:
                self._make_dock(self._store().forms()[0].form_id)
        self.dock.show()
        self.dock.raise_()
        self.dock.panel.new_entry()

    def install_builtin(self) -> None:
        from assetmap.survey import builtin_form

        self._install_form(builtin_form())

    def install_xlsform(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Load an XLSForm"), "",
                                                  self.tr("XLSForm (*.xlsx *.xls)"))
        if not path:
            return
        from assetmap.survey.xlsform import load_form

        try:
            form = load_form(path)
        except UserError as exc:
            QMessageBox.warning(self.w, self.tr("Can't use this form"), str(exc))
            return
        if form.unsupported:
            QMessageBox.information(self.w, self.tr("Parts of this form are not supported"),
                                    "\n".join(form.unsupported))
        self._install_form(form)

    def _install_form(self, form) -> None:
        from assetmap.survey.commands import InstallForm

        try:  # one undo step: Ctrl+Z takes the form and its layer back, as after an import
            self.w.stack.push(InstallForm(self.w.project, self.w.session.stash, form))
        except UserError as exc:
            QMessageBox.warning(self.w, self.tr("Can't install the form"), str(exc))
            return
        self.w.statusBar().showMessage(self.tr("Survey form “%1” is ready.").replace("%1", form.title), 8000)

    def _forms_changed(self, event) -> None:
        """A form was installed, or its install undone or redone: the dock shows what is installed."""
        if self.w.project is None:
            return
        installed = [f.form_id for f in self._store().forms()]
        shown = self.dock is not None and self.dock.isVisible()
        self.remove()
        if event.form_id in installed:
            self._make_dock(event.form_id)
        elif installed:
            self._make_dock(installed[0])
        if shown and self.dock is not None:  # an undo or redo keeps the dock where the user had it
            self.dock.show()

    # ------------------------------------------------------------------ map
    def _start_pick(self, question: str) -> None:
        button = self._button(question)
        if self.w.canvas.map_tool() is self.tool and self._pick_button is button:  # pressed again: stop
            self.w.canvas.set_map_tool(None)
            return
        self.w.canvas.set_map_tool(None)  # another question's pick ends first (its button unchecks)
        self._pick, self._pick_button = question, button
        if button is not None:
            button.setCheckable(True)
            button.setChecked(True)
        self.w.canvas.set_map_tool(self.tool)
        self.w.statusBar().showMessage(self.tr("Click the map where the place is."), 15000)

    def _button(self, question: str):
        """The "Pick on map" button of ``question`` (a repeat instance's: the one that asked)."""
        if self.dock is None:
            return None
        entry = self.dock.panel.entry
        row = entry.rows.get(question)
        editor = row.editor if row is not None else getattr(entry, "_pick_editor", None)
        return getattr(editor, "pick", None)

    def _tool_ended(self) -> None:
        button, self._pick_button = self._pick_button, None
        try:
            if button is not None:
                button.setChecked(False)
        except RuntimeError:  # the form was rebuilt meanwhile
            pass
        if not self.tool.completed:
            self._pick = None

    def _map_clicked(self, lon: float, lat: float) -> None:
        question, self._pick = self._pick, None
        if question is None or self.dock is None:
            return
        self.w.statusBar().clearMessage()
        self.dock.panel.entry.set_point(question, lat, lon)

    def redraw(self) -> None:
        """Say that the open form's responses changed outside a command (merge, import, conflicts)."""
        if self.w.project is None or self.dock is None:
            return
        self._announce([self.dock.form_id])

    def _announce(self, form_ids) -> None:
        from assetmap.session import DATA, LayerChanged, SurveyResponsesChanged

        store = self._store()
        for form_id in form_ids:
            self.w.session.emit(LayerChanged(store.layer(form_id), frozenset({DATA})))
            self.w.session.emit(SurveyResponsesChanged(form_id))

    # ------------------------------------------------------------------ packages, merge, import
    def make_package(self) -> None:
        from assetmap.ui.survey.dialogs import PackDialog
        from assetmap.ui.workers import run_task

        if self.w.project is None:
            return
        dlg = PackDialog(self.w.project, self.w)
        if not dlg.exec():
            return
        from assetmap.ui.survey.reference_layer import apply_reference

        if not apply_reference(self.w, dlg.reference):  # the package carries the streets marked
            return
        v = dlg.values()
        project = self.w.project

        def work(ctx):
            from assetmap.survey.pack import make_package

            return make_package(project, v["out"], surveyor=v["surveyor"], areas=v["areas"], overwrite=True)

        run_task(self.w, self.tr("Make field package"), work,
                 on_done=lambda res: self.w.statusBar().showMessage(res.text(), 15000))

    def choose_reference(self):
        from assetmap.ui.survey.reference_layer import ReferenceDialog, apply_reference

        if self.w.project is None:
            return None
        dlg = self.reference_dialog = ReferenceDialog(self.w.project, self.w)
        dlg.accepted.connect(lambda: apply_reference(self.w, dlg.chooser))
        dlg.open()
        return dlg

    def merge_packages(self, paths: list[str] | None = None):
        from assetmap.ui.workers import run_task

        if self.w.project is None:
            return None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self.w, self.tr("Merge field packages"), "",
                                                    self.tr("Field packages (*.gpkg)"))
        if not paths:
            return None
        project = self.w.project

        def work(ctx):
            from assetmap.survey.merge import merge_package

            reports = []
            for i, p in enumerate(paths):
                ctx.progress(i / len(paths), Path(p).name)
                reports.append(merge_package(project, p, ctx=ctx))
            return reports

        return run_task(self.w, self.tr("Merge field packages"), work, on_done=self._merged)

    def _merged(self, reports) -> None:
        from PySide6.QtWidgets import QPushButton

        from assetmap.ui.survey.dialogs import TextReportDialog

        # a merge may add a form's layer or rows to any form
        self._announce([f.form_id for f in self._store().forms()])
        text = "\n\n".join(r.text() for r in reports)
        extra = None
        if any(r.conflicts for r in reports):
            extra = QPushButton(self.tr("Resolve conflicts…"))
            extra.clicked.connect(self.show_conflicts)
        self.last_report = TextReportDialog(self.tr("Merge report"), text, self.w, extra)
        self.last_report.open()

    def show_conflicts(self):
        from assetmap.ui.survey.dialogs import ConflictsDialog

        if self.w.project is None:
            return None
        self.conflicts_dialog = ConflictsDialog(self.w.project, self.w)
        self.conflicts_dialog.finished.connect(lambda *_: self.redraw())
        self.conflicts_dialog.open()
        return self.conflicts_dialog

    def import_export(self, path: str | None = None):
        from assetmap.ui.workers import run_task

        if self.w.project is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Import a KoboToolbox/ODK export"), "",
                                                  self.tr("Survey export: CSV, Kobo Excel or ODK Central zip (*.csv *.xlsx *.zip)"))
        if not path:
            return None
        project = self.w.project
        from assetmap.ui.survey_geocode import choose_address_geocoding

        geo = choose_address_geocoding(self.w, path)   # with a locator: rows without GPS, by address
        if geo is False:
            return None
        locator, address_column, zip_column = geo
        if locator is None:
            locator = _repeat_locators(project)   # entries inside repeats are placed from their marked address

        def work(ctx):
            from assetmap.survey.kobo import import_export, load_form_for

            return import_export(project, path, load_form_for(None, project), ctx=ctx, locator=locator,
                                 address_column=address_column, zip_column=zip_column)

        def done(report):
            from assetmap.ui.survey.dialogs import TextReportDialog

            if self.dock is None and self._store().forms():
                self._make_dock(self._store().forms()[0].form_id)
            self.redraw()
            self.last_report = TextReportDialog(self.tr("Import report"), report.text(), self.w)
            self.last_report.open()

        return run_task(self.w, self.tr("Import survey export"), work, on_done=done)

    def show_summary(self):
        from assetmap.survey.summary import survey_summary
        from assetmap.ui.survey.dialogs import TextReportDialog

        if self.w.project is None:
            return None
        try:
            summary = survey_summary(self.w.project)
        except UserError as exc:
            QMessageBox.information(self.w, self.tr("Survey summary"), str(exc))
            return None
        self.last_report = TextReportDialog(self.tr("Survey summary"), summary.text(), self.w)
        self.last_report.open()
        return self.last_report

    def export_responses(self, out: str | None = None):
        from assetmap.ui.workers import run_task

        if self.w.project is None:
            return None
        if out is None:
            out, _ = QFileDialog.getSaveFileName(self.w, self.tr("Export survey responses"), "survey.csv",
                                                 self.tr("CSV (*.csv);;GeoPackage (*.gpkg);;GeoJSON (*.geojson)"))
        if not out:
            return None
        project = self.w.project

        def work(ctx):
            from assetmap.survey.summary import export_responses

            return export_responses(project, out, overwrite=True)

        return run_task(self.w, self.tr("Export survey responses"), work,
                        on_done=lambda *_: self.w.statusBar().showMessage(
                            self.tr("Responses exported to %1").replace("%1", out), 10000))


def _repeat_locators(project) -> "list[str] | None":
    """The project's locators (address points first), when its survey form has repeats with their own
    location and a marked address question: their entries are placed on import as on Save."""
    from assetmap.geocode.locators import list_locators
    from assetmap.geocode.survey import repeat_address_questions
    from assetmap.survey.kobo import load_form_for
    from assetmap.survey.store import SurveyStore

    try:
        form = SurveyStore(project).form(load_form_for(None, project))
        infos = list_locators(project)
    except Exception:  # noqa: BLE001 - no form yet, several forms, no locator tables: the import says so
        return None
    if not infos or not repeat_address_questions(form):
        return None
    return [i.name for i in sorted(infos, key=lambda i: (i.kind != "points", i.name))]

