"""The indicators overview: small multiples of the dashboard. One small choropleth per
indicator for a period (each with the city-wide trend), or one per period for an indicator
(shared class breaks, so the maps compare over time). Clicking a map shows that indicator and
period in the dashboard dock.

The maps are drawn by ``assetmap.indicators.small_multiples`` (matplotlib, Agg) to PNG on a
worker and shown as pixmaps; withheld units are hatched and read "1–10 reports: suppressed".
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.indicators import small_multiples as sm

BY_INDICATOR, BY_PERIOD = sm.BY_INDICATOR, sm.BY_PERIOD


class TileWidget(QFrame):
    """One small map: its title, the city-wide figure, and the map as a button."""

    def __init__(self, tile, png: bytes, dpr: float, parent=None):
        super().__init__(parent)
        self.tile = tile
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(2)
        self.title = QLabel(tile.title)
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        lay.addWidget(self.title)
        self.subtitle = QLabel(tile.subtitle)
        self.subtitle.setWordWrap(True)
        lay.addWidget(self.subtitle)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(png, "PNG")
        self.pixmap.setDevicePixelRatio(dpr)
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        self.button.setIcon(self.pixmap)
        self.button.setIconSize(QSize(round(self.pixmap.width() / dpr), round(self.pixmap.height() / dpr)))
        self.button.setAccessibleName(self.tr("Show {title} in the dashboard").format(title=tile.title))
        self.button.setToolTip(self.tr("Show this map in the dashboard"))
        lay.addWidget(self.button)
        # As wide as its map: long titles wrap instead of widening the tile and the grid.
        m = lay.contentsMargins()
        self.setFixedWidth(self.button.sizeHint().width() + m.left() + m.right() + 2 * self.frameWidth())


class OverviewWindow(QDialog):
    rendered = Signal()   # the tiles of the last request are in (tests wait on it)

    def __init__(self, dock):
        super().__init__(dock.w)
        self.dock = dock
        self.setObjectName("IndicatorsOverview")
        self.setWindowTitle(self.tr("Indicators overview"))
        self.setAccessibleName(self.tr("Indicators overview: small maps"))
        self.setModal(False)
        self.tiles: list = []
        self.drawn: list = []
        self.widgets: list[TileWidget] = []
        self._task = None
        self._pending = False
        self._generation = 0       # bumped by forget(): a drawing still running is then stale
        self._build()
        dock.computed.connect(self._dock_computed)
        dock.picker.currentIndexChanged.connect(lambda _i: self._mark_current())
        dock.slider.period_changed.connect(lambda _p: self._mark_current())
        self.resize(1120, 760)

    def _build(self) -> None:
        top = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Small maps of"))
        self.mode.addItem(self.tr("One map per indicator"), BY_INDICATOR)
        self.mode.addItem(self.tr("One map per period"), BY_PERIOD)
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self.choice_label = QLabel()
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Period or indicator of the small maps"))
        self.choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.choice_label.setBuddy(self.choice)
        top.addWidget(self.mode)
        top.addSpacing(12)
        top.addWidget(self.choice_label)
        top.addWidget(self.choice, 1)
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Overview status"))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(8)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_host)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        note = QLabel(self.tr("Hatched areas: 1 to 10 reports, withheld to protect families (never shown as a "
                              "number). Grey: no residents. Click a map to show it in the dashboard."))
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(note)

    # ------------------------------------------------------------------ choices
    def current_mode(self) -> str:
        return self.mode.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(mode))

    def set_choice(self, value: str) -> None:
        i = self.choice.findData(value)
        if i >= 0:
            self.choice.setCurrentIndex(i)

    def _fill_choices(self, prefer: str | None = None) -> None:
        """Periods (one map per indicator) or indicators (one map per period): ``prefer``, else
        the one picked before, else what the dock shows."""
        from assetmap.indicators.compute import ALL_PERIODS, CURRENT, period_sort_key

        df = self.dock.df
        keep = prefer if prefer is not None else self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        if self.current_mode() == BY_INDICATOR:
            self.choice_label.setText(self.tr("&Period:"))
            periods = sorted(set(df["period"]) - {CURRENT}, key=period_sort_key) if df is not None else []
            for p in periods:
                self.choice.addItem(self.tr("All periods (total)") if p == ALL_PERIODS else p, p)
            if not periods and df is not None:
                self.choice.addItem(self.tr("Current (snapshot)"), CURRENT)
            start = keep if keep is not None else self.dock.current_period()
            if self.choice.findData(start) < 0:
                dated = [p for p in periods if p != ALL_PERIODS]
                start = dated[-1] if dated else self.choice.itemData(0)
        else:
            self.choice_label.setText(self.tr("&Indicator:"))
            for ind in self.dock.indicators:
                self.choice.addItem(ind.name, ind.id)
            start = keep if keep is not None else self.dock.picker.currentData()
        i = self.choice.findData(start)
        self.choice.setCurrentIndex(max(i, 0))
        self.choice.blockSignals(False)

    def _mode_changed(self) -> None:
        self.choice.blockSignals(True)
        self.choice.clear()  # the other mode's choices mean nothing here
        self.choice.blockSignals(False)
        self._fill_choices()
        self.refresh()

    def _dock_computed(self) -> None:
        if self.isVisible():
            self._fill_choices()
            self.refresh()

    def open_overview(self) -> None:
        """Show, starting from what the dock shows; compute first if the dock has not."""
        self.show()
        self.raise_()
        if self.dock.df is None:
            self.status.setText(self.tr("Computing the indicators…"))
            self.dock.refresh()  # _dock_computed draws when it is in
            return
        by_indicator = self.current_mode() == BY_INDICATOR
        self._fill_choices(self.dock.current_period() if by_indicator else self.dock.picker.currentData())
        self.refresh()

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        """Draw the tiles of the current choice on a worker (again once more if asked meanwhile)."""
        df, project = self.dock.df, self.dock.w.project
        if df is None or project is None or self.choice.currentData() is None:
            return
        if self._task is not None:
            self._pending = True
            return
        from assetmap.ui.workers import run_task

        mode, choice, generation = self.current_mode(), self.choice.currentData(), self._generation
        inds = list(self.dock.indicators)
        dpr = max(1.0, float(self.devicePixelRatioF()))
        size = (round(sm.TILE_PX[0] * dpr), round(sm.TILE_PX[1] * dpr))

        def work(ctx):
            if mode == BY_INDICATOR:
                tiles = sm.by_indicator(project, df, inds, choice)
            else:
                ind = next(i for i in inds if i.id == choice)
                tiles = sm.by_period(project, df, ind)
            return tiles, sm.render_all(tiles, size, 100.0 * dpr, ctx), dpr, mode, generation

        self.status.setText(self.tr("Drawing the small maps…"))
        self._task = run_task(self, self.tr("Drawing the small maps"), work, self._rendered, quiet_errors=True)
        self._task.finished.connect(self._task_ended)

    def _task_ended(self, ok: bool) -> None:
        task, self._task = self._task, None
        if not ok and task is not None:
            self.status.setText(str(task.error) if task.error is not None else self.tr("Cancelled."))
        if self._pending:
            self._pending = False
            self.refresh()

    def _rendered(self, result) -> None:
        tiles, images, dpr, mode, generation = result
        if generation != self._generation:
            return
        self._clear()
        self.tiles = tiles
        self.drawn = [d for _png, d in images]
        self.widgets = []
        for tile, (png, _d) in zip(tiles, images):
            w = TileWidget(tile, png, dpr)
            w.button.clicked.connect(lambda *_, t=tile, m=mode: self.tile_clicked(t, m))
            self.group.addButton(w.button)
            self.widgets.append(w)
        self._place()
        if mode == BY_INDICATOR:
            text = self.tr("{n} indicators, {period}").format(n=len(tiles), period=self.choice.currentText())
        else:
            text = self.tr("{name}: {n} periods, one set of classes").format(name=self.choice.currentText(),
                                                                            n=len(tiles))
        self.status.setText(text)
        self._mark_current()
        self.rendered.emit()

    def _clear(self) -> None:
        for w in self.widgets:
            self.group.removeButton(w.button)
            w.setParent(None)
            w.deleteLater()
        self.widgets = []

    def forget(self) -> None:
        """Another project or new definitions: the maps shown are stale."""
        self._generation += 1
        self._clear()
        self.tiles, self.drawn = [], []
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.blockSignals(False)
        self.status.setText(self.tr("Computing the indicators…") if self.isVisible() else "")

    def _columns(self) -> int:
        width = self.scroll.viewport().width() or self.width()
        tile = self.widgets[0].sizeHint().width() if self.widgets else sm.TILE_PX[0] + 24
        m = self.grid.contentsMargins()
        return max(1, (width - m.left() - m.right() + self.grid.spacing()) // (tile + self.grid.spacing()))

    def _place(self) -> None:
        cols = self._columns()
        for w in self.widgets:
            self.grid.removeWidget(w)
        for n, w in enumerate(self.widgets):
            self.grid.addWidget(w, n // cols, n % cols)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.widgets:
            self._place()

    # ------------------------------------------------------------------ selection
    def tile_clicked(self, tile, mode: str | None = None) -> None:
        """Show the tile's indicator and period in the dock."""
        self.dock.set_indicator(tile.indicator.id)
        self.dock.set_period(tile.period)
        self.dock.show()
        self.dock.raise_()
        self._mark_current()

    def _mark_current(self) -> None:
        ind, period = self.dock.picker.currentData(), self.dock.current_period()
        for w in self.widgets:
            on = w.tile.indicator.id == ind and w.tile.period == period
            w.button.setChecked(on)
            w.setFrameShadow(QFrame.Shadow.Sunken if on else QFrame.Shadow.Plain)
        if not any(w.button.isChecked() for w in self.widgets):
            # An exclusive group keeps one checked: let none be, when the dock shows another map.
            self.group.setExclusive(False)
            for w in self.widgets:
                w.button.setChecked(False)
            self.group.setExclusive(True)

    def selected_key(self) -> str | None:
        """The key (indicator id or period) of the tile showing the dock's map, if any."""
        hit = [w.tile.key for w in self.widgets if w.button.isChecked()]
        return hit[0] if hit else None
