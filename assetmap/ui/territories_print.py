"""Render per-team territory maps (``assetmap.territories.maps``) to PDF or PNG
with QPainter: works headless (offscreen platform) and needs no network."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter,
                           QPainterPath, QPdfWriter, QPen)

from assetmap.territories.maps import TeamMap

# Black and dark grey: never confused with a team's fill colour.
_HUB = QColor("#000000")
_ASSET = QColor("#666666")
_APP = None


def _app():
    global _APP
    # Kept for the life of the process: a QGuiApplication freed at exit crashes PySide6.
    if QGuiApplication.instance() is None:
        _APP = QGuiApplication([])
    return QGuiApplication.instance()


def _path(geom, tx) -> QPainterPath:
    path = QPainterPath()
    polys = getattr(geom, "geoms", [geom])
    for poly in polys:
        for ring in [poly.exterior, *poly.interiors]:
            pts = [tx(x, y) for x, y in ring.coords]
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            path.closeSubpath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def place_labels(painter: QPainter, items, tx, area: QRectF, font: QFont) -> list[tuple[str, QRectF]]:
    """Unit labels that never collide: biggest units first, each at its centre (or just above or
    below it), on one line or wrapped on two, then in smaller type; a label with no free spot
    is left out rather than drawn over another. Returns what was drawn, where."""
    from PySide6.QtGui import QFontMetricsF

    placed: list[tuple[str, QRectF]] = []
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    small = QFont(font)
    small.setPixelSize(max(6, int(font.pixelSize() * 0.8)))
    for label, g in sorted(items, key=lambda item: -item[1].area):
        if not label:
            continue
        p = g.representative_point()
        c = tx(p.x, p.y)
        done = False
        for f in (font, small):
            metrics = QFontMetricsF(f)
            one_line = metrics.horizontalAdvance(label) + 2
            for width in (one_line, min(one_line, area.width() / 6)):
                box = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, label)
                if box.height() > 2.5 * metrics.lineSpacing():
                    continue
                for dy in (0.0, -box.height(), box.height()):
                    rect = QRectF(c.x() - box.width() / 2, c.y() - box.height() / 2 + dy, box.width(), box.height())
                    if not area.contains(rect) or any(rect.intersects(r) for _, r in placed):
                        continue
                    painter.setFont(f)
                    painter.drawText(rect, flags, label)
                    placed.append((label, rect))
                    done = True
                    break
                if done:
                    break
            if done:
                break
    painter.setFont(font)
    return placed


def paint_team_map(painter: QPainter, m: TeamMap, width: float, height: float):
    """Draw one team's map; return the map -> page transform (x, y) -> QPointF."""
    margin = 0.04 * width
    header = 0.09 * height
    footer = 0.12 * height
    area = QRectF(margin, header, width - 2 * margin, height - header - footer)
    minx, miny, maxx, maxy = m.bbox
    scale = min(area.width() / (maxx - minx), area.height() / (maxy - miny))
    ox = area.left() + (area.width() - (maxx - minx) * scale) / 2
    oy = area.top() + (area.height() - (maxy - miny) * scale) / 2

    def tx(x, y):
        return QPointF(ox + (x - minx) * scale, oy + (maxy - y) * scale)

    painter.fillRect(QRectF(0, 0, width, height), Qt.GlobalColor.white)
    painter.save()
    painter.setClipRect(area)
    painter.setPen(QPen(QColor("#BBBBBB"), max(1.0, width / 1200)))
    painter.setBrush(QBrush(QColor("#EEEEEE")))
    for g in m.context:
        painter.drawPath(_path(g, tx))
    fill = QColor(m.colour)
    fill.setAlpha(170)
    painter.setPen(QPen(QColor("#333333"), max(1.0, width / 800)))
    painter.setBrush(QBrush(fill))
    for _, _, g in m.own:
        painter.drawPath(_path(g, tx))
    font = QFont("Sans Serif")
    font.setPixelSize(max(8, int(height / 70)))
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    place_labels(painter, [(label, g) for _, label, g in m.own], tx, area, font)
    r = max(3.0, width / 250)
    for role, _, x, y in m.points:
        painter.setBrush(QBrush(_HUB if role == "hubs" else _ASSET))
        painter.setPen(QPen(Qt.GlobalColor.white, 1))
        painter.drawEllipse(tx(x, y), r, r)
    painter.restore()
    title = QFont("Sans Serif")
    title.setPixelSize(int(header * 0.45))
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(QRectF(margin, 0, width - 2 * margin, header), Qt.AlignmentFlag.AlignVCenter, m.title)
    painter.setFont(font)
    painter.drawText(QRectF(margin, height - footer, width - 2 * margin, footer),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     "\n".join(m.summary + ["Hubs: black dots; assets: grey dots."]))
    return tx


def render_image(m: TeamMap, width: int, height: int):
    """(QImage, transform) of one team's map."""
    _app()
    img = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    tx = paint_team_map(painter, m, width, height)
    painter.end()
    return img, tx


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "team"


def write_team_maps(maps: list[TeamMap], out_dir: Path, fmt: str = "pdf", dpi: int = 150) -> list[Path]:
    """One file per team: OUT_DIR/<plan>_<team>.pdf or .png."""
    _app()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for m in maps:
        path = out_dir / f"{_slug(m.title)}.{fmt}"
        if fmt == "png":
            img, _ = render_image(m, int(8.27 * dpi), int(11.69 * dpi))
            img.save(str(path))
        else:
            writer = QPdfWriter(str(path))
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                             QMarginsF(0, 0, 0, 0)))
            writer.setResolution(dpi)
            writer.setTitle(m.title)
            painter = QPainter(writer)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = writer.pageLayout().paintRectPixels(dpi)
            paint_team_map(painter, m, rect.width(), rect.height())
            painter.end()
        written.append(path)
    return written
