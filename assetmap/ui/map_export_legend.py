"""The printed legend: one block per layer, measured before anything is drawn, then laid out
in one or two columns beside the map (smaller type when needed); what still does not fit goes
on further pages of a PDF (a legend sheet), or is named as left out on a PNG. No text leaves
its column or the page. Report layers also get their extra lines as the page draws them: the
period shown, a note (hot-spot method), and the bivariate 3x3 grid."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen

_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
SCALES = (1.0, 0.85, 0.72)


def _font(pt: float, size: float, bold: bool = False):
    from assetmap.ui.map_export import _font as font

    return font(pt, size, bold)


def field_label(field_name: str) -> str:
    """A field as a reader says it: rate_per_1000 → "rate per 1,000"."""
    if field_name == "rate_per_1000":
        return "rate per 1,000"
    return field_name.replace("_", " ")


@dataclass
class Block:
    """One layer's legend: heading, report lines, keys."""

    info: object
    spec: dict
    point: bool
    labels: list[str] = field(default_factory=list)

    def heading(self) -> str:
        spec = self.spec
        # A layer may name its field for readers ("fieldLabel", as the page does); "" shows none.
        label = spec["fieldLabel"] if "fieldLabel" in spec else field_label(spec.get("field") or "")
        return self.info.display_name + (f" ({label})" if spec["kind"] != "single" and label else "")

    def draw(self, painter, left: float, y: float, width: float, pt: float, draw: bool = True) -> float:
        """Draw (or with ``draw=False`` only measure) at (left, y); returns the height used."""
        top = y
        texts: list[str] = []

        def text(s: str, size: float, bold: bool = False, color: str = "#111111", indent: float = 0.0) -> float:
            nonlocal y
            painter.setFont(_font(pt, size, bold))
            painter.setPen(QColor(color))
            rect = painter.boundingRect(QRectF(left + indent, y, width - indent, 1e6), _WRAP, s)
            if draw:
                painter.drawText(QRectF(left + indent, y, width - indent, rect.height()), _WRAP, s)
            texts.append(s)
            return rect.height()

        y += text(self.heading(), 9, bold=True) + 2 * pt
        y = draw_report_legend(painter, left, width, y, pt, self.spec, texts, draw)
        opacity = float(getattr(self.info, "opacity", 1.0))
        fill_alpha = float(self.spec.get("fillOpacity", 1.0))
        for item in self.spec["legend"]:
            label = item["label"] or self.info.display_name
            h = text(label, 8, color="#222222", indent=20 * pt) if not draw else 0.0
            if draw:
                painter.save()
                painter.setOpacity(opacity)  # the swatch looks like the layer on the map
                painter.setPen(QPen(QColor("#333333"), pt * 0.5))
                if item.get("fill") == "hatch":
                    painter.setBrush(QColor("#ffffff"))
                    painter.drawRect(QRectF(left, y, 14 * pt, 10 * pt))
                    painter.setBrush(QBrush(QColor("#555555"), Qt.BrushStyle.BDiagPattern))
                else:
                    colour = QColor(item["color"])
                    colour.setAlphaF(fill_alpha if not self.point else 1.0)
                    painter.setBrush(colour)
                if self.point:  # a point layer's key shows its symbol, as on the page
                    from assetmap.ui.map_export import symbol_path

                    painter.drawPath(symbol_path(left + 7 * pt, y + 5 * pt, 4 * pt, item.get("symbol") or "circle"))
                else:
                    painter.drawRect(QRectF(left, y, 14 * pt, 10 * pt))
                painter.restore()
                h = text(label, 8, color="#222222", indent=20 * pt)
            y += max(h, 11 * pt) + 2 * pt
        if draw:
            self.labels = texts
        return y - top + 6 * pt


def draw_report_legend(painter, left: float, width: float, y: float, pt: float, spec: dict,
                       texts: list[str], draw: bool = True) -> float:
    """Report lines below ``y``; returns the new y."""

    def line(text: str, bold: bool = False, color: str = "#222222") -> None:
        nonlocal y
        painter.setFont(_font(pt, 8, bold=bold))
        painter.setPen(QColor(color))
        rect = painter.boundingRect(QRectF(left, y, width, 1e6), _WRAP, text)
        if draw:
            painter.drawText(QRectF(left, y, width, rect.height()), _WRAP, text)
        texts.append(text)
        y += rect.height() + 2 * pt

    if spec.get("periodLabel"):
        line(f"Period: {spec['periodLabel']}", bold=True, color="#7a2a00")
        if spec.get("period") != "all":
            line("Classes fixed over all periods", color="#444444")
    if spec.get("legendNote"):
        line(spec["legendNote"], color="#444444")
    biv = spec.get("bivariate")
    if biv:
        cell = 13 * pt
        if draw:
            for r, row in enumerate(biv["rows"]):
                for c, colour in enumerate(row):
                    painter.setPen(QPen(QColor("#ffffff"), pt * 0.5))
                    painter.setBrush(QColor(colour))
                    painter.drawRect(QRectF(left + 12 * pt + c * cell, y + r * cell, cell, cell))
            painter.setFont(_font(pt, 9, bold=True))
            painter.setPen(QColor("#222222"))
            painter.drawText(QPointF(left, y + 1.9 * cell), "↑")
            painter.drawText(QPointF(left + 12 * pt + 1.2 * cell, y + 3 * cell + 10 * pt), "→")
        y += 3 * cell + 14 * pt
        line(f"→ {biv['x']}")
        line(f"↑ {biv['y']}")
        line(biv["stats"] + (f"; {biv['period']}" if biv.get("period") else ""))
    return y


@dataclass
class LegendPlan:
    columns: int
    scale: float
    col_width: float
    placed: list[list[Block]]          # blocks per column beside the map
    overflow: list[Block]              # for a legend sheet (PDF) or named as left out (PNG)

    @property
    def width(self) -> float:
        return self.columns * self.col_width


def plan_legend(painter, blocks: list[Block], col_width: float, height: float, pt: float,
                gap: float, header: float, max_columns: int = 2) -> LegendPlan:
    """The fewest columns, then the largest type, that hold every block; else the best partial fit."""
    best = None
    for scale in SCALES:
        for columns in range(1, max_columns + 1):
            placed, rest = fill_columns(painter, blocks, columns, col_width, height - header, pt * scale, gap)
            plan = LegendPlan(columns, scale, col_width, placed, rest)
            if not rest:
                return plan
            if best is None or len(rest) < len(best.overflow):
                best = plan
    return best


def fill_columns(painter, blocks, columns: int, col_width: float, height: float, pt: float,
                 gap: float) -> tuple[list[list[Block]], list[Block]]:
    """Blocks in order, top to bottom, column after column; the ones that don't fit are returned."""
    placed: list[list[Block]] = [[] for _ in range(columns)]
    col, used = 0, 0.0
    for i, block in enumerate(blocks):
        h = block.draw(painter, 0, 0, col_width - gap, pt, draw=False)
        while used + h > height and col < columns:
            if used == 0 and h > height:  # taller than a whole column: it can't be placed here
                return placed, list(blocks[i:])
            col, used = col + 1, 0.0
        if col >= columns:
            return placed, list(blocks[i:])
        placed[col].append(block)
        used += h
    return placed, []


def draw_columns(painter, placed: list[list[Block]], left: float, top: float, col_width: float, pt: float,
                 gap: float) -> list[str]:
    labels = []
    for c, column in enumerate(placed):
        y = top
        for block in column:
            y += block.draw(painter, left + c * col_width, y, col_width - gap, pt)
            labels += block.labels
    return labels
