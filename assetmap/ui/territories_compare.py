"""Compare two plans side by side: per-team figures and the units that differ.

The map of differing units will be drawn by the map window from
``differing_units()``; the CLI already writes it as a layer (``compare --out``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from assetmap.territories import store
from assetmap.territories.compare import Comparison, compare_plans
from assetmap.ui.accessible import BuddyLabel


class CompareDialog(QDialog):
    show_on_map = Signal(str, list)  # areas layer, ids of the units that differ
    def __init__(self, project, models_for, parent=None):
        """``models_for(name)`` returns the PlanModel of a plan (the panel's shared one)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare plans"))
        self.setAccessibleName(self.tr("Compare plans"))
        self.project = project
        self.models_for = models_for
        self.comparison: Comparison | None = None
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.a = QComboBox()
        self.b = QComboBox()
        names = store.plan_names(project)
        self.a.addItems(names)
        self.b.addItems(names)
        if len(names) > 1:
            self.b.setCurrentIndex(1)
        self.a.setAccessibleName(self.tr("First plan"))
        self.b.setAccessibleName(self.tr("Second plan"))
        label_a, label_b = BuddyLabel(self.tr("&Plan")), BuddyLabel(self.tr("&with"))
        label_a.setBuddy(self.a)
        label_b.setBuddy(self.b)
        row.addWidget(label_a)
        row.addWidget(self.a, 1)
        row.addWidget(label_b)
        row.addWidget(self.b, 1)
        lay.addLayout(row)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Team figures of both plans"))
        lay.addWidget(self.table, 2)
        self.diff_label = QLabel()
        lay.addWidget(self.diff_label)
        self.diff_list = QListWidget()
        self.diff_list.setAccessibleName(self.tr("Units that differ"))
        lay.addWidget(self.diff_list, 1)
        self.map_button = QPushButton(self.tr("&Show the differing units on the map"))
        self.map_button.setAccessibleName(self.tr("Show the differing units on the map"))
        self.map_button.clicked.connect(self._show_on_map)
        lay.addWidget(self.map_button)
        self.a.currentTextChanged.connect(self.refresh)
        self.b.currentTextChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        if not self.a.currentText() or not self.b.currentText():
            return
        ma, mb = self.models_for(self.a.currentText()), self.models_for(self.b.currentText())
        if ma.units.layer != mb.units.layer:
            self.diff_label.setText(self.tr("These plans are over different areas layers and can't be compared."))
            self.table.setRowCount(0)
            self.diff_list.clear()
            self.comparison = None
            self.map_button.setEnabled(False)
            return
        cmp = self.comparison = compare_plans(ma, mb)
        keys = [k[:-2] for k in cmp.rows[0] if k.endswith("_a")] if cmp.rows else []
        self.table.setColumnCount(1 + 2 * len(keys))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Team")] + [f"{k} ({tag})" for k in keys for tag in (cmp.plan_a, cmp.plan_b)])
        self.table.setRowCount(len(cmp.rows))
        for r, row in enumerate(cmp.rows):
            self.table.setItem(r, 0, QTableWidgetItem(str(row["team_number"])))
            for c, k in enumerate(keys):
                for j, tag in enumerate(("a", "b")):
                    v = row[f"{k}_{tag}"]
                    text = f"{v:,.0f}" if isinstance(v, float) and abs(v) >= 10 else str(v)
                    self.table.setItem(r, 1 + 2 * c + j, QTableWidgetItem(text))
        self.diff_label.setText(self.tr("%n unit(s) differ", None, len(cmp.differences)))
        self.map_button.setEnabled(bool(cmp.differences))
        self.diff_list.clear()
        for d in cmp.differences:
            self.diff_list.addItem(f"{d['unit_id']} {d['name']}: {d['team_a'] or '—'} → {d['team_b'] or '—'}")

    def _show_on_map(self) -> None:
        if self.comparison is not None:
            layer = self.models_for(self.a.currentText()).units.layer
            self.show_on_map.emit(layer, self.differing_units())

    def differing_units(self) -> list[str]:
        return [d["unit_id"] for d in self.comparison.differences] if self.comparison else []
