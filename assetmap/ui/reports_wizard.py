"""The "Sensitive reports" wizard: a guided `assetmap reports`.

It says first what will and will not be stored, then asks for the file, the columns, the
units and the suppression threshold, and runs ``assetmap.reports.aggregate_reports`` on a
worker thread. The wizard itself only reads the file's header (column names).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSpinBox, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from assetmap.errors import UserError
from assetmap.layers.roles import LayerRole
from assetmap.reports.kde import DEFAULT_BANDWIDTH_M, KERNELS, MAX_BANDWIDTH_M, MIN_BANDWIDTH_M
from assetmap.reports.suppress import DEFAULT_THRESHOLD, MIN_THRESHOLD
from assetmap.ui.accessible import buddy_label

NONE = "(none)"   # item data of "no column"; shown translated
INTRO = QT_TRANSLATE_NOOP(
    "ReportsWizard",
    "<p>This imports <b>sensitive reports</b> (child-maltreatment reports or domestic-violence "
    "calls) safely.</p>"
    "<p><b>Will be stored:</b> the number of reports per area (or hexagon) and period, and rates "
    "per 1,000 people, or a smoothed density surface (reports per km²); counts from 1 to the threshold you choose (10 by default) are withheld, "
    "with a few more where needed so that none can be worked out from totals.</p>"
    "<p><b>Will never be stored</b> (not in the project, temporary files, logs or exports): "
    "any single report, its location, its date or any other of its details. The file is read "
    "in memory and forgotten.</p>")


def _add_none(combo: QComboBox) -> None:
    combo.addItem(QCoreApplication.translate("ReportsWizard", "(none)"), NONE)


class _IntroPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Sensitive data: what will and will not be stored"))
        label = QLabel(QCoreApplication.translate("ReportsWizard", INTRO))
        label.setWordWrap(True)
        label.setObjectName("intro")
        QVBoxLayout(self).addWidget(label)


class _FilePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Report file and columns"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Report file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Browse for the report file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Child-maltreatment reports"), "maltreatment")
        self.kind.addItem(self.tr("Domestic-violence reports"), "dv")
        self.x, self.y, self.date, self.filter_col = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        self.period = QComboBox()
        for value, text in (("year", self.tr("year")), ("quarter", self.tr("quarter")), ("month", self.tr("month"))):
            self.period.addItem(text, value)
        self.filter_text = QLineEdit()
        self.filter_text.setPlaceholderText(self.tr("e.g. DOMESTIC (only rows whose column contains this)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&File (CSV)"), self.path), row)
        for text, name, widget in ((self.tr("&Kind"), self.tr("Kind of reports"), self.kind),
                                   (self.tr("Lon&gitude / x column"), self.tr("Longitude or x column"), self.x),
                                   (self.tr("La&titude / y column"), self.tr("Latitude or y column"), self.y),
                                   (self.tr("&Date column"), self.tr("Date column"), self.date),
                                   (self.tr("&Period"), self.tr("Period"), self.period),
                                   (self.tr("Keep rows &where column"), self.tr("Keep rows where column"),
                                    self.filter_col),
                                   (self.tr("… &contains"), self.tr("Keep rows whose column contains"),
                                    self.filter_text)):
            widget.setAccessibleName(name)
            form.addRow(buddy_label(text, widget), widget)
        form.addRow(self.error)
        self.path.textChanged.connect(self._load_columns)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Report file"), "",
                                              self.tr("CSV files") + " (*.csv *.txt)")
        if path:
            self.path.setText(path)

    def _load_columns(self) -> None:
        from assetmap.importers.csv_points import detect_coordinate_columns
        from assetmap.reports.source import csv_columns

        for combo in (self.x, self.y, self.date, self.filter_col):
            combo.clear()
        self.error.clear()
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.completeChanged.emit()
            return
        try:
            cols = csv_columns(path)
        except UserError as exc:
            self.error.setText(str(exc))
            cols = []
        self.x.addItems(cols)
        self.y.addItems(cols)
        for combo in (self.date, self.filter_col):
            _add_none(combo)
            combo.addItems(cols)
        gx, gy = detect_coordinate_columns(cols)
        if gx:
            self.x.setCurrentText(gx)
        if gy:
            self.y.setCurrentText(gy)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return Path(self.path.text().strip()).is_file() and self.x.count() > 0


class _UnitsPage(QWizardPage):
    def __init__(self, project):
        super().__init__()
        self.setTitle(self.tr("Units, privacy threshold and layer name"))
        self.project = project
        self.areas = QComboBox()
        for info in project.layers_by_role(LayerRole.AREAS):
            if (info.extra or {}).get("id_field"):
                self.areas.addItem(info.display_name or info.name, info.name)
        # One choice of units; each says what it stores (STORES) in ``self.stores``.
        self.areas.setAccessibleName(self.tr("Areas"))
        self.by_areas = QRadioButton(self.tr("Count per area"))
        self.hex = QRadioButton(self.tr("Count per H3 hexagon, resolution"))
        self.grid = QRadioButton(self.tr("Count per hexagon of an own grid, width"))
        self.kde = QRadioButton(self.tr("Kernel density surface, bandwidth"))
        for b in (self.by_areas, self.hex, self.grid, self.kde):
            b.setAccessibleName(b.text())
        self.units_group = QButtonGroup(self)
        for b in (self.by_areas, self.hex, self.grid, self.kde):
            self.units_group.addButton(b)
        self.by_areas.setChecked(True)
        self.res = QSpinBox()
        self.res.setRange(5, 10)
        self.res.setValue(8)
        self.res.setAccessibleName(self.tr("H3 resolution"))
        self.hex_size = QSpinBox()
        self.hex_size.setRange(50, 50_000)
        self.hex_size.setSingleStep(50)
        self.hex_size.setValue(500)
        self.hex_size.setSuffix(" m")
        self.hex_size.setAccessibleName(self.tr("Hexagon width in metres"))
        self.bandwidth = QSpinBox()
        self.bandwidth.setRange(int(MIN_BANDWIDTH_M), int(MAX_BANDWIDTH_M))
        self.bandwidth.setSingleStep(100)
        self.bandwidth.setValue(int(DEFAULT_BANDWIDTH_M))
        self.bandwidth.setSuffix(" m")
        self.bandwidth.setAccessibleName(self.tr("Kernel bandwidth in metres"))
        self.bandwidth.setToolTip(self.tr("At least 300 m: a narrower kernel would show where single reports are."))
        self.kernel = QComboBox()
        self.kernel.addItems(list(KERNELS))
        self.kernel.setAccessibleName(self.tr("Kernel"))
        self.stores = QLabel()
        self.stores.setWordWrap(True)
        self.stores.setObjectName("stores")
        # A wrapped label in a form gets one line's height unless told: room for three.
        self.stores.setMinimumHeight(self.stores.fontMetrics().lineSpacing() * 3 + 4)
        self.population = QComboBox()
        self.population.setAccessibleName(self.tr("Population field (for rates)"))
        self.min_count = QSpinBox()
        from assetmap.reports.policy import project_threshold

        # One suppression policy per project: shown here, changed for the whole project only
        # (`assetmap suppression`), so two layers of the same reports never differ.
        self.min_count.setRange(DEFAULT_THRESHOLD, 1000)
        self.min_count.setValue(project_threshold(project))
        self.min_count.setEnabled(False)
        self.min_count.setToolTip(self.tr("The project's setting: every report layer withholds the same "
                                          "small counts."))
        self.min_count.setAccessibleName(self.tr("Withhold counts up to"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Layer name"))
        self.name.setPlaceholderText(self.tr("automatic: KIND_by_AREAS"))
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&Areas"), self.areas), self.areas)
        form.addRow(self.by_areas)
        form.addRow(self.hex, self.res)
        form.addRow(self.grid, self.hex_size)
        kde_row = QHBoxLayout()
        kde_row.addWidget(self.bandwidth)
        kde_row.addWidget(self.kernel)
        form.addRow(self.kde, kde_row)
        form.addRow(self.stores)
        form.addRow(buddy_label(self.tr("&Population field (for rates)"), self.population), self.population)
        form.addRow(buddy_label(self.tr("&Withhold counts from 1 to"), self.min_count), self.min_count)
        form.addRow(buddy_label(self.tr("Layer &name"), self.name), self.name)
        self.areas.currentIndexChanged.connect(self._load_fields)
        self.units_group.buttonToggled.connect(self._units_changed)
        for spin in (self.res, self.hex_size, self.bandwidth, self.min_count):
            spin.valueChanged.connect(self._units_changed)
        self.kernel.currentIndexChanged.connect(self._units_changed)
        self._load_fields()
        self._units_changed()

    def _units_changed(self, *_args) -> None:
        self.res.setEnabled(self.hex.isChecked())
        self.hex_size.setEnabled(self.grid.isChecked())
        self.bandwidth.setEnabled(self.kde.isChecked())
        self.kernel.setEnabled(self.kde.isChecked())
        self.population.setEnabled(self.by_areas.isChecked())
        n = self.min_count.value()
        if self.kde.isChecked():
            reach = self.bandwidth.value() * (3 if self.kernel.currentText() == "gaussian" else 1)
            text = self.tr("Stores a smoothed surface: reports per km² on square cells {0:g} m wide. A cell "
                           "with 1–{1} reports within {2:g} m of its centre is withheld; the reports themselves "
                           "are never stored.").format(self.bandwidth.value() / 2, n, reach)
        elif self.grid.isChecked():
            text = self.tr("Stores the number of reports per hexagon, {0:g} m across, of a grid laid over the "
                           "areas; counts 1–{1} are withheld.").format(self.hex_size.value(), n)
        elif self.hex.isChecked():
            text = self.tr("Stores the number of reports per H3 hexagon touching the areas; counts 1–{0} are "
                           "withheld.").format(n)
        else:
            text = self.tr("Stores the number of reports per area (and rates); counts 1–{0} are withheld.").format(n)
        self.stores.setText(text)

    def _load_fields(self) -> None:
        from assetmap.project.interface import is_numeric_type

        self.population.clear()
        _add_none(self.population)
        name = self.areas.currentData()
        if name:  # from the layer's schema on either backend (a shared project has no file to read)
            types = self.project.layer_field_types(name)
            self.population.addItems([f for f, t in types.items() if is_numeric_type(t)])

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.areas.count() > 0


class ReportsWizard(QWizard):
    """Collects the options of `assetmap reports`; ``run(ctx)`` does the aggregation."""

    def __init__(self, project, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import sensitive reports"))
        self.setAccessibleName(self.tr("Import sensitive reports"))
        self.project = project
        self.intro = _IntroPage()
        self.file_page = _FilePage()
        self.units_page = _UnitsPage(project)
        from assetmap.ui.geocode_page import GeocodePage

        self.geocode_page = GeocodePage(project, lambda: self.file_page.path.text().strip(),
                                        lambda: [self.file_page.x.itemText(i) for i in range(self.file_page.x.count())])
        for page in (self.intro, self.file_page, self.geocode_page, self.units_page):
            self.addPage(page)
        B = QWizard.WizardButton
        for which, name in ((B.BackButton, self.tr("Back")), (B.NextButton, self.tr("Next")),
                            (B.FinishButton, self.tr("Finish")), (B.CancelButton, self.tr("Cancel"))):
            self.button(which).setAccessibleName(name)

    def nextId(self) -> int:  # noqa: N802 - Qt name
        # The Geocode step only when the project has a locator to geocode with.
        nid = super().nextId()
        if nid >= 0 and self.page(nid) is self.geocode_page and not self.geocode_page.available():
            ids = self.pageIds()
            return ids[ids.index(nid) + 1]
        return nid

    def options(self) -> dict[str, Any]:
        f, u = self.file_page, self.units_page

        def opt(combo: QComboBox):
            text = combo.currentText()
            return None if not text or combo.currentData() == NONE else text

        date = opt(f.date)
        filter_col = opt(f.filter_col)
        geocode = self.geocode_page.geocoder()   # by address: the x/y columns are not used
        return {
            "path": f.path.text().strip(), "kind": f.kind.currentData(), "areas": u.areas.currentData(),
            "hex_res": u.res.value() if u.hex.isChecked() else None,
            "hex_size": float(u.hex_size.value()) if u.grid.isChecked() else None,
            "kde": float(u.bandwidth.value()) if u.kde.isChecked() else None,
            "kde_kernel": u.kernel.currentText(), "x": None if geocode else opt(f.x),
            "y": None if geocode else opt(f.y), "geocode": geocode,
            "date_col": date, "period": f.period.currentData() if date else None,
            "filter_col": filter_col,
            "filter_contains": (f.filter_text.text().strip() or None) if filter_col else None,
            "population_field": opt(u.population) if u.by_areas.isChecked() else None,
            "min_count": u.min_count.value(), "name": u.name.text().strip() or None,
        }

    def run(self, ctx=None):
        from assetmap.reports import aggregate_reports

        o = self.options()
        path = o.pop("path")
        kind = o.pop("kind")
        bandwidth, kernel = o.pop("kde"), o.pop("kde_kernel")
        if bandwidth is not None:
            from assetmap.reports.kde import density_reports

            for key in ("hex_res", "hex_size", "population_field"):
                o.pop(key)
            result = density_reports(self.project, path, kind, bandwidth_m=bandwidth, kernel=kernel, ctx=ctx, **o)
        else:
            result = aggregate_reports(self.project, path, kind, ctx=ctx, **o)
        from assetmap.mapview.report_styles import remember_breaks

        remember_breaks(self.project, result.layer)  # the next start draws it without mapclassify
        return result


def open_reports_wizard(window: QWidget, project, on_done: Callable[[Any], None] | None = None):
    """Show the wizard; on Finish aggregate on a worker thread (progress, Cancel)."""
    from assetmap.ui.workers import run_task

    wizard = ReportsWizard(project, window)
    if wizard.exec() != QWizard.DialogCode.Accepted:
        return None
    return run_task(window, QCoreApplication.translate("ReportsWizard", "Aggregating reports"), wizard.run,
                    on_done=on_done)
