"""The indicators dashboard dock: pick an indicator and a period, see it as a choropleth on the
map (a derived layer that is never written to the project), the selected neighbourhood's trend
against the city, and the units ranked by value or by change. Computation runs on a worker.

What is shown comes from ``assetmap.indicators.dashboard``; a withheld value reads "1–10
(withheld)" in the table and the popup, is hatched on the map and is a gap in the chart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assetmap.indicators import dashboard
from assetmap.ui.indicators_chart import TrendChart
from assetmap.ui.period_slider import PeriodSlider

LAYER = "assetmap_indicator_dashboard"  # the map layer's name on the page; never a project layer
SORTS = (("value", False), ("value", True), ("change", False), ("change", True))


class IndicatorsDock(QDockWidget):
    computed = Signal()            # a new table is in (tests and the report dialog wait on it)
    unit_selected = Signal(str)    # unit_id

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.setObjectName("IndicatorsDock")
        self.setWindowTitle(self.tr("Indicators"))
        self.setAccessibleName(self.tr("Indicators dashboard"))
        self.df = None
        self.indicators: list = []
        self.unit_id: str | None = None
        self.frame = None          # what the map layer shows (fid index = the unit layer's)
        self._units: dict[str, tuple] = {}
        self._on_map = False
        self._task = None
        self.overview = None       # the small-multiples window, made when first opened
        self._build()
        self.visibilityChanged.connect(self._visibility)
        window.canvas.feature_identified.connect(self._map_clicked)  # with the Identify tool only
        from assetmap.session import IndicatorsChanged, LayerEvent, ProjectOpened
        from assetmap.ui.session_qt import subscribe

        self._project = None
        subscribe(window.session, self, ProjectOpened, lambda e: self.set_project(e.project))
        subscribe(window.session, self, IndicatorsChanged, lambda _e: self.set_project(self.w.project))
        subscribe(window.session, self, LayerEvent, lambda _e: self._keep_on_top())

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Indicator"))
        self.picker.setToolTip(self.tr("The indicator shown on the map, the chart and the table"))
        self.picker.currentIndexChanged.connect(self._indicator_changed)
        top.addWidget(self.picker, 1)
        self.refresh_button = QPushButton(self.tr("Recompute"))
        self.refresh_button.setAccessibleName(self.tr("Recompute the indicators"))
        self.refresh_button.clicked.connect(lambda *_: self.refresh())
        top.addWidget(self.refresh_button)
        self.overview_button = QPushButton(self.tr("Overview…"))
        self.overview_button.setAccessibleName(self.tr("Open the overview of small maps"))
        self.overview_button.setToolTip(self.tr("Small maps of every indicator, or of every period of one"))
        self.overview_button.clicked.connect(lambda *_: self.show_overview())
        top.addWidget(self.overview_button)
        lay.addLayout(top)
        self.slider = PeriodSlider()
        self.slider.setAccessibleName(self.tr("Indicator period"))
        self.slider.period_changed.connect(lambda _p: self.draw())
        lay.addWidget(self.slider)
        self.city = QLabel("")
        self.city.setAccessibleName(self.tr("City-wide value"))
        self.city.setWordWrap(True)
        lay.addWidget(self.city)
        split = QSplitter(Qt.Orientation.Vertical)
        self.chart = TrendChart()
        split.addWidget(self.chart)
        box = QWidget()
        blay = QVBoxLayout(box)
        blay.setContentsMargins(0, 0, 0, 0)
        self.sort = QComboBox()
        self.sort.setAccessibleName(self.tr("Sort the table"))
        for text in (self.tr("Highest value first"), self.tr("Lowest value first"),
                     self.tr("Largest rise since the previous period first"),
                     self.tr("Largest fall since the previous period first")):
            self.sort.addItem(text)
        self.sort.currentIndexChanged.connect(lambda _i: self._fill_table())
        blay.addWidget(self.sort)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Units ranked"))
        self.table.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Neighbourhood"), self.tr("Value"),
                                              self.tr("Change")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c in (0, 2, 3):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._row_selected)
        blay.addWidget(self.table)
        split.addWidget(box)
        lay.addWidget(split, 1)
        self.note = QLabel(self.tr("“1–10 (withheld)”: a count of 1 to 10 reports is suppressed to protect "
                                   "families; it is hatched on the map and a gap in the chart."))
        self.note.setAccessibleName(self.tr("Suppression note"))
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.setWidget(body)

    def show_overview(self):
        """The small-multiples window (ui.indicators_overview), made on first use."""
        if self.overview is None:
            from assetmap.ui.indicators_overview import OverviewWindow

            self.overview = OverviewWindow(self)
        self.overview.open_overview()
        return self.overview

    # ------------------------------------------------------------------ project and data
    def set_project(self, project) -> None:
        """A new project: forget everything; compute when the dock is shown."""
        self._project = project
        self._remove_layer()
        self.df, self.indicators, self.unit_id, self.frame = None, [], None, None
        self._units = {}
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.blockSignals(False)
        self.table.setRowCount(0)
        self.city.setText("")
        overview = self.overview is not None and self.overview.isVisible()
        if self.overview is not None:
            self.overview.forget()
        if project is not None and (self.isVisible() or overview):
            self.refresh()

    def refresh(self) -> None:
        """Compute every indicator on a worker, then show the one picked."""
        project = self.w.project
        if project is None or self._task is not None:
            return
        from assetmap.indicators.compute import compute
        from assetmap.indicators.model import indicators_or_defaults
        from assetmap.ui.workers import run_task

        def work(ctx):
            inds = indicators_or_defaults(project)
            return inds, compute(project, inds, ctx=ctx)

        self.city.setText(self.tr("Computing the indicators…"))
        self._task = run_task(self.w, self.tr("Computing the indicators"), work, self._computed,
                              quiet_errors=True)
        self._task.finished.connect(self._task_ended)

    def _task_ended(self, ok: bool) -> None:
        task, self._task = self._task, None
        if not ok and task is not None:
            err = task.error
            self.city.setText(str(err) if err is not None else self.tr("Cancelled."))

    def _computed(self, result) -> None:
        inds, df = result
        keep = self.picker.currentData()
        self.indicators, self.df = inds, df
        self._units = {}
        self.picker.blockSignals(True)
        self.picker.clear()
        for ind in inds:
            self.picker.addItem(ind.name, ind.id)
        if keep is not None and self.picker.findData(keep) >= 0:
            self.picker.setCurrentIndex(self.picker.findData(keep))
        self.picker.blockSignals(False)
        self._indicator_changed()
        self.computed.emit()

    def current_indicator(self):
        iid = self.picker.currentData()
        return next((i for i in self.indicators if i.id == iid), None)

    def current_period(self) -> str | None:
        return self.slider.current()

    def set_indicator(self, indicator_id: str) -> None:
        i = self.picker.findData(indicator_id)
        if i >= 0:
            self.picker.setCurrentIndex(i)

    def set_period(self, period: str) -> None:
        self.slider.set_period(period)

    def _indicator_changed(self, *_):
        ind = self.current_indicator()
        if ind is None or self.df is None:
            return
        from assetmap.indicators.compute import indicator_periods

        periods = indicator_periods(self.df, ind.id)
        current = self.slider.current()
        self.slider.set_steps(periods, current if current in periods else dashboard.default_period(self.df, ind.id))
        self.draw()

    # ------------------------------------------------------------------ drawing
    def draw(self) -> None:
        """Map, city figure, table and chart for the indicator and period chosen."""
        ind, period = self.current_indicator(), self.current_period()
        if ind is None or period is None or self.df is None:
            return
        units, id_field = self._unit_layer(ind)
        self.frame = dashboard.map_frame(units, id_field, self.df, ind.id, period)
        v, sup = dashboard.city_value(self.df, ind.id, period)
        label = ind.unit_label or ""
        self.city.setText(self.tr("City-wide, {period}: {value} {label}").format(
            period=period, value=dashboard.value_text(v, sup), label=label).strip())
        self._fill_table()
        self._draw_map(ind, period)
        self._draw_chart()

    def _unit_layer(self, ind):
        if ind.unit_layer not in self._units:
            info = self.w.project.layer(ind.unit_layer)
            self._units[ind.unit_layer] = (self.w.cache.frame(ind.unit_layer), (info.extra or {}).get("id_field"))
        return self._units[ind.unit_layer]

    def _draw_map(self, ind, period: str) -> None:
        title = f"{ind.name} — {period}"
        spec = dashboard.map_spec(ind, self.frame)
        self.w.canvas.set_layer_frame(LAYER, self.frame, spec, title, True, 1.0)
        self._on_map = True
        self._keep_on_top()
        self._highlight()

    def _keep_on_top(self) -> None:
        # The window orders the page by the project's layers; ours is not one, so it would sink.
        if self._on_map and self.w.project is not None:
            infos = [self.w.project.layer(n) for n in self.w.project.layer_names()]
            self.w.canvas.set_order(dashboard.page_order(infos, LAYER))

    def _remove_layer(self) -> None:
        if self._on_map:
            self.w.canvas.remove_layer(LAYER)
            self._on_map = False

    def _visibility(self, visible: bool) -> None:
        if visible:
            if self.df is None:
                self.refresh()
            elif not self._on_map:
                self.draw()
        elif self.isHidden():  # closed, not just behind another tab
            self._remove_layer()

    def _fill_table(self) -> None:
        ind, period = self.current_indicator(), self.current_period()
        if ind is None or period is None or self.df is None:
            return
        by, ascending = SORTS[max(0, self.sort.currentIndex())]
        self.rows = dashboard.table_rows(self.df, ind.id, period, by=by, ascending=ascending)
        t = self.table
        t.blockSignals(True)
        t.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.rank, row.unit, row.value, row.change)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.unit_id)
                if c in (0, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.suppressed:
                    item.setToolTip(self.tr("Withheld: 1 to 10 reports, suppressed to protect families"))
                t.setItem(r, c, item)
        t.blockSignals(False)
        self._select_row()

    def _draw_chart(self) -> None:
        ind = self.current_indicator()
        if ind is None or self.df is None:
            return
        tr = dashboard.trend(self.df, ind.id, self.unit_id)
        name = self.unit_name(self.unit_id) if self.unit_id else None
        self.chart.show_trend(tr, name, ind.target, ind.unit_label)
        self.trend = tr

    # ------------------------------------------------------------------ selection
    def unit_name(self, unit_id: str | None) -> str | None:
        if unit_id is None or self.frame is None:
            return None
        hit = self.frame[self.frame["unit_id"] == str(unit_id)]
        return str(hit["unit"].iloc[0]) if len(hit) else None

    def select_unit(self, unit_id: str | None) -> None:
        """Select a unit (table row, map outline, chart line)."""
        self.unit_id = None if unit_id is None else str(unit_id)
        self._select_row()
        self._highlight()
        self._draw_chart()
        if self.unit_id is not None:
            self.unit_selected.emit(self.unit_id)

    def _select_row(self) -> None:
        t = self.table
        t.blockSignals(True)
        t.clearSelection()
        for r in range(t.rowCount()):
            if t.item(r, 0).data(Qt.ItemDataRole.UserRole) == self.unit_id:
                t.selectRow(r)
                t.scrollToItem(t.item(r, 0))
                break
        t.blockSignals(False)

    def _highlight(self) -> None:
        if not self._on_map or self.frame is None:
            return
        fids = self.frame.index[self.frame["unit_id"] == self.unit_id].tolist() if self.unit_id else []
        self.w.canvas.highlight(LAYER, fids)

    def _row_selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.select_unit(items[0].data(Qt.ItemDataRole.UserRole))

    def _map_clicked(self, layer: str, fid: int, _add: bool) -> None:
        if layer != LAYER or self.frame is None or fid not in self.frame.index:
            return
        self.select_unit(str(self.frame.at[fid, "unit_id"]))
