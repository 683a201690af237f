"""Indicators › New…: an indicator from scratch. The user picks the kind (report counts of an
aggregate layer, features of a point layer optionally of one type, residents near hubs
offering a service, survey coverage), the layer and field it counts, the denominator on the
unit layer, per-N, direction and target. ``assetmap.indicators.authoring.new_indicator``
checks it; a problem is named in a message and the dialog stays open, nothing added. The
definitions dialog adds the result to its list; its OK saves through ``SetIndicators``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from assetmap.errors import UserError
from assetmap.indicators import authoring
from assetmap.indicators.model import METHODS, MILE_M
from assetmap.ui.accessible import name_buttons

NONE = ""
SHARES = ("hub_access", "survey_coverage")   # read as a percentage (per 100) by default


class NewIndicatorDialog(QDialog):
    def __init__(self, project, taken: set[str], parent=None):
        super().__init__(parent)
        self.project = project
        self.taken = set(taken)
        self.indicator = None      # the checked Indicator once OK succeeded
        self.setWindowTitle(self.tr("New indicator"))
        self.setAccessibleName(self.tr("New indicator"))
        self._build()
        self._kind_changed()

    def _combo(self, name: str) -> QComboBox:
        c = QComboBox()
        c.setAccessibleName(name)
        return c

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("The title the report prints, e.g. Libraries per 1,000 residents"))
        self.kind = self._combo(self.tr("Kind"))
        labels = {"report_rate": self.tr("Report counts (an aggregate report layer)"),
                  "feature_count": self.tr("Count of features of a layer (optionally of one type)"),
                  "hub_access": self.tr("Share of residents near a hub offering a service"),
                  "survey_coverage": self.tr("Survey coverage (share of areas visited)")}
        for m in METHODS:
            self.kind.addItem(labels.get(m, m), m)
        self.units = self._combo(self.tr("Units (areas layer)"))
        for name in authoring.unit_layers(self.project):
            self.units.addItem(self.project.layer(name).display_name, name)
        self.layer = self._combo(self.tr("Numerator layer"))
        self.field = self._combo(self.tr("Numerator field"))
        self.filter_field = self._combo(self.tr("Only features where field"))
        self.filter_value = self._combo(self.tr("equals"))
        self.filter_value.setEditable(True)
        self.filter_value.lineEdit().setAccessibleName(self.tr("Filter value"))
        self.service = self._combo(self.tr("Service offered"))
        for code, label in sorted(authoring.services(self.project).items(), key=lambda kv: kv[1].lower()):
            self.service.addItem(label, code)
        self.within = QDoubleSpinBox()
        self.within.setAccessibleName(self.tr("Distance to a hub in miles"))
        self.within.setRange(0.05, 50.0)
        self.within.setDecimals(2)
        self.within.setSingleStep(0.25)
        self.within.setSuffix(self.tr(" mi"))
        self.within.setValue(1.0)
        self.denominator = self._combo(self.tr("Denominator field"))
        self.per = QDoubleSpinBox()
        self.per.setAccessibleName(self.tr("Per"))
        self.per.setRange(0.01, 1e9)
        self.per.setDecimals(2)
        self.per.setValue(1000.0)
        self.direction = self._combo(self.tr("Direction"))
        self.direction.addItem(self.tr("Higher is worse"), "higher_is_worse")
        self.direction.addItem(self.tr("Higher is better"), "higher_is_better")
        self.target = QLineEdit()
        self.target.setAccessibleName(self.tr("Target"))
        self.target.setPlaceholderText(self.tr("none"))
        self.unit_label = QLineEdit()
        self.unit_label.setAccessibleName(self.tr("Values read as"))
        self.unit_label.setPlaceholderText(self.tr("automatic, e.g. per 1,000 population"))
        form = QFormLayout()
        self.form = form
        for label, w in ((self.tr("Name"), self.name), (self.tr("Kind"), self.kind),
                         (self.tr("Units (areas layer)"), self.units), (self.tr("Counted from layer"), self.layer),
                         (self.tr("Add up field"), self.field), (self.tr("Only where field"), self.filter_field),
                         (self.tr("equals"), self.filter_value), (self.tr("Service offered"), self.service),
                         (self.tr("Within"), self.within), (self.tr("Divided by (field of the units)"),
                                                            self.denominator),
                         (self.tr("Per"), self.per), (self.tr("Direction"), self.direction),
                         (self.tr("Target"), self.target), (self.tr("Values read as"), self.unit_label)):
            form.addRow(label, w)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.units.currentIndexChanged.connect(lambda _i: self._units_changed())
        self.layer.currentIndexChanged.connect(lambda _i: self._layer_changed())
        self.filter_field.currentIndexChanged.connect(lambda _i: self._filter_values())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setAccessibleName(self.tr("Add or cancel"))
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.resize(560, 0)

    # ------------------------------------------------------------------ choices follow the kind
    def method(self) -> str:
        return self.kind.currentData()

    def _show_row(self, widget, on: bool) -> None:
        self.form.setRowVisible(widget, on)

    def _kind_changed(self) -> None:
        m = self.method()
        self._show_row(self.field, m == "feature_count")
        self._show_row(self.filter_field, m == "feature_count")
        self._show_row(self.filter_value, m == "feature_count")
        self._show_row(self.service, m == "hub_access")
        self._show_row(self.within, m == "hub_access")
        self._show_row(self.denominator, m != "survey_coverage")
        self.per.setValue(100.0 if m in SHARES else 1000.0)
        better = m in ("feature_count", *SHARES)
        self.direction.setCurrentIndex(self.direction.findData("higher_is_better" if better else "higher_is_worse"))
        self._units_changed()

    def _units_changed(self) -> None:
        units = self.units.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for name in authoring.numerator_layers(self.project, self.method(), units):
            self.layer.addItem(self.project.layer(name).display_name, name)
        self.layer.blockSignals(False)
        self.denominator.clear()
        if self.method() != "hub_access":
            self.denominator.addItem(self.tr("(none: the value is the count)"), NONE)
        if units:
            fields = authoring.layer_fields(self.project, units)
            for f, numeric in fields.items():
                if numeric:
                    self.denominator.addItem(f, f)
            pop = (self.project.layer(units).extra or {}).get("population_field") or "population"
            i = self.denominator.findData(pop)
            if i >= 0:
                self.denominator.setCurrentIndex(i)
        self._layer_changed()

    def _layer_changed(self) -> None:
        layer = self.layer.currentData()
        fields = authoring.layer_fields(self.project, layer) if layer else {}
        self.field.clear()
        self.field.addItem(self.tr("(none: count the features)"), NONE)
        self.filter_field.blockSignals(True)
        self.filter_field.clear()
        self.filter_field.addItem(self.tr("(all features)"), NONE)
        for f, numeric in fields.items():
            if f == "confidential":  # the privacy flag, not something to count by
                continue
            if numeric:
                self.field.addItem(f, f)
            self.filter_field.addItem(f, f)
        self.filter_field.blockSignals(False)
        self._filter_values()

    def _filter_values(self) -> None:
        """The values of the filter field among public features (a confidential feature's type
        would say it is there)."""
        from assetmap.privacy import public_features

        self.filter_value.clear()
        layer, f = self.layer.currentData(), self.filter_field.currentData()
        self.filter_value.setEnabled(bool(f))
        if not (layer and f) or self.method() != "feature_count":
            return
        try:
            gdf = public_features(self.project.read_layer(layer))
            values = sorted({str(v).strip() for v in gdf[f].dropna()} - {""})
        except Exception:  # noqa: BLE001 - no suggestions; the value can still be typed
            values = []
        for v in values[:200]:
            self.filter_value.addItem(v, v)

    # ------------------------------------------------------------------ result
    def build(self):
        """The checked indicator, or UserError."""
        m = self.method()
        field = self.field.currentData() if m == "feature_count" else None
        return authoring.new_indicator(
            self.project, name=self.name.text(), method=m, unit_layer=self.units.currentData() or "",
            numerator_layer=self.layer.currentData() or "", numerator_field=field or None,
            filter_field=(self.filter_field.currentData() or None) if m == "feature_count" else None,
            filter_value=self.filter_value.currentText() if m == "feature_count" else None,
            denominator_field=(self.denominator.currentData() or None) if m != "survey_coverage" else None,
            per=self.per.value(), direction=self.direction.currentData(), target=self.target.text(),
            unit_label=self.unit_label.text(), service=self.service.currentData() if m == "hub_access" else None,
            within_m=self.within.value() * MILE_M, taken=self.taken)

    def accept(self) -> None:
        try:
            self.indicator = self.build()
        except UserError as exc:
            self.indicator = None
            QMessageBox.warning(self, self.tr("New indicator"), str(exc))  # what is wrong, then what to do
            return
        super().accept()
