"""The Territories dock: choose a plan and a team, paint, undo/redo, and watch
each team's statistics update live.

A thin view over ``assetmap.territories``: edits are commands on the given
``CommandStack`` through a ``PaintSession``. The map window drives the same
session with unit ids (``panel.session.click(uid)``, ``begin/add/end`` for a
drag, ``polygon(shape)``) and recolours from ``unit_colours()`` when
``assignments_changed`` fires. Until then, units can be painted from the
list: select them and press "Assign to team" (one undo step).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QListWidget, QListWidgetItem, QProgressDialog, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from assetmap.commands import CommandStack
from assetmap.territories import store
from assetmap.errors import UserError
from assetmap.territories.commands import (DeletePlanCommand, DuplicatePlanCommand, PaintSession,
                                           RenamePlanCommand)
from assetmap.territories.model import PlanModel, PlanStats, open_plan
from assetmap.ui.accessible import add_dock_help, buddy_label


class StatsTableModel(QAbstractTableModel):
    """One row per team: units, workload, deviation, pieces, compactness."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stats: PlanStats | None = None

    def set_stats(self, stats: PlanStats | None) -> None:
        self.beginResetModel()
        self._stats = stats
        self.endResetModel()

    def _columns(self) -> list:
        """The team, then the plan's statistics in the registry's order, its workload fields'
        sums and deviations among them (``statistics.plan_statistics``)."""
        from assetmap.territories.statistics import PANEL, plan_statistics

        return [None] + plan_statistics(PANEL, self._stats.fields if self._stats else [])

    # The built-in statistics' labels, listed for pyside6-lupdate.
    _HEADERS = {"Team": QT_TRANSLATE_NOOP("StatsTableModel", "Team"),
                "Units": QT_TRANSLATE_NOOP("StatsTableModel", "Units"),
                "Pieces": QT_TRANSLATE_NOOP("StatsTableModel", "Pieces"),
                "Compactness": QT_TRANSLATE_NOOP("StatsTableModel", "Compactness")}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() or self._stats is None else len(self._stats.teams)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            stat = self._columns()[section]
            # A registered statistic's label is translated like the built-ins' when the .ts has it;
            # a workload field's is the field's own name.
            return self.tr("Team") if stat is None else self.tr(stat.label)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._stats is None:
            return None
        t = self._stats.teams[index.row()]
        stat = self._columns()[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(t.colour)
        if role == Qt.ItemDataRole.ForegroundRole and stat is not None and stat.warn and stat.warn(stat.of(t)):
            return QColor("#D55E00")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if stat is None:
            return t.name + (" 🔒" if t.locked else "")
        value = stat.of(t)
        # A count with a plain format stays a number, so the column sorts by value.
        return value if isinstance(value, int) and stat.fmt == "{}" else stat.text(value)


class TerritoriesPanel(QDockWidget):
    assignments_changed = Signal(object)   # set of unit ids whose team changed
    plan_opened = Signal(str)
    units_to_show = Signal(str, list)     # areas layer, unit ids: outline them on the map (plan comparison)
    balance_failed = Signal(str)

    def __init__(self, project, stack: CommandStack | None = None, parent: QWidget | None = None,
                 load: bool = True):
        """``load=False``: the plans are read, and the current plan's model made (its areas layer
        with adjacency, the hubs and assets counted in each unit, the statistics), when the dock is
        first shown or ``ensure_loaded``, or when ``model`` or ``session`` is first read (the
        window's dock, hidden at start-up: the first map only needs the team colours, which
        ``shown_plan`` reads lightly)."""
        super().__init__(self.tr("Territories"), parent)
        self.setObjectName("TerritoriesPanel")
        self.setAccessibleName(self.tr("Territories panel"))
        self.project = project
        self.stack = stack or CommandStack()
        self._loaded = False
        self.first_loading = False
        self._model: PlanModel | None = None
        self._session: PaintSession | None = None
        self._units_cache = {}
        self._models: dict[int, PlanModel] = {}

        body = QWidget()
        body.setAccessibleName(self.tr("Territories panel"))
        lay = QVBoxLayout(body)
        self.help = add_dock_help(
            self, lay,
            self.tr("Territories divide the neighbourhoods among teams, so each team knows its area and the "
                    "workload stays fair.\n\n"
                    "Choose a plan and the team to paint with, then turn on Territories › Paint territories "
                    "on the map and click or drag across neighbourhoods; or select neighbourhoods in the "
                    "list below and press Assign. The table shows each team's workload and how far it is "
                    "from an equal share (± %). Suggest balanced plan… proposes a fair split for you. "
                    "Undo and Redo take back or repeat a step."),
            self.tr("No plan yet: press New plan… to divide an areas layer among your teams, or Suggest "
                    "balanced plan… to have a fair split proposed."))
        row = QHBoxLayout()
        self.plan_combo = QComboBox()
        self.plan_combo.setAccessibleName(self.tr("Plan"))
        self.plan_combo.currentTextChanged.connect(self.open_plan)
        plan_label = buddy_label(self.tr("&Plan"), self.plan_combo)
        row.addWidget(plan_label)
        row.addWidget(self.plan_combo, 1)
        # Beside the plans, not in the button row below: the dock must stay as narrow as it was.
        self.new_plan_button = QPushButton(self.tr("New plan…"))
        self.new_plan_button.setAccessibleName(self.tr("New plan"))
        self.new_plan_button.clicked.connect(self.new_plan)
        row.addWidget(self.new_plan_button)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(self.tr("Team to paint with"))
        self.team_combo.currentIndexChanged.connect(self._team_chosen)
        self.erase_box = QCheckBox(self.tr("Erase"))
        self.erase_box.setAccessibleName(self.tr("Erase instead of paint"))
        self.erase_box.toggled.connect(self._erase_toggled)
        self.lock_box = QCheckBox(self.tr("Lock team"))
        self.lock_box.setAccessibleName(self.tr("Lock this team"))
        self.lock_box.setToolTip(self.tr("A locked team's areas are not changed by painting or balancing"))
        self.lock_box.clicked.connect(self._lock_clicked)
        paint_label = buddy_label(self.tr("P&aint"), self.team_combo)
        row.addWidget(paint_label)
        row.addWidget(self.team_combo, 1)
        row.addWidget(self.erase_box)
        row.addWidget(self.lock_box)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setAccessibleName(self.tr("Redo"))
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        self.balance_button = QPushButton(self.tr("Suggest balanced plan…"))
        self.balance_button.setAccessibleName(self.tr("Suggest a balanced plan"))
        self.balance_button.clicked.connect(self.suggest_balanced)
        row.addWidget(self.balance_button)
        lay.addLayout(row)
        row = QHBoxLayout()
        for text, name, slot in ((self.tr("Duplicate…"), self.tr("Duplicate plan"), self.duplicate_plan),
                                 (self.tr("Rename…"), self.tr("Rename plan"), self.rename_plan),
                                 (self.tr("Delete"), self.tr("Delete plan"), self.delete_plan),
                                 (self.tr("Compare…"), self.tr("Compare plans"), self.compare_plans)):
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.table_model = StatsTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Team statistics"))
        self.table.setModel(self.table_model)
        self.table.verticalHeader().hide()
        # column titles must stay readable with large text
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.table, 2)
        self.unassigned_label = QLabel()
        self.unassigned_label.setWordWrap(True)
        lay.addWidget(self.unassigned_label)
        self.unit_list = QListWidget()
        self.unit_list.setAccessibleName(self.tr("Neighbourhoods (units) of the plan"))
        self.unit_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        lay.addWidget(self.unit_list, 2)
        self.assign_button = QPushButton(self.tr("Assign selected units to team"))
        self.assign_button.setAccessibleName(self.tr("Assign selected units to team"))
        self.assign_button.clicked.connect(self.assign_selected)
        lay.addWidget(self.assign_button)
        self.setWidget(body)

        from assetmap.session import TerritoryPlansChanged
        from assetmap.ui.session_qt import subscribe

        self.stack.changed.connect(self._undo_state)
        subscribe(self.stack.hub, self, TerritoryPlansChanged, self._plans_changed)
        if load:
            self.reload_plans()
        self._undo_state()

    # ------------------------------------------------------------------ loading
    # Whoever reads the model or the session gets them made: the paint and polygon tools, the
    # menu actions, the map's clicks, tests. Only ``shown_plan`` (the first map) does without.
    @property
    def model(self) -> PlanModel | None:
        self.ensure_loaded()
        return self._model

    @model.setter
    def model(self, model: PlanModel | None) -> None:
        self._model = model

    @property
    def session(self) -> PaintSession | None:
        self.ensure_loaded()
        return self._session

    @session.setter
    def session(self, session: PaintSession | None) -> None:
        self._session = session

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def ensure_loaded(self) -> None:
        """The plans, the current plan's model and the widgets filled, now unless done before."""
        if not self._loaded:
            self.first_loading = True  # plan_opened's listeners may know this plan already (shown_plan)
            try:
                self.reload_plans()
            finally:
                self.first_loading = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.ensure_loaded()
        super().showEvent(event)

    def shown_plan(self) -> store.PlanRecord | None:
        """The plan the map colours, as it is now: loaded, the model's record (the assignment as
        painted); not loaded yet, the record of the plan the panel will open (the first, as
        ``reload_plans`` chooses) read from the plan tables alone: a few rows, without the areas
        layer, its adjacency or the point counts that the model needs (~80 ms of CPU on the demo)."""
        if self._loaded:
            return self._model.record() if self._model is not None else None
        names = store.plan_names(self.project)
        return store.load_plan(self.project, names[0]) if names else None

    # ------------------------------------------------------------------ plans
    def reload_plans(self, select: str | None = None) -> None:
        self._loaded = True  # first, so that reading self.model below does not come back here
        names = store.plan_names(self.project)
        current = select or self.plan_combo.currentText()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.plan_combo.addItems(names)
        self.plan_combo.blockSignals(False)
        if names:
            self.plan_combo.setCurrentText(current if current in names else names[0])
            self.open_plan(self.plan_combo.currentText(), force=True)
        else:
            self.model = self.session = None
            self.table_model.set_stats(None)
            self.unit_list.clear()
        self.help.set_empty(not names)

    def open_plan(self, name: str, force: bool = False) -> None:
        if not name or (not force and self.model is not None and self.model.plan.name == name):
            return
        if self.session is not None:
            self.session.end()
        # One model per plan for the life of the panel: commands on the shared undo
        # stack keep pointing at the model that is shown.
        model = self.model_for(name)
        if model is self.model and self.session is not None:
            return
        self.model = model
        self.session = PaintSession(self.model, self.stack)
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        for t in self.model.teams:
            self.team_combo.addItem(t.name, t.team)
        self.team_combo.blockSignals(False)
        self._team_chosen()
        self.unit_list.clear()
        for uid in self.model.units.ids:
            item = QListWidgetItem(f"{uid}  {self.model.units.names.get(uid, '')}".strip())
            item.setData(Qt.ItemDataRole.UserRole, uid)
            self.unit_list.addItem(item)
        self.refresh()
        self.plan_opened.emit(name)

    def _plan_command(self, make, select: str | None = None) -> bool:
        try:
            self.stack.push(make())
        except UserError as exc:
            self.status.setText(str(exc))
            return False
        self.reload_plans(select)
        return True

    def _ask(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name if ok else None

    def new_plan(self, *_, record: store.PlanRecord | None = None) -> bool:
        """Territories › New plan…: the dialog (areas, teams, workload, team names), then an undoable create."""
        from assetmap.territories.commands import CreatePlanCommand
        from assetmap.ui.territories_new import NewPlanDialog

        if record is None:
            dlg = NewPlanDialog(self.project, self)
            self.new_plan_dialog = dlg
            if not dlg.exec():
                return False
            record = dlg.chosen
        return self._plan_command(lambda: CreatePlanCommand(self.project, record), record.name)

    def duplicate_plan(self, *_, name: str | None = None) -> bool:
        if self.model is None:
            return False
        name = name or self._ask(self.tr("Duplicate plan"), self.tr("Name of the copy"),
                                 self.tr("{0} copy").format(self.model.plan.name))
        source = self.model.plan.name
        return bool(name) and self._plan_command(lambda: DuplicatePlanCommand(self.project, source, name), name)

    def rename_plan(self, *_, name: str | None = None) -> bool:
        if self.model is None:
            return False
        name = name or self._ask(self.tr("Rename plan"), self.tr("New name"), self.model.plan.name)
        old = self.model.plan.name
        return bool(name) and self._plan_command(lambda: RenamePlanCommand(self.project, old, name), name)

    def delete_plan(self, *_) -> bool:
        if self.model is None:
            return False
        name = self.model.plan.name
        return self._plan_command(lambda: DeletePlanCommand(self.project, name))

    def model_for(self, name: str) -> PlanModel:
        """The panel's shared model of a plan (opened on first use)."""
        record = store.load_plan(self.project, name)
        model = self._models.get(record.plan_id)
        if model is None:
            model = open_plan(self.project, name, self._units_cache.get(record.areas_layer))
            self._units_cache[record.areas_layer] = model.units
            model.changed.connect(self._assignments_changed)
            model.teams_changed.connect(self._teams_changed)
            self._models[record.plan_id] = model
        model.plan.name = record.name
        return model

    def compare_plans(self, *_, show: bool = True):
        from assetmap.ui.territories_compare import CompareDialog

        dlg = CompareDialog(self.project, self.model_for, self)
        dlg.show_on_map.connect(self.units_to_show)
        if show:
            dlg.open()
        return dlg

    def suggest_balanced(self, *_, kwargs: dict | None = None, wait: bool = False):
        """Run the balancer on a worker thread with a progress dialog and Cancel."""
        from assetmap.ui.territories_balance import BalanceDialog, BalanceWorker

        if kwargs is None:
            if self.model is None and not self.new_plan():
                return None  # a balance needs a plan's areas and teams: New plan… first
            dlg = BalanceDialog(self.model, store.plan_names(self.project), self)
            if not dlg.exec():
                return None
            kwargs = dlg.kwargs()
        self.worker = BalanceWorker(self.project, kwargs, self)
        self.progress = QProgressDialog(self.tr("Balancing…"), self.tr("Cancel"), 0, 1000, self)
        self.progress.setAccessibleName(self.tr("Balancing progress"))
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.worker.ctx.cancel)
        self.worker.progressed.connect(lambda f, m: (self.progress.setValue(int(f * 1000)),
                                                     self.progress.setLabelText(m)))
        self.worker.done.connect(self._balanced)
        self.worker.start()
        return self.worker

    def _balanced(self, plan, result) -> None:
        self.progress.reset()
        if plan is None:
            self.status.setText(self.tr("Balancing cancelled; nothing was saved.") if result == "cancelled"
                                else result)
            self.balance_failed.emit(result)
            return
        self.status.setText("\n".join([result.message, *result.notes]))
        self.reload_plans(plan.name)

    # ------------------------------------------------------------------ painting
    def _team_chosen(self, *_):
        if self.session is None or self.team_combo.currentIndex() < 0:
            return
        self.session.team = self.team_combo.currentData()
        self.lock_box.setChecked(self.model.team(self.session.team).locked)

    def _erase_toggled(self, on: bool) -> None:
        if self.session is not None:
            self.session.erasing = on

    def _lock_clicked(self, on: bool) -> None:
        if self.session is not None:
            self.session.lock(self.session.team, on)

    def assign_selected(self) -> int:
        if self.session is None:
            return 0
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.unit_list.selectedItems()]
        self.session.begin()
        try:
            return self.session.add(*ids) if ids else 0
        finally:
            self.session.end()

    def undo(self) -> None:
        self._step(self.stack.undo)

    def redo(self) -> None:
        self._step(self.stack.redo)

    def _step(self, action) -> None:
        if self.session is not None:
            self.session.end()
        try:
            action()
        except UserError as exc:
            self.status.setText(str(exc))

    def unit_colours(self) -> dict[str, str]:
        """Fill colour of every assigned unit, for the map."""
        if self.model is None:
            return {}
        colour = {t.team: t.colour for t in self.model.teams}
        return {u: colour[t] for u, t in self.model.assignment.items()}

    # ------------------------------------------------------------------ refresh
    def refresh(self) -> None:
        stats = self.model.stats() if self.model is not None else None
        self.table_model.set_stats(stats)
        if stats is not None:
            un = stats.unassigned
            self.unassigned_label.setText(
                self.tr("Unassigned: {0}").format(len(un))
                + (f" ({', '.join(un[:12])}{' …' if len(un) > 12 else ''})" if un else ""))

    def _assignments_changed(self, units) -> None:
        self.refresh()
        # (a model not shown, e.g. undo of a stroke made on another plan, also lands here)
        self.assignments_changed.emit(units)

    def _teams_changed(self) -> None:
        self._team_chosen()
        self.refresh()

    def _plans_changed(self, _event=None) -> None:
        # A plan-level command (new, delete, rename, duplicate) or its undo changed the plan list.
        if not self._loaded:  # the plan the map shows may have changed: open it (plan_opened redraws it)
            self.reload_plans()
            return
        if store.plan_names(self.project) != [self.plan_combo.itemText(i) for i in range(self.plan_combo.count())]:
            self.reload_plans()

    def _undo_state(self) -> None:
        self.undo_button.setEnabled(self.stack.can_undo)
        self.redo_button.setEnabled(self.stack.can_redo)
        self.undo_button.setToolTip(self.stack.undo_text)
        self.redo_button.setToolTip(self.stack.redo_text)
