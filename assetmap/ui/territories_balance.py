"""'Suggest a balanced plan': a dialog, and the search on a worker thread with
progress and Cancel (``TaskContext``); nothing is saved when cancelled."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLabel, QLineEdit, QSpinBox)

from assetmap.errors import Cancelled, UserError
from assetmap.tasks import TaskContext
from assetmap.territories.suggest import suggest_plan
from assetmap.ui.accessible import buddy_label, name_buttons


class BalanceWorker(QThread):
    progressed = Signal(float, str)
    done = Signal(object, object)      # (plan, result) or (None, error message / "cancelled")

    def __init__(self, project, kwargs: dict, parent=None):
        super().__init__(parent)
        self.project = project
        self.kwargs = kwargs
        self.ctx = TaskContext(lambda f, m: self.progressed.emit(f, m))

    def run(self) -> None:
        try:
            plan, result = suggest_plan(self.project, ctx=self.ctx, **self.kwargs)
        except Cancelled:
            self.done.emit(None, "cancelled")
        except UserError as exc:
            self.done.emit(None, str(exc))
        else:
            self.done.emit(plan, result)


class BalanceDialog(QDialog):
    """Choose field, teams, tolerance, seed and the new plan's name."""

    def __init__(self, model, existing: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggest a balanced plan"))
        self.setAccessibleName(self.tr("Suggest a balanced plan"))
        self.model = model
        form = QFormLayout(self)
        self.by = QComboBox()
        self.by.addItems(model.units.numeric_fields())
        if model.fields:
            self.by.setCurrentText(model.fields[0])
        self.teams = QSpinBox()
        self.teams.setRange(1, 99)
        self.teams.setValue(len(model.teams))
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setRange(0.5, 50)
        self.tolerance.setSuffix(" %")
        self.tolerance.setValue(5)
        self.seed = QSpinBox()
        self.seed.setRange(0, 10**6)
        self.from_current = QCheckBox(self.tr("Start from this plan and keep its &locked teams"))
        self.from_current.setAccessibleName(self.tr("Start from this plan"))
        self.from_current.setChecked(bool(model.assignment))  # a new, empty plan has nothing to start from
        name = self.tr("{0} balanced").format(model.plan.name)
        i = 2
        while name in existing:
            name, i = self.tr("{0} balanced {1}").format(model.plan.name, i), i + 1
        self.name = QLineEdit(name)
        for text, acc, widget in ((self.tr("&Workload field"), self.tr("Workload field"), self.by),
                                  (self.tr("&Teams"), self.tr("Number of teams"), self.teams),
                                  (self.tr("T&olerance"), self.tr("Tolerance"), self.tolerance),
                                  (self.tr("&Seed"), self.tr("Random seed"), self.seed)):
            label = buddy_label(text, widget)
            widget.setAccessibleName(acc)
            form.addRow(label, widget)
        self.tolerance.setToolTip(self.tr("How far (in %) a team's workload may be from an equal share"))
        self.seed.setToolTip(self.tr("The same seed gives the same suggestion again"))
        form.addRow(self.from_current)
        self._islands_row(form)
        name_label = buddy_label(self.tr("New plan &name"), self.name)
        self.name.setAccessibleName(self.tr("New plan name"))
        form.addRow(name_label, self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _islands_row(self, form: QFormLayout) -> None:
        """Units cut off from the rest: the team lead decides what becomes of them (never a team)."""
        from assetmap.territories.islands import ISLANDS_ATTACH, ISLANDS_LEAVE, detached_groups

        self.islands = QComboBox()
        self.islands.addItem(self.tr("Attach each to its nearest neighbour's team"), ISLANDS_ATTACH)
        self.islands.addItem(self.tr("Leave them unassigned, to give to a team by hand"), ISLANDS_LEAVE)
        self.islands.setAccessibleName(self.tr("Units that touch no other"))
        units = self.model.units
        groups = detached_groups(units, self.model.queen)
        self.islands_note = None
        if not groups:
            return
        cut = [u for g in groups for u in g]
        shown = ", ".join(units.names.get(u) or u for u in cut[:5]) + (" …" if len(cut) > 5 else "")
        text = (self.tr("One area touches no other: {0}.").format(shown) if len(cut) == 1
                else self.tr("{0} areas touch none of the others: {1}.").format(len(cut), shown))
        self.islands_note = QLabel(text)
        self.islands_note.setWordWrap(True)
        form.addRow(self.islands_note)
        form.addRow(buddy_label(self.tr("&Islands"), self.islands), self.islands)

    def kwargs(self) -> dict:
        plan = self.model.plan
        use_current = self.from_current.isChecked()
        return dict(
            areas=plan.areas_layer, k=self.teams.value(), by=self.by.currentText(), name=self.name.text(),
            tolerance=self.tolerance.value() / 100, seed=self.seed.value(), queen=self.model.queen,
            from_plan=plan.name if use_current else None, units=self.model.units,
            locked=[str(t.team + 1) for t in self.model.teams if t.locked] if use_current else None,
            islands=self.islands.currentData())
