"""The trend chart of the indicators dock (QtCharts): the selected unit against the city over
the periods, the target as a dashed line. A withheld period is a gap in the unit's line, never
a point at zero."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from assetmap.indicators.dashboard import Trend

UNIT_COLOR = "#0072B2"   # Okabe-Ito blue / orange: apart for every common colour vision
CITY_COLOR = "#D55E00"
TARGET_COLOR = "#333333"


def _segments(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """Runs of consecutive published values: each becomes its own line, so gaps stay gaps."""
    runs, cur = [], []
    for i, v in enumerate(values):
        if v is None:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append((i, v))
    if cur:
        runs.append(cur)
    return runs


class TrendChart(QChartView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Trend chart"))
        self.setAccessibleDescription(self.tr("The selected neighbourhood's value against the city over the periods"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(190)
        self.unit_series: list[QLineSeries] = []
        self.city_series: list[QLineSeries] = []
        self.target_series: QLineSeries | None = None
        chart = QChart()
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)

    def _line(self, name: str, color: str, points, style=Qt.PenStyle.SolidLine, legend=True) -> QLineSeries:
        s = QLineSeries()
        s.setName(name)
        pen = QPen(QColor(color))
        pen.setWidthF(2.2)
        pen.setStyle(style)
        s.setPen(pen)
        s.setPointsVisible(True)  # a lone published period between gaps still shows
        for x, y in points:
            s.append(QPointF(float(x), float(y)))
        self.chart().addSeries(s)
        if not legend:
            for m in self.chart().legend().markers(s):
                m.setVisible(False)
        return s

    def show_trend(self, tr: Trend, unit_name: str | None, target: float | None = None,
                   title: str = "") -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for ax in chart.axes():
            chart.removeAxis(ax)
        chart.setTitle(title)
        self.unit_series, self.city_series, self.target_series = [], [], None
        for n, run in enumerate(_segments(tr.city)):
            self.city_series.append(self._line(self.tr("City-wide"), CITY_COLOR, run, Qt.PenStyle.DashLine,
                                               legend=n == 0))
        if unit_name:
            for n, run in enumerate(_segments(tr.unit)):
                self.unit_series.append(self._line(unit_name, UNIT_COLOR, run, legend=n == 0))
        n = len(tr.periods)
        if target is not None and n:
            self.target_series = self._line(self.tr("Target"), TARGET_COLOR,
                                            [(0, target), (max(n - 1, 1), target)], Qt.PenStyle.DotLine)
            self.target_series.setPointsVisible(False)
        xa = QCategoryAxis()
        xa.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = max(1, (n + 5) // 6)  # about six labels, however many quarters
        for i, p in enumerate(tr.periods):
            if i % step == 0 or i == n - 1:
                xa.append(p, i)
        xa.setRange(-0.4, max(n - 1, 1) + 0.4)  # room for the first and last labels
        ya = QValueAxis()
        values = [v for v in tr.city + tr.unit if v is not None] + ([target] if target is not None else [])
        top = max(values) if values else 1.0
        ya.setRange(0, top * 1.1 if top > 0 else 1.0)
        ya.setTickCount(5)
        ya.applyNiceNumbers()
        ya.setLabelFormat("%.3g")
        chart.addAxis(xa, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(ya, Qt.AlignmentFlag.AlignLeft)
        for s in chart.series():
            s.attachAxis(xa)
            s.attachAxis(ya)

    def points(self, which: str = "unit") -> dict[int, float]:
        """{period index: value} drawn for the unit or the city (tests, tooltips)."""
        series = self.unit_series if which == "unit" else self.city_series
        return {int(round(p.x())): p.y() for s in series for p in s.points()}
