"""The Hubs menu: Open Referral (HSDS) import and export, catchment rings and the access-gap
analysis, for planners who don't use the command line. Each runs the same core function as
`assetmap hubs import|export`, `assetmap catchments` and `assetmap access` on a worker thread
(progress, Cancel); the layers it writes appear on the map when it is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from assetmap.errors import UserError
from assetmap.ui.accessible import name_buttons


translate = QCoreApplication.translate  # context "HubsMenu" written out: pyside6-lupdate reads it


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    label.setAccessibleName(translate("HubsMenu", "Problem"))
    label.hide()
    return label


def _categories(project) -> dict[str, dict]:
    from assetmap.hubs.taxonomy import categories

    return categories(project)


class _OptionsDialog(QDialog):
    """A form of options; OK checks them (``_check``) and stays open with the reason if they fail."""

    chosen: dict | None = None

    def _lay_out(self, rows) -> None:
        form = QFormLayout()
        for label, field in rows:
            form.addRow(label, field)
            form.labelForField(field).setBuddy(field)
        self.problem = _problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _refuse(self, exc: UserError) -> None:
        self.problem.setText(exc.message + (f"\n{exc.hint}" if exc.hint else ""))
        self.problem.show()

    def _check(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


class CatchmentsDialog(_OptionsDialog):
    """Rings at chosen distances around the public hubs, per hub or per service category."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("HubsMenu", "Catchment rings"))
        self.setAccessibleName(translate("HubsMenu", "Catchment rings"))
        self.distances = QLineEdit("0.5mi, 1mi")
        self.distances.setAccessibleName(translate("HubsMenu", "Distances"))
        self.distances.setToolTip(translate("HubsMenu", "One or more distances, e.g. 800m, 0.5mi, 1km"))
        self.by = QComboBox()
        self.by.setAccessibleName(translate("HubsMenu", "Rings around"))
        self.by.addItem(translate("HubsMenu", "each hub"), "hub")
        self.by.addItem(translate("HubsMenu", "each service category (all hubs offering it)"), "category")
        self.services = QListWidget()
        self.services.setAccessibleName(translate("HubsMenu", "Service categories"))
        for code, row in _categories(project).items():
            item = QListWidgetItem(row.get("label") or code)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.services.setEnabled(False)
        self.by.currentIndexChanged.connect(lambda _i: self.services.setEnabled(self.by.currentData() == "category"))
        self.name = QLineEdit("catchments")
        self.name.setAccessibleName(translate("HubsMenu", "Layer name"))
        rows = ((translate("HubsMenu", "&Distances:"), self.distances),
                (translate("HubsMenu", "Rings &around:"), self.by),
                (translate("HubsMenu", "&Categories (none ticked: all):"), self.services),
                (translate("HubsMenu", "&Layer name:"), self.name))
        self._lay_out(rows)

    def _check(self) -> None:
        from assetmap.access.catchments import parse_distance
        from assetmap.layers.info import validate_layer_name

        try:
            parts = [p for p in self.distances.text().replace(";", ",").split(",") if p.strip()]
            if not parts:
                raise UserError(translate("HubsMenu", "Give at least one distance."),
                                translate("HubsMenu", "For example: 0.5mi, 1mi"))
            distances = [parse_distance(p.strip()) for p in parts]
            name = validate_layer_name(self.name.text().strip())
        except UserError as exc:
            self._refuse(exc)
            return
        cats = [self.services.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.services.count())
                if self.services.item(i).checkState() == Qt.CheckState.Checked]
        by = self.by.currentData()
        self.chosen = {"distances": distances, "by": by, "categories": (cats or None) if by == "category" else None,
                       "name": name}
        self.accept()


