"""The Risk menu: smoothed rates, local clusters (LISA) and risk terrain, for planners who don't
use the command line. Each dialog gathers the same options as `assetmap rates`, `assetmap
clusters` and `assetmap risk-terrain`, checks them when OK is pressed (the dialog stays open with
the reason), and the core function runs on a worker thread (progress, Cancel); the layer it
writes appears on the map with its legend."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from assetmap.errors import UserError
from assetmap.ui.accessible import name_buttons

translate = QCoreApplication.translate  # context "RiskMenu" written out: pyside6-lupdate reads it


def _numeric_fields(project, layer: str) -> list[str]:
    import pandas as pd

    gdf = project.read_layer(layer)
    return [c for c in gdf.columns if c != gdf.geometry.name and pd.api.types.is_numeric_dtype(gdf[c])
            and not pd.api.types.is_bool_dtype(gdf[c])]


def _polygon_layers(project) -> list:
    return [i for i in project.layers() if i.geometry_type and "Polygon" in str(i.geometry_type)]


class _RiskDialog(QDialog):
    chosen: dict | None = None
    replace = False   # the name is taken and the user chose to replace that layer (undo brings it back)

    def __init__(self, project, title: str, parent=None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(title)
        self.setAccessibleName(title)

    def _lay_out(self, rows, intro: str) -> None:
        layout = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        for label, field in rows:
            form.addRow(label, field)
            if form.labelForField(field) is not None:
                form.labelForField(field).setBuddy(field)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setAccessibleName(translate("RiskMenu", "Problem"))
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        name_buttons(buttons)
        layout.addWidget(buttons)

    def _refuse(self, exc: UserError) -> None:
        self.problem.setText(exc.message + (f"\n{exc.hint}" if exc.hint else ""))
        self.problem.show()

    def _check(self) -> None:
        self.replace = False
        try:
            self.chosen = self._options()
        except UserError as exc:
            self._refuse(exc)
            return
        if self.replace:
            self.chosen["replace"] = True
        self.accept()

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        return box

    def _name_field(self, default: str) -> QLineEdit:
        edit = QLineEdit(default)
        edit.setAccessibleName(translate("RiskMenu", "Layer name"))
        return edit

    def _layer_name(self) -> str:
        from assetmap.layers.info import validate_layer_name

        name = validate_layer_name(self.name.text().strip())
        if self.project.has_layer(name):
            extra = self.project.layer(name).extra or {}
            if extra.get("risk") is None and extra.get("hotspots") is None:  # only a risk result is offered
                raise UserError(translate("RiskMenu", "The project already has a layer named '{0}'.").format(name),
                                translate("RiskMenu", "Give the new layer another name."))
            answer = QMessageBox.question(
                self, translate("RiskMenu", "Replace the layer?"),
                translate("RiskMenu", "The project already has a layer named '{0}'. Replace it with the new "
                          "result? Edit › Undo brings it back.").format(name))
            if answer == QMessageBox.StandardButton.Yes:
                self.replace = True
                return name
            raise UserError(translate("RiskMenu", "The project already has a layer named '{0}'.").format(name),
                            translate("RiskMenu", "Give the new layer another name."))
        return name


class RatesDialog(_RiskDialog):
    """Counts and populations of an areas layer → raw, smoothed and excess-risk rates."""

    def __init__(self, project, parent=None):
        super().__init__(project, translate("RiskMenu", "Smoothed rates"), parent)
        self.layer = self._combo(translate("RiskMenu", "Layer of areas"))
        for info in _polygon_layers(project):
            if (info.extra or {}).get("reports") is None:
                self.layer.addItem(info.display_name or info.name, info.name)
        self.count = self._combo(translate("RiskMenu", "Count field"))
        self.population = self._combo(translate("RiskMenu", "Population field"))
        self.smooth = self._combo(translate("RiskMenu", "Smoothing"))
        self.smooth.addItem(translate("RiskMenu", "towards the overall rate (empirical Bayes)"), "eb")
        self.smooth.addItem(translate("RiskMenu", "towards the neighbours' rate (spatial empirical Bayes)"),
                            "spatial-eb")
        self.name = self._name_field("rates")
        self.layer.currentIndexChanged.connect(self._fields)
        self._fields()
        self._lay_out(((translate("RiskMenu", "&Areas:"), self.layer),
                       (translate("RiskMenu", "&Count:"), self.count),
                       (translate("RiskMenu", "&Population:"), self.population),
                       (translate("RiskMenu", "&Smoothing:"), self.smooth),
                       (translate("RiskMenu", "&Layer name:"), self.name)),
                      translate("RiskMenu", "Rates per 1,000 that don't shout about small populations: each area's "
                                "rate is pulled towards the overall (or the neighbours') rate the fewer people "
                                "live there. The excess risk (observed ÷ expected) comes with its exact 95 % "
                                "interval. Report layers are smoothed when they are counted (--smooth)."))

    def _fields(self) -> None:
        layer = self.layer.currentData()
        fields = _numeric_fields(self.project, layer) if layer else []
        for box in (self.count, self.population):
            box.clear()
            box.addItems(fields)
        pop = next((f for f in fields if "pop" in f.lower() or "bir" in f.lower()), None)
        if pop:
            self.population.setCurrentText(pop)
        if layer:
            from assetmap.risk.rates import default_name

            self.name.setText(default_name(layer))

    def _options(self) -> dict:
        if not self.layer.currentData():
            raise UserError(translate("RiskMenu", "The project has no layer of areas with counts."),
                            translate("RiskMenu", "Import a table of areas with a count and a population first."))
        if self.count.currentText() == self.population.currentText():
            raise UserError(translate("RiskMenu", "Choose different fields for the count and the population."))
        return {"layer": self.layer.currentData(), "count": self.count.currentText(),
                "population": self.population.currentText(), "smooth": self.smooth.currentData(),
                "name": self._layer_name()}


class ClustersDialog(_RiskDialog):
    """Local Moran's I (LISA) of one variable, or bivariate against another layer's."""

    def __init__(self, project, parent=None):
        super().__init__(project, translate("RiskMenu", "Local clusters"), parent)
        self.layer = self._combo(translate("RiskMenu", "Layer"))
        self.other = self._combo(translate("RiskMenu", "Compare with the neighbours' values of"))
        self.other.addItem(translate("RiskMenu", "(nothing: one variable)"), None)
        for info in _polygon_layers(project):
            meta = info.extra or {}
            if (meta.get("reports") or {}).get("measure") == "density" or meta.get("risk"):
                continue
            self.layer.addItem(info.display_name or info.name, info.name)
            self.other.addItem(info.display_name or info.name, info.name)
        self.field = self._combo(translate("RiskMenu", "Field"))
        self.other_field = self._combo(translate("RiskMenu", "Field of the other layer"))
        self.weights = self._combo(translate("RiskMenu", "Neighbours"))
        self.weights.addItem(translate("RiskMenu", "areas sharing an edge or a corner (queen)"), "queen")
        self.weights.addItem(translate("RiskMenu", "areas sharing an edge (rook)"), "rook")
        self.weights.addItem(translate("RiskMenu", "the k nearest areas"), "knn")
        self.weights.addItem(translate("RiskMenu", "areas within a distance"), "distance")
        self.k = QSpinBox()
        self.k.setRange(1, 50)
        self.k.setValue(6)
        self.k.setAccessibleName(translate("RiskMenu", "Number of nearest areas, or distance in metres"))
        self.k.setMaximum(100000)
        self.permutations = QSpinBox()
        self.permutations.setRange(99, 99999)
        self.permutations.setValue(999)
        self.permutations.setAccessibleName(translate("RiskMenu", "Permutations"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(12345)
        self.seed.setAccessibleName(translate("RiskMenu", "Seed"))
        self.fdr = QCheckBox(translate("RiskMenu", "Control the false discovery rate (FDR)"))
        self.fdr.setAccessibleName(self.fdr.text())
        self.name = self._name_field("clusters")
        self.layer.currentIndexChanged.connect(self._fields)
        self.other.currentIndexChanged.connect(self._fields)
        self._fields()
        self._lay_out(((translate("RiskMenu", "&Layer:"), self.layer), (translate("RiskMenu", "&Field:"), self.field),
                       (translate("RiskMenu", "&Bivariate, against:"), self.other),
                       (translate("RiskMenu", "Its f&ield:"), self.other_field),
                       (translate("RiskMenu", "&Neighbours:"), self.weights),
                       (translate("RiskMenu", "&k or metres:"), self.k),
                       (translate("RiskMenu", "&Permutations:"), self.permutations),
                       (translate("RiskMenu", "&Seed:"), self.seed), ("", self.fdr),
                       (translate("RiskMenu", "La&yer name:"), self.name)),
                      translate("RiskMenu", "Finds areas that are high among high neighbours (hot spots), low among "
                                "low (cold spots), and outliers, with pseudo p-values from random permutations. "
                                "Withheld report counts (1–10) enter at 5.5, as the map then says."))

    def _fields(self) -> None:
        for layer_box, field_box in ((self.layer, self.field), (self.other, self.other_field)):
            layer = layer_box.currentData()
            current = field_box.currentText()
            field_box.clear()
            if layer:
                fields = [f for f in _numeric_fields(self.project, layer) if f not in ("fid",)]
                field_box.addItems(fields)
                field_box.setCurrentText("count" if "count" in fields else current)
            field_box.setEnabled(bool(layer))
        if self.layer.currentData():
            from assetmap.risk.clusters import default_name

            self.name.setText(default_name(self.layer.currentData(), bivariate=bool(self.other.currentData())))

    def _options(self) -> dict:
        if not self.layer.currentData() or not self.field.currentText():
            raise UserError(translate("RiskMenu", "Choose a layer of areas and a numeric field."))
        kind = self.weights.currentData()
        weights = {"knn": f"knn:{self.k.value()}", "distance": f"distance:{self.k.value()}"}.get(kind, kind)
        other = self.other.currentData()
        return {"layer": self.layer.currentData(), "field": self.field.currentText(),
                "with_layer": other if other and other != self.layer.currentData() else None,
                "with_field": self.other_field.currentText() if other else None,
                "weights": weights, "permutations": self.permutations.value(), "seed": self.seed.value(),
                "fdr": self.fdr.isChecked(), "name": self._layer_name()}


class TerrainDialog(_RiskDialog):
    """Outcome report files (train, test), public factor layers, grid → relative risk surface."""

    def __init__(self, project, parent=None):
        super().__init__(project, translate("RiskMenu", "Risk terrain"), parent)
        from assetmap.layers.roles import LayerRole

        self.areas = self._combo(translate("RiskMenu", "Areas"))
        for info in project.layers_by_role(LayerRole.AREAS):
            self.areas.addItem(info.display_name or info.name, info.name)
        self.factors = QListWidget()
        self.factors.setAccessibleName(translate("RiskMenu", "Risk factor layers"))
        for info in project.layers():
            if info.role in (LayerRole.AGGREGATE, LayerRole.HOTSPOTS, LayerRole.AREAS):
                continue  # report-made layers are never factors
            item = QListWidgetItem(info.display_name or info.name)
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.factors.addItem(item)
        self.train = self._file_row(translate("RiskMenu", "Training period's report file"))
        self.test = self._file_row(translate("RiskMenu", "Later period's report file (to validate)"))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(translate("RiskMenu", "e.g. description:CHILD (empty: every row)"))
        self.outcome.setAccessibleName(translate("RiskMenu", "Rows to count"))
        self.cell = QDoubleSpinBox()
        self.cell.setRange(50, 2000)
        self.cell.setValue(150)
        self.cell.setSuffix(" m")
        self.cell.setAccessibleName(translate("RiskMenu", "Cell size"))
        self.name = self._name_field("risk_terrain")
        self._lay_out(((translate("RiskMenu", "&Areas:"), self.areas),
                       (translate("RiskMenu", "Risk &factors:"), self.factors),
                       (translate("RiskMenu", "&Training reports:"), self.train),
                       (translate("RiskMenu", "&Validation reports:"), self.test),
                       (translate("RiskMenu", "&Rows to count:"), self.outcome),
                       (translate("RiskMenu", "&Cell size:"), self.cell),
                       (translate("RiskMenu", "&Layer name:"), self.name)),
                      translate("RiskMenu", "Which public places go with more reports? The reports are counted per "
                                "grid cell in memory and never stored; the model picks the factors that raise the "
                                "risk, and the relative risk surface is drawn from those public layers only. With "
                                "a later period it is compared with last period's hot spots (PAI)."))

    def _file_row(self, name: str) -> QWidget:
        row = QWidget()
        row.setAccessibleName(name)
        edit = QLineEdit()
        edit.setAccessibleName(name)
        pick = QPushButton(translate("RiskMenu", "Choose…"))
        pick.setAccessibleName(translate("RiskMenu", "Choose {0}").format(name))
        pick.clicked.connect(lambda: edit.setText(QFileDialog.getOpenFileName(
            self, name, "", translate("RiskMenu", "Report file (*.csv)"))[0] or edit.text()))
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(edit)
        lay.addWidget(pick)
        row.edit = edit
        return row

    def _options(self) -> dict:
        from pathlib import Path

        from assetmap.risk.terrain import parse_outcome

        factors = [self.factors.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.factors.count())
                   if self.factors.item(i).checkState() == Qt.CheckState.Checked]
        if not factors:
            raise UserError(translate("RiskMenu", "Tick at least one risk factor layer."))
        train = self.train.edit.text().strip()
        if not train or not Path(train).is_file():
            raise UserError(translate("RiskMenu", "Choose the training period's report file."))
        test = self.test.edit.text().strip()
        if test and not Path(test).is_file():
            raise UserError(translate("RiskMenu", "The validation file does not exist."))
        outcome = self.outcome.text().strip() or None
        parse_outcome(outcome)
        return {"areas": self.areas.currentData(), "factors": factors, "train": [train],
                "test": [test] if test else None, "outcome": outcome, "cell_m": self.cell.value(),
                "name": self._layer_name()}


def _options(w, dialog_cls, given):
    if w.project is None:
        QMessageBox.information(w, translate("RiskMenu", "Risk"), translate("RiskMenu", "Open or create a project first."))
        return None
    if given is not None:
        return given
    dlg = dialog_cls(w.project, w)
    return dlg.chosen if dlg.exec() == QDialog.DialogCode.Accepted else None


def _after(w, message: str) -> None:
    w.statusBar().showMessage(message, 15000)   # the pushed AddLayers/ReplaceLayer drew the layer


def _run(w, title: str, work, done, chosen: dict, default_name: str):
    from assetmap.ui.layer_tasks import run_layer_task

    # "replace" overwrites the named layer, or the default-named one when no name is given: it is
    # copied to the undo stash first, so Ctrl+Z puts it back (a ReplaceLayer)
    name = chosen.get("name") or default_name
    return run_layer_task(w, title, work, on_done=done, replaces=[name] if chosen.get("replace") else [])


class HotSpotsDialog(_RiskDialog):
    """Getis-Ord Gi* hot spots of a report layer's counts (assetmap hotspots in the CLI)."""

    def __init__(self, project, parent=None):
        from assetmap.layers.roles import LayerRole

        super().__init__(project, translate("RiskMenu", "Hot spots (Gi*)"), parent)
        self.layer = self._combo(translate("RiskMenu", "Layer"))
        for info in project.layers_by_role(LayerRole.AGGREGATE):
            meta = (info.extra or {}).get("reports") or {}
            if meta and meta.get("measure") != "density":  # counts per unit, not a density surface
                self.layer.addItem(info.display_name or info.name, info.name)
        self.period = self._combo(translate("RiskMenu", "Period"))
        self.fdr = QCheckBox(translate("RiskMenu", "Control the false discovery rate (FDR)"))
        self.fdr.setAccessibleName(self.fdr.text())
        self.name = self._name_field("hotspots")
        self.layer.currentIndexChanged.connect(self._periods)
        self._periods()
        self._lay_out(((translate("RiskMenu", "&Layer:"), self.layer), (translate("RiskMenu", "&Period:"), self.period),
                       ("", self.fdr), (translate("RiskMenu", "La&yer name:"), self.name)),
                      translate("RiskMenu", "Finds areas whose reports, with their neighbours' (areas sharing an "
                                "edge or a corner), are higher or lower than chance would give, at 90, 95 and "
                                "99 % confidence. Withheld counts (1–10) enter at 5.5, as the map then says."))

    def _periods(self) -> None:
        from assetmap.mapview.report_styles import layer_periods

        self.period.clear()
        layer = self.layer.currentData()
        if not layer:
            return
        self.period.addItem(translate("RiskMenu", "All periods (total)"), None)
        for p in layer_periods(self.project.layer(layer)):
            self.period.addItem(p, p)
        self.period.setEnabled(self.period.count() > 1)
        from assetmap.reports.hotspots import default_name

        self.name.setText(default_name(layer))

    def _options(self) -> dict:
        if not self.layer.currentData():
            raise UserError(translate("RiskMenu", "The project has no report counts per area yet."),
                            translate("RiskMenu", "Import sensitive reports first (File › Import sensitive "
                                                  "reports…)."))
        return {"layer": self.layer.currentData(), "period": self.period.currentData(),
                "fdr": self.fdr.isChecked(), "name": self._layer_name()}


