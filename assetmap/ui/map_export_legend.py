"""The printed legend's extra lines for report layers, drawn as the page draws them: the period
shown, a note (hot-spot method), and the bivariate 3x3 grid with its axis names and correlation."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen


def draw_report_legend(painter, box: QRectF, y: float, pt: float, spec: dict) -> tuple[float, list[str]]:
    """Draw below ``y`` inside ``box``; returns the new y and the texts drawn."""
    from assetmap.ui.map_export import _font

    texts: list[str] = []
    left, width = box.left(), box.width()

    def line(text: str, bold: bool = False, color: str = "#222222") -> None:
        nonlocal y
        painter.setFont(_font(pt, 8, bold=bold))
        painter.setPen(QColor(color))
        rect = painter.boundingRect(QRectF(left, y, width, 200 * pt), Qt.TextFlag.TextWordWrap, text)
        painter.drawText(QRectF(left, y, width, rect.height()), Qt.TextFlag.TextWordWrap, text)
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
    return y, texts
