"""The time slider: steps through the periods of the aggregate layers shown (and 'all', the
totals), with step and play buttons. It only reports the period chosen; the report maps
controller turns that into an undoable change and a restyle of the page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from assetmap.mapview.report_styles import period_label
from assetmap.ui.accessible import BuddyLabel

PLAY_MS = 900


class PeriodSlider(QWidget):
    period_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Time slider"))
        self.setWhatsThis(self.tr("Report layers count reports per period (year, quarter or month). Move the "
                                  "slider, or use ◀ and ▶|, to show one period on the map; ▶ plays them in "
                                  "turn. The last step shows all periods together. Colour classes stay the "
                                  "same for every period, so periods can be compared."))
        self._steps: list[str] = []
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        period_label_ = BuddyLabel(self.tr("&Period"))
        lay.addWidget(period_label_)
        self.back = self._button("◀", self.tr("Previous period"), lambda: self.step(-1))
        self.play = self._button("▶", self.tr("Play through the periods"), self._play_toggled)
        self.play.setCheckable(True)
        self.forward = self._button("▶|", self.tr("Next period"), lambda: self.step(1))
        for b in (self.back, self.play, self.forward):
            lay.addWidget(b)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Period shown"))
        period_label_.setBuddy(self.slider)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setMinimumWidth(220)
        self.slider.valueChanged.connect(self._moved)
        lay.addWidget(self.slider, 1)
        self.label = QLabel("")
        self.label.setAccessibleName(self.tr("Period label"))
        self.label.setMinimumWidth(150)
        lay.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_MS)
        self._timer.timeout.connect(self._tick)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.clicked.connect(lambda *_: slot())
        return b

    # ------------------------------------------------------------ state
    @property
    def steps(self) -> list[str]:
        return list(self._steps)

    def current(self) -> str | None:
        return self._steps[self.slider.value()] if self._steps else None

    def set_steps(self, steps: list[str], current: str | None) -> None:
        """Show these steps with ``current`` selected, without reporting a change."""
        self.slider.blockSignals(True)
        self._steps = list(steps)
        self.slider.setRange(0, max(0, len(steps) - 1))
        if current in steps:
            self.slider.setValue(steps.index(current))
        self.slider.blockSignals(False)
        self._show_label()

    def set_period(self, period: str) -> None:
        """Choose a period as the user would (reports it)."""
        if period in self._steps:
            self.slider.setValue(self._steps.index(period))

    def step(self, delta: int) -> None:
        if self._steps:
            self.slider.setValue(max(0, min(len(self._steps) - 1, self.slider.value() + delta)))

    # ------------------------------------------------------------ internals
    def _show_label(self) -> None:
        self.label.setText(period_label(self.current()) if self._steps else "")

    def _moved(self, _value: int) -> None:
        self._show_label()
        if self._steps:
            self.period_changed.emit(self.current())

    def _play_toggled(self) -> None:
        if self.play.isChecked():
            if self.slider.value() >= len(self._steps) - 1:
                self.slider.setValue(0)
            self.play.setText("❚❚")
            self._timer.start()
        else:
            self._stop()

    def _stop(self) -> None:
        self._timer.stop()
        self.play.setChecked(False)
        self.play.setText("▶")

    def _tick(self) -> None:
        # Plays the periods, not the totals: it stops on the last period.
        last = len(self._steps) - 2 if self._steps and self._steps[-1] == "all" else len(self._steps) - 1
        if self.slider.value() >= last:
            self._stop()
            return
        self.step(1)
