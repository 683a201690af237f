"""Shared-measurement indicators in the main window: the dashboard dock (View menu), and in the
Reports menu the partnership report, the indicator table as CSV and the definitions dialog.

A window feature (ui/window_features.py); its dock hears ProjectOpened and IndicatorsChanged
on the window's session itself; long work (computing, the report, the CSV) runs on ``ui.workers`` threads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from assetmap.errors import UserError
from assetmap.ui.indicators_dock import IndicatorsDock


def _reports_menu(window, translated: str):
    """The Reports menu (made by ui.report_maps), or a new one at the end."""
    for a in window.menuBar().actions():
        if a.menu() is not None and a.text().replace("&", "") in ("Reports", translated.replace("&", "")):
            return a.menu()
    return window.menuBar().addMenu(translated)


class IndicatorsFeature(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.dialog = None         # the open definitions dialog (tests drive it)
        self.report_dialog = None
        self.report_task = None
        self.csv_task = None
        self.dock = window.add_feature_dock(IndicatorsDock(window))
        self.dock.hide()
        self.actions: dict[str, QAction] = {}
        menu = _reports_menu(window, self.tr("&Reports"))
        menu.addSeparator()
        self._action(menu, "report", self.tr("&Partnership report…"), self.make_report,
                     self.tr("The quarterly report for partners: a map and a table per indicator (PDF or HTML)"))
        self._action(menu, "csv", self.tr("Export &indicator table (CSV)…"), self.export_csv,
                     self.tr("Every indicator per neighbourhood and period; withheld values are empty"))
        self._action(menu, "edit", self.tr("&Edit indicators…"), self.edit_indicators,
                     self.tr("What the partnership measures: name, numerator, denominator, target"))

    def _action(self, menu, key: str, text: str, slot, tip: str) -> QAction:
        a = QAction(text, self.w)
        a.setToolTip(tip)
        a.setStatusTip(tip)
        a.triggered.connect(lambda *_: slot())
        menu.addAction(a)
        self.actions[key] = a
        self.w.actions_by_name[f"indicators {key}"] = a
        return a

    def install(self, project) -> None:
        self.dock.set_project(project)

    def project_opened(self, project) -> None:
        pass   # the dock hears ProjectOpened

    def project_closed(self) -> None:
        pass

    # ------------------------------------------------------------------ helpers
    def _indicators(self):
        from assetmap.indicators.model import indicators_or_defaults

        return indicators_or_defaults(self.w.project)

    def _need_project(self, title: str) -> bool:
        if self.w.project is None:
            QMessageBox.information(self.w, title, self.tr("Open a project first (File › Open project)."))
            return False
        return True

    # ------------------------------------------------------------------ definitions
    def edit_indicators(self) -> None:
        from assetmap.indicators.model import default_indicators, load_indicators
        from assetmap.ui.indicators_dialog import IndicatorsDialog

        title = self.tr("Indicators")
        if not self._need_project(title):
            return
        try:
            defaults = default_indicators(self.w.project)
            current = load_indicators(self.w.project) or defaults
        except UserError as exc:
            QMessageBox.warning(self.w, title, str(exc))
            return
        dlg = IndicatorsDialog(self.w.project, current, defaults, self.w)
        dlg.accepted.connect(lambda: self.save_indicators(dlg.result_indicators()))
        self.dialog = dlg
        dlg.open()

    def save_indicators(self, indicators) -> None:
        from assetmap.indicators.model import SetIndicators

        try:   # its IndicatorsChanged (do, undo, redo) reaches the dock
            self.w.stack.push(SetIndicators(self.w.project, indicators, self.tr("edit indicators")))
        except UserError as exc:
            QMessageBox.warning(self.w, self.tr("Indicators"), str(exc))

    # ------------------------------------------------------------------ partnership report
    def make_report(self) -> None:
        from assetmap.ui.indicators_report import ReportDialog, report_periods

        title = self.tr("Partnership report")
        if not self._need_project(title):
            return
        try:
            inds = self._indicators()
        except UserError as exc:
            QMessageBox.warning(self.w, title, str(exc))
            return
        if not inds:
            QMessageBox.information(self.w, title, self.tr(
                "There are no indicators yet: import report files (File › Import sensitive reports), assets, "
                "hubs or a survey first."))
            return
        shown = self.dock.current_period() if self.dock.df is not None else None
        dlg = ReportDialog(self.w.project, inds, report_periods(self.w.project, inds), self.w, period=shown)
        dlg.accepted.connect(lambda: self.run_report(**dlg.options()))
        self.report_dialog = dlg
        dlg.open()

    def run_report(self, out: Path, period, indicators, fmt: str, paper: str):
        from assetmap.indicators.report import build_report
        from assetmap.ui.workers import run_task

        project = self.w.project

        def work(ctx):
            return build_report(project, out, period=period, indicators=indicators, fmt=fmt, paper=paper, ctx=ctx)

        def done(path):
            self.w.statusBar().showMessage(self.tr("Partnership report saved: {path}").format(path=path), 15000)

        self.report_task = run_task(self.w, self.tr("Making the partnership report"), work, done)
        return self.report_task

    # ------------------------------------------------------------------ CSV
    def export_csv(self, path: str | None = None):
        from assetmap.indicators.compute import compute
        from assetmap.indicators.export import write_csv
        from assetmap.ui.workers import run_task

        title = self.tr("Export indicator table")
        if not self._need_project(title):
            return None
        if path is None:
            start = str(Path(self.w.project.path).with_name(Path(self.w.project.path).stem + "-indicators.csv"))
            path, _ = QFileDialog.getSaveFileName(self.w, title, start, self.tr("CSV (*.csv)"))
            if not path:
                return None
        out = Path(path)
        if out.suffix.lower() != ".csv":
            out = out.with_suffix(".csv")
        project = self.w.project

        def work(ctx):
            return write_csv(compute(project, ctx=ctx), out)

        def done(p):
            self.w.statusBar().showMessage(self.tr("Indicator table saved: {path}").format(path=p), 15000)

        self.csv_task = run_task(self.w, title, work, done)
        return self.csv_task

    def show_dock(self) -> None:
        self.dock.show()
        self.dock.raise_()

