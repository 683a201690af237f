"""Territories › New plan…: a team lead starts a plan without the command line.

Areas layer, number of teams, the workload field (the layer's numeric fields, e.g. the
population joined from a table) and the teams' names. OK keeps the dialog open with the
problem said in it when something is wrong; the plan is made by an undoable command.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QSpinBox)

from assetmap.errors import UserError
from assetmap.layers import LayerRole
from assetmap.territories import store
from assetmap.ui.accessible import buddy_label, name_buttons


def numeric_fields(project, layer: str) -> list[str]:
    """Numeric fields of a layer, read from its schema (no geometry is loaded)."""
    from assetmap.project.interface import is_numeric_type

    id_field = project.layer(layer).extra.get("id_field")
    return [f for f, t in project.layer_field_types(layer).items() if is_numeric_type(t) and f != id_field]


class NewPlanDialog(QDialog):
    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("New territory plan"))
        self.setAccessibleName(self.tr("New territory plan"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.name = QLineEdit(self._free_name(self.tr("Plan")))
        self.areas = QComboBox()
        for info in project.layers_by_role(LayerRole.AREAS):
            self.areas.addItem(info.display_name, info.name)
        self.teams = QSpinBox()
        self.teams.setRange(1, 60)
        self.teams.setValue(6)
        self.by = QComboBox()
        self.team_names = QPlainTextEdit()
        self.team_names.setTabChangesFocus(True)
        self.team_names.setToolTip(self.tr("One name a line, in team order"))
        for text, acc, widget in ((self.tr("Plan &name"), self.tr("Plan name"), self.name),
                                  (self.tr("&Areas"), self.tr("Areas layer"), self.areas),
                                  (self.tr("&Teams"), self.tr("Number of teams"), self.teams),
                                  (self.tr("&Workload field"), self.tr("Workload field"), self.by),
                                  (self.tr("Team na&mes"), self.tr("Team names, one a line"), self.team_names)):
            widget.setAccessibleName(acc)
            form.addRow(buddy_label(text, widget), widget)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.buttons = buttons
        self._names_edited = False
        self.areas.currentIndexChanged.connect(self._fill_fields)
        self.teams.valueChanged.connect(self._fill_names)
        self.team_names.textChanged.connect(self._names_touched)
        self._fill_fields()
        self._fill_names()
        if self.areas.count() == 0:
            self._say(self.tr("This project has no areas layer yet: import your neighbourhood boundaries "
                              "(File › Import layer, as 'areas') first."))

    def _free_name(self, base: str) -> str:
        taken = set(store.plan_names(self.project))
        name, i = base, 2
        while name in taken:
            name, i = f"{base} {i}", i + 1
        return name

    def _fill_fields(self) -> None:
        self.by.clear()
        self.by.addItem(self.tr("(none: count the areas)"), None)
        layer = self.areas.currentData()
        if not layer:
            return
        fields = numeric_fields(self.project, layer)
        for f in fields:
            self.by.addItem(f, f)
        # A population is the usual workload: preselect the most recent-looking one.
        pops = [f for f in fields if "pop" in f.lower() and not f.lower().endswith(("_m", "_moe"))]
        if pops:
            self.by.setCurrentIndex(self.by.findData("population" if "population" in pops else pops[-1]))

    def _fill_names(self) -> None:
        if self._names_edited:
            return
        self.team_names.blockSignals(True)
        self.team_names.setPlainText("\n".join(t.name for t in store.default_teams(self.teams.value())))
        self.team_names.blockSignals(False)

    def _names_touched(self) -> None:
        self._names_edited = True
        self._say("")

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def record(self) -> store.PlanRecord:
        """The plan chosen; UserError says what is wrong."""
        name = store.check_plan_name(self.name.text())
        if name in store.plan_names(self.project):
            raise UserError(self.tr("There is already a plan named '{0}'.").format(name),
                            self.tr("Choose another name."))
        layer = self.areas.currentData()
        if not layer:
            raise UserError(self.tr("Choose the areas the plan divides among the teams."))
        k = self.teams.value()
        teams = store.default_teams(k)
        names = [n.strip() for n in self.team_names.toPlainText().splitlines() if n.strip()]
        if len(names) > k:
            raise UserError(self.tr("{0} team names for {1} teams.").format(len(names), k),
                            self.tr("Give one name a line, or raise the number of teams."))
        for team, text in zip(teams, names):
            team.name = text
        seen = [t.name.casefold() for t in teams]
        dups = sorted({t.name for t in teams if seen.count(t.name.casefold()) > 1})
        if dups:
            raise UserError(self.tr("Two teams can't share a name: {0}.").format(", ".join(dups)))
        by = self.by.currentData()
        return store.PlanRecord(name, layer, teams, fields=[by] if by else [])

    def _ok(self) -> None:
        try:
            self.chosen = self.record()
        except UserError as exc:
            self._say(" ".join(p for p in (exc.message, exc.hint) if p))
            return
        self.accept()