class AccessDialog(_OptionsDialog):
    """Need (a numeric field of an area layer) against access (distance to a service)."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("HubsMenu", "Access gaps"))
        self.setAccessibleName(translate("HubsMenu", "Access gaps"))
        self.layer = QComboBox()
        self.layer.setAccessibleName(translate("HubsMenu", "Need layer"))
        # Each area layer read once here, not again whenever the layer choice changes.
        self._fields = {info.name: _numeric_fields(project, info.name) for info in project.layers()
                        if "polygon" in (info.geometry_type or "").lower()}
        for info in project.layers():
            if self._fields.get(info.name):
                self.layer.addItem(info.display_name, info.name)
        self.field = QComboBox()
        self.field.setAccessibleName(translate("HubsMenu", "Need field"))
        self.layer.currentIndexChanged.connect(lambda _i: self._fill_fields())
        self.service = QComboBox()
        self.service.setAccessibleName(translate("HubsMenu", "Service"))
        for code, row in _categories(project).items():
            self.service.addItem(row.get("label") or code, code)
        self.within = QLineEdit("1mi")
        self.within.setAccessibleName(translate("HubsMenu", "Within"))
        self.within.setToolTip(translate("HubsMenu", "Empty: farther than the median distance counts as low access"))
        rows = ((translate("HubsMenu", "Need: &layer"), self.layer),
                (translate("HubsMenu", "Need: &field"), self.field),
                (translate("HubsMenu", "&Service"), self.service),
                (translate("HubsMenu", "Access means &within"), self.within))
        self._lay_out(rows)
        self._fill_fields()

    def _fill_fields(self) -> None:
        self.field.clear()
        name = self.layer.currentData()
        for f in self._fields.get(name, []):
            self.field.addItem(f, f)
        preferred = [i for i in range(self.field.count()) if "rate" in self.field.itemText(i)]
        if preferred:
            self.field.setCurrentIndex(preferred[0])

    def _check(self) -> None:
        from assetmap.access.catchments import parse_distance

        try:
            if not self.layer.currentData() or not self.field.currentData():
                raise UserError(
                    translate("HubsMenu", "There is no area layer with numbers to measure need."),
                    translate("HubsMenu", "Import report counts or an area layer with a numeric field first."))
            within = parse_distance(self.within.text().strip()) if self.within.text().strip() else None
        except UserError as exc:
            self._refuse(exc)
            return
        self.chosen = {"need": f"{self.layer.currentData()}:{self.field.currentData()}",
                       "service": self.service.currentData(), "within": within}
        self.accept()


def _numeric_fields(project, name: str) -> list[str]:
    import pandas as pd

    frame = project.read_layer(name)
    skip = {frame.geometry.name, "fid", "suppressed"}
    return [c for c in frame.columns if c not in skip and pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c])]


class GapTableDialog(QDialog):
    """The ranked areas: high need and no service within reach first."""

    def __init__(self, table, parent=None):
        from assetmap.access.catchments import format_distance

        super().__init__(parent)
        self.plain = table.drop(columns=table.geometry.name)
        cat, cut = table.attrs.get("category", ""), table.attrs.get("access_cut_m")
        self.setWindowTitle(translate("HubsMenu", "Access gaps: {0}").format(cat))
        self.setAccessibleName(translate("HubsMenu", "Access gaps table"))
        gaps = int(self.plain["gap"].sum())
        text = translate("HubsMenu", "{0} area(s) with high need (at least {1:g}) and no {2} within {3}.")
        self.summary = QLabel(text.format(gaps, table.attrs.get("need_cut", 0), cat,
                                          format_distance(cut) if cut else "?"))
        self.summary.setWordWrap(True)
        headers = [translate("HubsMenu", "Rank"), translate("HubsMenu", "Area"), translate("HubsMenu", "Need"),
                   translate("HubsMenu", "Distance"), translate("HubsMenu", "Nearest hub"),
                   translate("HubsMenu", "Gap")]
        self.table = QTableWidget(len(self.plain), len(headers))
        self.table.setAccessibleName(translate("HubsMenu", "Ranked areas"))
        self.table.setHorizontalHeaderLabels(headers)
        for r, (_, row) in enumerate(self.plain.iterrows()):
            values = [str(row["rank"]), str(row["area_name"]), f"{row['need']:.4g}",
                      format_distance(row["distance_m"]) if row["distance_m"] == row["distance_m"] else "",
                      str(row["nearest_hub"] or ""), translate("HubsMenu", "yes") if row["gap"] else ""]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()  # the Rank column numbers the rows
        self.table.resizeColumnsToContents()
        save = QPushButton(translate("HubsMenu", "&Save as CSV…"))
        save.clicked.connect(self.save_csv)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        name_buttons(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(760, 480)

    def save_csv(self, path: str | None = None) -> Path | None:
        from assetmap.access.gap import write_csv

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, translate("HubsMenu", "Save the table"), "access_gaps.csv",
                                                  "CSV (*.csv)")
        return write_csv(self.plain, path) if path else None


# ---------------------------------------------------------------------------- actions
def _need_project(w) -> bool:
    if w.project is None:
        QMessageBox.information(w, translate("HubsMenu", "Hubs"),
                                translate("HubsMenu", "Open or create a project first."))
        return False
    return True


def _options(w, dialog_cls, given: dict | None) -> dict | None:
    """The options given (scripts, tests), else asked in the dialog; None when cancelled."""
    if not _need_project(w):
        return None
    if given is not None:
        return given
    dlg = dialog_cls(w.project, w)
    return dlg.chosen if dlg.exec() == QDialog.DialogCode.Accepted else None


_ASK = object()


def _choose_locator(w, title: str):
    """The locator to place address-only locations with: None (no locator in the project, or the
    user chose not to), or False when the user cancelled."""
    from PySide6.QtWidgets import QInputDialog

    from assetmap.geocode.locators import list_locators

    names = [i.name for i in list_locators(w.project)]
    if not names:
        return None
    none = translate("HubsMenu", "Leave them without a position")
    item, ok = QInputDialog.getItem(
        w, title, translate("HubsMenu", "Locations with a street address but no coordinates: place them "
                                        "(offline) with the locator"), names + [none], 0, False)
    if not ok:
        return False
    return None if item == none else item


def import_hsds_dialog(w, source: str | None = None, unplaced: bool = False, locator=_ASK):
    """Import an HSDS package; when some locations have impossible coordinates, say which and
    offer to import the rest with those locations left without a position (nothing is guessed).
    With a locator in the project, locations that have only an address can be placed from it."""
    from assetmap.ui.workers import error_box, explain, run_task

    if not _need_project(w):
        return None
    if source is None:
        source, _ = QFileDialog.getOpenFileName(
            w, translate("HubsMenu", "Import an Open Referral (HSDS) package: its datapackage.json or .zip"), "",
            translate("HubsMenu", "HSDS package (datapackage.json *.zip)"))
        if source and Path(source).name == "datapackage.json":
            source = str(Path(source).parent)
    if not source:
        return None
    project = w.project
    from assetmap.hubs import directory
    from assetmap.layer_commands import LayerWork

    before_dir = directory.load(project)   # what undo saves back (as a hub edit does)
    layer_work = LayerWork(project, w.session.stash)
    title = translate("HubsMenu", "Import Open Referral directory")
    if locator is _ASK:
        locator = _choose_locator(w, title)
        if locator is False:
            return None

    def work(ctx):
        from assetmap.hubs.hsds_import import import_hsds

        return import_hsds(project, source, unplaced=unplaced, locator=locator, ctx=ctx)

    def done(report):
        from assetmap.hubs.commands import imported
        from assetmap.layer_commands import Batch

        # a new hubs layer is added (undo removes it), then the directory saved into it
        added = layer_work.command(title)
        edit = imported(project, before_dir, title)
        w.stack.push(edit if added is None else Batch([added, edit], title))
        w.hubs_report = "\n".join(report.lines())
        box = QMessageBox(QMessageBox.Icon.Information, translate("HubsMenu", "Open Referral import"),
                          w.hubs_report, QMessageBox.StandardButton.Ok, w)
        box.open()
        w.hubs_report_box = box

    def ended(ok: bool) -> None:
        from assetmap.hubs.hsds_import import CoordinateProblems

        if ok or task.error is None:
            return
        if isinstance(task.error, CoordinateProblems):
            answer = QMessageBox.question(
                w, title, task.error.message + "\n\n" + translate(
                    "HubsMenu", "Import the package anyway, leaving these locations without a position on the "
                                "map? You can place them later in the Hubs panel (Move)."))
            if answer == QMessageBox.StandardButton.Yes:
                w.hubs_retry = import_hsds_dialog(w, source, unplaced=True, locator=locator)
            return
        message, hint = explain(task.error, title)
        box = error_box(w, message, hint, title=title)
        box.open()
        w.hubs_error_box = box

    task = run_task(w, title, work, on_done=done, quiet_errors=True)
    task.finished.connect(ended)
    return task


def export_hsds_dialog(w, out_dir: str | None = None):
    from assetmap.ui.workers import run_task

    if not _need_project(w):
        return None
    if out_dir is None:
        out_dir = QFileDialog.getExistingDirectory(
            w, translate("HubsMenu", "Export the public directory (HSDS) into this folder"))
    if not out_dir:
        return None
    project = w.project

    def work(ctx):
        from assetmap.hubs.hsds_export import export_hsds

        ctx.progress(0.1, translate("HubsMenu", "Writing the Open Referral tables"))
        return export_hsds(project, out_dir, overwrite=True)

    def done(counts):
        w.statusBar().showMessage(translate("HubsMenu", "Wrote the Open Referral package to {0}: {1}").format(
            out_dir, ", ".join(f"{n} {t}" for t, n in counts.items())), 10000)

    return run_task(w, translate("HubsMenu", "Export Open Referral directory"), work, on_done=done)


def catchments_dialog(w, chosen: dict | None = None):
    from assetmap.ui.layer_tasks import run_layer_task

    chosen = _options(w, CatchmentsDialog, chosen)
    if chosen is None:
        return None
    project = w.project

    def work(ctx):
        from assetmap.access.catchments import catchment_layer, write_catchments
        from assetmap.hubs import directory

        ctx.progress(0.1, translate("HubsMenu", "Drawing the rings"))
        gdf = catchment_layer(directory.load(project), chosen["distances"], by=chosen["by"],
                              categories=chosen["categories"])
        ctx.check()
        write_catchments(project, gdf, name=chosen["name"])
        return len(gdf)

    def done(n):
        text = translate("HubsMenu", "{0} catchment ring(s) in layer '{1}' (public hubs only).")
        w.statusBar().showMessage(text.format(n, chosen["name"]), 10000)

    return run_layer_task(w, translate("HubsMenu", "Catchment rings"), work, on_done=done,
                          replaces=[chosen["name"]])


def access_dialog(w, chosen: dict | None = None):
    from assetmap.ui.layer_tasks import run_layer_task

    chosen = _options(w, AccessDialog, chosen)
    if chosen is None:
        return None
    project = w.project

    def work(ctx):
        from assetmap.access.gap import run_access

        ctx.progress(0.1, translate("HubsMenu", "Measuring need and access"))
        return run_access(project, chosen["need"], chosen["service"], within=chosen["within"])

    def done(table):
        dlg = GapTableDialog(table, w)
        dlg.open()
        w.gap_table = dlg

    # the layer is named after the service: any earlier access-gap layer may be overwritten
    return run_layer_task(w, translate("HubsMenu", "Access gaps"), work, on_done=done,
                          replaces=[n for n in project.layer_names() if n.startswith("access_gaps_")])


def coverage_dialog(w, within: str | None = None):
    """Share of each area, and of its people, within reach of each service: a map layer
    ``coverage`` and the city-wide figures (confidential sites count in those only)."""
    from PySide6.QtWidgets import QInputDialog

    from assetmap.access.catchments import parse_distance
    from assetmap.ui.layer_tasks import run_layer_task

    if not _need_project(w):
        return None
    while within is None:
        text, ok = QInputDialog.getText(w, translate("HubsMenu", "Coverage"),
                                        translate("HubsMenu", "Within what distance of a hub? (e.g. 1mi, 800m)"),
                                        text="1mi")
        if not ok:
            return None
        try:
            parse_distance(text.strip())
            within = text.strip()
        except UserError as exc:
            QMessageBox.warning(w, translate("HubsMenu", "Coverage"), exc.message)
    project = w.project

    def work(ctx):
        from assetmap.access.catchments import areas_layer, coverage, coverage_summary, write_coverage_layer
        from assetmap.hubs import directory

        dist = parse_distance(within)
        gdf, id_field, name_field, pop = areas_layer(project)
        d = directory.load(project)
        kwargs = dict(id_field=id_field, name_field=name_field, population_field=pop)
        table = coverage(gdf, d, dist, ctx=ctx, **kwargs)
        from assetmap.access.confidential import summary_with_confidential

        with_all = summary_with_confidential(project, d, dist)  # can't locate a confidential site
        write_coverage_layer(project, gdf, table, "coverage", dist)
        return coverage_summary(table), with_all

    def done(result):
        summary, with_all = result
        lines = [translate("HubsMenu", "Within {0} of a public hub (with confidential sites):").format(within)]
        for cat in sorted(set(summary) | set(with_all)):
            row, full = summary.get(cat, {}), with_all.get(cat, {})
            if "withheld" in full or not full:
                text = translate("HubsMenu", "{0:.0%} (with confidential sites: withheld)").format(
                    row.get("population_share", row.get("mean_area_share", 0)))
            elif "population_share" in full:
                text = translate("HubsMenu", "{0:.0%} ({1:.0%}) of people").format(
                    row.get("population_share", 0), full["population_share"])
            else:
                text = translate("HubsMenu", "{0:.0%} ({1:.0%}) of the average area").format(
                    row.get("mean_area_share", 0), full["mean_area_share"])
            lines.append(f"{cat}: {text}")
        w.coverage_text = "\n".join(lines)
        box = QMessageBox(QMessageBox.Icon.Information, translate("HubsMenu", "Coverage"), w.coverage_text,
                          QMessageBox.StandardButton.Ok, w)
        box.open()
        w.coverage_box = box

    return run_layer_task(w, translate("HubsMenu", "Coverage"), work, on_done=done, replaces=["coverage"])


def add_hubs_menu(w) -> None:
    """Hubs menu, before Help."""
    from PySide6.QtGui import QAction

    menu = w.menuBar().addMenu(translate("HubsMenu", "&Hubs"))
    menu.setObjectName("HubsMenu")
    helps = [a for a in w.menuBar().actions() if a.menu() and a.menu().objectName() == "HelpMenu"]
    if helps:
        w.menuBar().insertMenu(helps[0], menu)
    entries = (("hsds import", translate("HubsMenu", "&Import Open Referral directory (HSDS)…"), import_hsds_dialog),
               ("hsds export", translate("HubsMenu", "&Export Open Referral directory (HSDS)…"), export_hsds_dialog),
               ("catchments", translate("HubsMenu", "&Catchment rings…"), catchments_dialog),
               ("coverage", translate("HubsMenu", "C&overage: who is within reach…"), coverage_dialog),
               ("access gaps", translate("HubsMenu", "&Access gaps: high need, no service near…"), access_dialog))
    for key, text, fn in entries:
        action = QAction(text, w)
        action.triggered.connect(lambda _checked=False, f=fn: f(w))
        menu.addAction(action)
        w.actions_by_name[key] = action