def rates_dialog(w, chosen: dict | None = None):
    chosen = _options(w, RatesDialog, chosen)
    if chosen is None:
        return None
    project = w.project

    def work(ctx):
        from assetmap.risk.rates import write_rates

        ctx.progress(0.2, translate("RiskMenu", "Smoothing the rates"))
        opts = dict(chosen)
        return write_rates(project, opts.pop("layer"), **opts)

    def done(info):
        _after(w, translate("RiskMenu", "Smoothed rates in layer '{0}'.").format(info.name))

    from assetmap.risk.rates import default_name

    return _run(w, translate("RiskMenu", "Smoothed rates"), work, done, chosen, default_name(chosen["layer"]))


def clusters_dialog(w, chosen: dict | None = None):
    chosen = _options(w, ClustersDialog, chosen)
    if chosen is None:
        return None
    project = w.project

    def work(ctx):
        from assetmap.risk.clusters import write_clusters

        ctx.progress(0.2, translate("RiskMenu", "Permuting the neighbours"))
        opts = dict(chosen)
        return write_clusters(project, opts.pop("layer"), **opts)

    def done(info):
        c = info.extra["risk"]["counts"]
        _after(w, translate("RiskMenu", "Layer '{0}': {1} hot spots, {2} cold spots, {3} outliers.").format(
            info.name, c["HH"], c["LL"], c["HL"] + c["LH"]))

    from assetmap.risk.clusters import default_name

    bivariate = chosen.get("with_field") is not None or chosen.get("with_layer") is not None
    return _run(w, translate("RiskMenu", "Local clusters"), work, done, chosen,
                default_name(chosen["layer"], bivariate=bivariate))


