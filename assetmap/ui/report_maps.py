"""Report layers in the main window: the time slider (a bottom toolbar shown while an aggregate
layer with periods is visible) and Reports › Compare two report layers… (the bivariate overlay
as a new, undoable layer). The map is restyled in place by the window on the commands' session
events; nothing here rebuilds the page. The slider follows ProjectOpened and every layer event."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox,
                               QToolBar, QVBoxLayout)

from assetmap.errors import UserError
from assetmap.mapview.periods import SetPeriod, period_layers, shown_period, slider_steps
from assetmap.mapview.report_styles import ALL, layer_periods, period_label, reports_meta
from assetmap.ui.accessible import buddy_label, name_buttons
from assetmap.ui.period_slider import PeriodSlider


class ReportMaps(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.slider = PeriodSlider()
        self.slider.period_changed.connect(self.show_period)
        self.toolbar = QToolBar(self.tr("Time"))
        self.toolbar.setObjectName("TimeToolbar")
        self.toolbar.setAccessibleName(self.tr("Time slider toolbar"))
        self.toolbar.addWidget(self.slider)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.toolbar)
        self.toolbar.hide()
        # The window restores its saved layout after this; hide an empty slider it may have shown.
        QTimer.singleShot(0, self.refresh)
        from assetmap.session import LayerEvent, ProjectClosed, ProjectOpened

        for kind in (ProjectOpened, ProjectClosed, LayerEvent):
            window.session.subscribe(kind, self._refresh_on)
        self.compare_action = QAction(self.tr("&Compare two report layers…"), window)
        self.compare_action.setToolTip(self.tr("Bivariate map of two aggregate layers on the same areas, "
                                               "with their correlation"))
        self.compare_action.triggered.connect(lambda *_: self.compare_dialog())
        menu = window.menuBar().addMenu(self.tr("&Reports"))
        # the Help menu is found by its object name: its text is translated
        helps = [a for a in window.menuBar().actions() if a.menu() and a.menu().objectName() == "HelpMenu"]
        if helps:  # keep Help last
            window.menuBar().insertMenu(helps[0], menu)
        menu.addAction(self.compare_action)
        window.actions_by_name["compare reports"] = self.compare_action

    def project_opened(self, project) -> None:
        pass   # heard as ProjectOpened, after the window drew the layers

    def project_closed(self) -> None:
        pass

    # ------------------------------------------------------------ time slider
    def _refresh_on(self, _event) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the slider when an aggregate layer with periods is visible; follow its period."""
        project = self.w.project
        names = period_layers(project) if project is not None else []
        if not names:
            self.slider._stop()
            self.toolbar.hide()
            return
        self.slider.set_steps(slider_steps(project, names), shown_period(project, names))
        self.toolbar.show()

    def show_period(self, period: str) -> None:
        """Show ``period`` in every visible aggregate layer that has it (one undo step per drag)."""
        project = self.w.project
        names = period_layers(project) if project is not None else []
        if not names:
            return
        try:
            self.w.stack.push(SetPeriod(project, names, period), merge=True)
        except UserError as exc:
            self.w.statusBar().showMessage(exc.message, 8000)

    # ------------------------------------------------------------ bivariate overlay
    def aggregate_layers(self) -> list:
        project = self.w.project
        if project is None:
            return []
        return [i for i in project.layers() if reports_meta(i)]

    def compare(self, layer_a: str, layer_b: str, period: str | None = None):
        """Add the bivariate layer of two aggregate layers (undoable); returns its LayerInfo."""
        from assetmap.layer_commands import AddLayer
        from assetmap.reports.bivariate_layer import bivariate_layer

        gdf, info = bivariate_layer(self.w.project, layer_a, layer_b,
                                    period=None if period in (None, ALL) else period)
        self.w.stack.push(AddLayer(self.w.project, gdf, info, self.w.session.stash))
        return self.w.project.layer(info.name)

    def compare_dialog(self) -> None:
        layers = self.aggregate_layers()
        if len(layers) < 2:
            QMessageBox.information(self.w, self.tr("Compare report layers"),
                                    self.tr("Import two report files first (File › Import sensitive reports), "
                                            "for example maltreatment reports and DV calls over the same areas."))
            return
        dlg = CompareDialog(layers, self.w)
        while dlg.exec():
            try:
                info = self.compare(*dlg.choice())
            except UserError as exc:
                QMessageBox.warning(self.w, self.tr("Compare report layers"), str(exc))
                continue
            meta = info.extra["bivariate"]
            r = self.tr("n/a") if meta["pearson"] is None else f"{meta['pearson']:.2f}"
            self.w.statusBar().showMessage(
                self.tr("Added {0}: Pearson r = {1}, n = {2}.").format(info.display_name, r, meta["n"]), 10000)
            return


class CompareDialog(QDialog):
    """Pick two aggregate layers and a period for the bivariate map."""

    def __init__(self, layers, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare two report layers"))
        self.setAccessibleName(self.tr("Compare two report layers"))
        self._layers = {i.name: i for i in layers}
        form = QFormLayout()
        self.a, self.b, self.period = QComboBox(), QComboBox(), QComboBox()
        for combo, name in ((self.a, self.tr("First layer (across)")), (self.b, self.tr("Second layer (up)")),
                            (self.period, self.tr("Period"))):
            combo.setAccessibleName(name)
        for i in layers:
            self.a.addItem(i.display_name, i.name)
            self.b.addItem(i.display_name, i.name)
        if len(layers) > 1:
            self.b.setCurrentIndex(1)
        for text, combo in ((self.tr("&Across (orange)"), self.a), (self.tr("&Up (blue)"), self.b),
                            (self.tr("&Period"), self.period)):
            label = buddy_label(text, combo)
            form.addRow(label, combo)
        self.a.currentIndexChanged.connect(self._periods)
        self.b.currentIndexChanged.connect(self._periods)
        note = QLabel(self.tr("Both layers must count over the same areas. Units withheld (1–10) in either "
                              "layer get no class and are hatched."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self._periods()

    def _periods(self, *_):
        a = self._layers.get(self.a.currentData())
        b = self._layers.get(self.b.currentData())
        common = [p for p in layer_periods(a) if b is not None and p in layer_periods(b)] if a else []
        self.period.clear()
        self.period.addItem(period_label(ALL), ALL)
        for p in common:
            self.period.addItem(p, p)

    def choice(self) -> tuple[str, str, str]:
        return self.a.currentData(), self.b.currentData(), self.period.currentData()