def terrain_dialog(w, chosen: dict | None = None):
    chosen = _options(w, TerrainDialog, chosen)
    if chosen is None:
        return None
    project = w.project

    def work(ctx):
        from assetmap.risk.terrain import risk_terrain

        return risk_terrain(project, ctx=ctx, **chosen)

    def done(result):
        w.terrain_result = result
        _after(w, translate("RiskMenu", "Relative risk surface in layer '{0}'.").format(result.layer))
        box = QMessageBox(QMessageBox.Icon.Information, translate("RiskMenu", "Risk terrain"),
                          translate("RiskMenu", "Relative risk of each factor, and the validation:"),
                          QMessageBox.StandardButton.Ok, w)
        box.setInformativeText("\n".join(result.lines()[1:]))
        box.setStyleSheet("QLabel { font-family: monospace; }")
        box.open()
        w.terrain_box = box

    from assetmap.risk.terrain import DEFAULT_NAME

    return _run(w, translate("RiskMenu", "Risk terrain"), work, done, chosen, DEFAULT_NAME)


def hotspots_dialog(w, chosen: dict | None = None):
    chosen = _options(w, HotSpotsDialog, chosen)
    if chosen is None:
        return None
    project = w.project

    def work(ctx):
        from assetmap.reports.hotspots import hotspots

        ctx.progress(0.2, translate("RiskMenu", "Comparing each area with its neighbours"))
        opts = dict(chosen)
        return hotspots(project, opts.pop("layer"), **opts)

    def done(info):
        found = info.extra["hotspots"]
        _after(w, translate("RiskMenu", "Layer '{0}': {1} hot and {2} cold areas.").format(
            info.name, found["hot"], found["cold"]))

    from assetmap.reports.hotspots import default_name

    return _run(w, translate("RiskMenu", "Hot spots (Gi*)"), work, done, chosen, default_name(chosen["layer"]))


def add_risk_menu(w) -> None:
    """Risk menu, before Help."""
    from PySide6.QtGui import QAction

    menu = w.menuBar().addMenu(translate("RiskMenu", "R&isk"))
    menu.setObjectName("RiskMenu")
    helps = [a for a in w.menuBar().actions() if a.menu() and a.menu().objectName() == "HelpMenu"]
    if helps:
        w.menuBar().insertMenu(helps[0], menu)
    entries = (("smoothed rates", translate("RiskMenu", "&Smoothed rates…"), rates_dialog),
               ("local clusters", translate("RiskMenu", "&Local clusters (LISA)…"), clusters_dialog),
               ("risk terrain", translate("RiskMenu", "&Risk terrain…"), terrain_dialog),
               ("hot spots", translate("RiskMenu", "&Hot spots (Gi*)…"), hotspots_dialog))
    for key, text, fn in entries:
        action = QAction(text, w)
        action.triggered.connect(lambda _checked=False, f=fn: f(w))
        menu.addAction(action)
        w.actions_by_name[key] = action
