"""Printable map (PNG or PDF) drawn with QPainter: title, map, legend, scale bar, north
arrow, date and data sources. No web engine needed, so it works headless
(QT_QPA_PLATFORM=offscreen) and from a worker thread (QImage/QPdfWriter only)."""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPainterPath,
                           QPdfWriter, QPen, QPolygonF)

from assetmap.errors import UserError
from assetmap.mapview.classify import class_index
from assetmap.mapview.export import attribution_text, drawable_layers, pick_layers
from assetmap.mapview.geojson import display_frame
from assetmap.mapview.layers import LayerCache
from assetmap.mapview.report_styles import visible_rows
from assetmap.tasks import TaskContext, ensure

MERCATOR_R = 6378137.0


def _merc(lon, lat):
    import numpy as np

    x = np.radians(lon) * MERCATOR_R
    y = np.log(np.tan(np.pi / 4 + np.radians(np.clip(lat, -85, 85)) / 2)) * MERCATOR_R
    return x, y


def feature_colors(frame, spec) -> list[str]:
    """Fill colour per feature, computed as the page's script does."""
    kind = spec["kind"]
    if kind == "graduated":
        col = frame[spec["field"]]
        out = []
        for v in col.tolist():
            i = class_index(v, spec["breaks"])
            out.append(spec["other"] if i < 0 else spec["colors"][i])
        return out
    if kind == "categorized":
        cats = spec["categories"]
        return [cats.get(str(v), spec["other"]) if v is not None else spec["other"]
                for v in frame[spec["field"]].tolist()]
    return [spec["color"]] * len(frame)


def feature_symbols(frame, spec) -> list[str]:
    """Point symbol per feature, as the page's script picks it (a category's own, else the layer's)."""
    symbols = spec.get("symbols") or {}
    if spec["kind"] != "categorized" or not symbols:
        return [spec.get("symbol") or "circle"] * len(frame)
    return [symbols.get(str(v), spec.get("symbol") or "circle") for v in frame[spec["field"]].tolist()]


def symbol_path(x: float, y: float, r: float, symbol: str) -> QPainterPath:
    """The shapes of SymbolMarker in resources/js/assetmap_map.js, centred on (x, y)."""
    path = QPainterPath()
    if symbol == "square":
        path.addRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif symbol == "triangle":
        path.addPolygon(QPolygonF([QPointF(x, y - 1.2 * r), QPointF(x + r, y + 0.8 * r), QPointF(x - r, y + 0.8 * r)]))
        path.closeSubpath()
    elif symbol == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - 1.3 * r), QPointF(x + r, y), QPointF(x, y + 1.3 * r),
                                   QPointF(x - r, y)]))
        path.closeSubpath()
    else:
        path.addEllipse(QPointF(x, y), r, r)
    return path


def _is_point_layer(frame) -> bool:
    return len(frame) > 0 and bool(frame.geometry.geom_type.isin(["Point", "MultiPoint"]).all())


def _nice(x: float) -> float:
    p = 10 ** math.floor(math.log10(x))
    for m in (5, 2, 1):
        if m * p <= x:
            return m * p
    return p


class _Layout:
    """Where the title, map, legend and footer go; the legend's width and the footer's height
    come from what they hold, so no text runs off the sheet."""

    def __init__(self, w: float, h: float, dpi: float, legend_w: float | None = None, footer_text_h: float = 0.0):
        self.w, self.h, self.dpi = w, h, dpi
        self.pt = dpi / 72.0                       # one typographic point in device pixels
        m = 0.35 * dpi
        self.margin = m
        self.title = QRectF(m, m, w - 2 * m, 26 * self.pt)
        self.col_w = min(2.6 * dpi, w * 0.3)
        self.legend_w = self.col_w if legend_w is None else legend_w
        top = self.title.bottom() + 6 * self.pt
        self.footer_h = 24 * self.pt + footer_text_h   # scale bar, then the date and sources
        self.map = QRectF(m, top, w - 2 * m - self.legend_w - 10 * self.pt, h - top - m - self.footer_h)
        self.legend = QRectF(self.map.right() + 10 * self.pt, top, self.legend_w, self.map.height())


def _font(px_pt: float, size: float, bold: bool = False) -> QFont:
    f = QFont("DejaVu Sans")
    f.setPixelSize(max(1, round(size * px_pt)))
    f.setBold(bold)
    return f


def render(painter: QPainter, project, infos, title: str, w: float, h: float, dpi: float,
           ctx: TaskContext | None = None, new_page=None) -> dict:
    """Draw the whole sheet; returns where things went (tests check the legend and title).

    ``new_page()`` (a PDF) starts another page: a legend that does not fit beside the map
    continues on a legend sheet. Without it (a PNG) the layers left out of the legend are named.
    """
    ctx = ensure(ctx)
    lay = _Layout(w, h, dpi)
    cache = LayerCache(project, audience="share")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
    _title(painter, lay, title)

    frames, specs = [], []
    for i, info in enumerate(infos):
        ctx.progress(0.1 + 0.4 * i / len(infos), f"Preparing {info.display_name}")
        # An aggregate layer draws the rows of the period it shows, not every period on top.
        frames.append(display_frame(visible_rows(info, cache.frame(info.name)), simplify=0))
        specs.append(cache.spec(info))
    from assetmap.ui.map_export_legend import Block, draw_columns, plan_legend

    blocks = [Block(info, spec, _is_point_layer(f)) for info, spec, f in zip(infos, specs, frames)]
    pt = dpi / 72.0
    attribution = attribution_text(project, infos)
    date = _dt.date.today().isoformat()
    foot_text = f"Made with assetmap on {date}. Sources: {attribution or 'not recorded'}"
    foot_font, foot_h = _fit_footer(painter, foot_text, w - 2 * lay.margin, pt)
    lay = _Layout(w, h, dpi, footer_text_h=foot_h)
    gap, header = 8 * pt, 20 * pt
    # A second legend column only while the map keeps over half the sheet (not on A4 portrait).
    usable = w - 2 * lay.margin
    max_columns = 2 if usable - 2 * lay.col_w - 10 * pt >= 0.55 * usable else 1
    plan = plan_legend(painter, blocks, lay.col_w, lay.legend.height(), pt, gap, header, max_columns)
    lay = _Layout(w, h, dpi, legend_w=plan.width, footer_text_h=foot_h)
    bounds = cache.drawable_bounds([i.name for i in infos])
    if bounds is None:
        raise UserError("The chosen layers have no features to draw.", "Choose other layers with --layers.")
    (s, wl), (n, e) = bounds
    (x0, x1), (y0, y1) = _merc([wl, e], [s, n])
    span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    k = min(lay.map.width() / span_x, lay.map.height() / span_y) * 0.95
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    mx, my = lay.map.center().x(), lay.map.center().y()

    def to_px(xs, ys):
        return mx + (xs - cx) * k, my - (ys - cy) * k

    painter.save()
    painter.setClipRect(lay.map)
    painter.fillRect(lay.map, QColor("#f4f4f1"))
    import shapely

    for i in reversed(range(len(infos))):  # bottom layer first
        ctx.progress(0.5 + 0.4 * (len(infos) - i) / len(infos), f"Drawing {infos[i].display_name}")
        frame, spec, info = frames[i], specs[i], infos[i]
        colors = feature_colors(frame, spec)
        symbols = feature_symbols(frame, spec)
        painter.setOpacity(info.opacity)
        pen = QPen(QColor(spec["stroke"]))
        pen.setWidthF(max(0.5, spec["weight"] * lay.pt * 0.75))
        # Withheld (1–10) units are hatched as on the page, never a flat class colour.
        hatched = (frame["suppressed"].fillna(False).astype(bool).tolist()
                   if spec.get("suppressedLabel") and "suppressed" in frame.columns else [False] * len(frame))
        for geom, color, hatch, symbol in zip(frame.geometry.values, colors, hatched, symbols):
            fill = QColor(color)
            fill.setAlphaF(spec["fillOpacity"])
            painter.setBrush(QBrush(fill))
            gt = geom.geom_type
            if gt in ("Point", "MultiPoint"):
                painter.setPen(QPen(QColor("#222222"), lay.pt * 0.5))
                r = spec["radius"] * lay.pt * 0.75
                for p in shapely.get_parts(geom):
                    px, py = to_px(*_merc(p.x, p.y))
                    painter.drawPath(symbol_path(px, py, r, symbol))
                continue
            painter.setPen(pen)
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for part in shapely.get_parts(geom):
                rings = ([part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part])
                for ring in rings:
                    xy = shapely.get_coordinates(ring)
                    px, py = to_px(*_merc(xy[:, 0], xy[:, 1]))
                    poly = QPolygonF([QPointF(a, b) for a, b in zip(px, py)])
                    if part.geom_type == "Polygon":
                        path.addPolygon(poly)
                        path.closeSubpath()
                    else:
                        path.addPolygon(poly)
            if "Polygon" not in gt:
                painter.setBrush(Qt.BrushStyle.NoBrush)
            elif hatch:
                painter.setBrush(QColor("#ffffff"))
                painter.drawPath(path)
                painter.setBrush(QBrush(QColor("#555555"), Qt.BrushStyle.BDiagPattern))
            painter.drawPath(path)
    painter.setOpacity(1.0)
    painter.restore()
    painter.setPen(QPen(QColor("#555555"), lay.pt * 0.75))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(lay.map)

    _north_arrow(painter, lay)
    _scale_bar(painter, lay, k, (s + n) / 2)
    painter.setPen(QColor("#111111"))
    painter.setFont(_font(pt, 11, bold=True))
    painter.drawText(QRectF(lay.legend.left(), lay.legend.top(), lay.legend.width(), 16 * pt),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "Legend")
    legend_labels = draw_columns(painter, plan.placed, lay.legend.left(), lay.legend.top() + header, plan.col_width,
                                 pt * plan.scale, gap)
    rest = plan.overflow
    if rest and new_page is None:  # a PNG has one page: say what is left out rather than overflow
        note = f"+ {len(rest)} more layer(s) in the PDF legend: " + ", ".join(b.info.display_name for b in rest)
        painter.setFont(_font(pt * plan.scale, 8))
        painter.setPen(QColor("#7a2a00"))
        box = QRectF(lay.legend.left(), lay.legend.bottom() - 40 * pt, lay.legend.width() - gap, 40 * pt)
        painter.fillRect(box, QColor("white"))
        painter.drawText(box, _ELIDE_WRAP, _elide_lines(painter, note, box))
        legend_labels.append(note)
    painter.setPen(QColor("#333333"))
    painter.setFont(foot_font)
    foot = QRectF(lay.margin, lay.map.bottom() + 24 * pt, w - 2 * lay.margin, foot_h)
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, _elide_lines(painter, foot_text, foot))
    pages = 1
    while rest and new_page is not None:
        new_page()
        pages += 1
        painter.fillRect(QRectF(0, 0, w, h), QColor("white"))
        _title(painter, lay, f"{title}: legend (continued)")
        top = lay.title.bottom() + 10 * pt
        columns = max(1, int((w - 2 * lay.margin) // lay.col_w))
        from assetmap.ui.map_export_legend import fill_columns

        size = pt  # a legend sheet has room: full-size type
        placed, left_over = fill_columns(painter, rest, columns, lay.col_w, h - top - lay.margin, size, gap)
        if left_over == rest:  # a single block taller than the page: smaller type, not an endless loop
            size = pt * 0.5
            placed, left_over = fill_columns(painter, rest, columns, lay.col_w, h - top - lay.margin, size, gap)
            if left_over == rest:
                break
        legend_labels += draw_columns(painter, placed, lay.margin, top, lay.col_w, size, gap)
        rest = left_over
    ctx.progress(1.0, "Done")
    return {"title": title, "legend": legend_labels, "date": date, "attribution": attribution, "pages": pages}


_ELIDE_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


def _title(painter: QPainter, lay: "_Layout", title: str) -> None:
    """One line: smaller type for a long title, then an ellipsis; never past the margin."""
    from PySide6.QtGui import QFontMetricsF

    painter.setPen(QColor("#111111"))
    size = 18.0
    while True:
        font = _font(lay.pt, size, bold=True)
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(title) <= lay.title.width() or size <= 11:
            break
        size -= 1
    painter.setFont(font)
    text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, lay.title.width())
    painter.drawText(lay.title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _fit_footer(painter: QPainter, text: str, width: float, pt: float):
    """The footer's font and height: 8 pt, or 7 pt when long; at most four lines."""
    from PySide6.QtGui import QFontMetricsF

    for size in (8, 7):
        font = _font(pt, size)
        painter.setFont(font)
        rect = painter.boundingRect(QRectF(0, 0, width, 1e6), _ELIDE_WRAP, text)
        line = QFontMetricsF(font).lineSpacing()
        if rect.height() <= 3 * line + 1:
            return font, rect.height() + 2 * pt
    return font, min(rect.height(), 4 * line) + 2 * pt


def _elide_lines(painter: QPainter, text: str, box: QRectF) -> str:
    """``text`` cut (with an ellipsis) so that wrapped it fits ``box``."""
    if painter.boundingRect(QRectF(box.left(), box.top(), box.width(), 1e6), _ELIDE_WRAP, text).height() <= box.height() + 0.5:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        candidate = text[:mid].rstrip() + "…"
        if painter.boundingRect(QRectF(box.left(), box.top(), box.width(), 1e6), _ELIDE_WRAP,
                                candidate).height() <= box.height() + 0.5:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def _north_arrow(painter: QPainter, lay: _Layout) -> None:
    size = 22 * lay.pt
    x, y = lay.map.right() - size - 8 * lay.pt, lay.map.top() + 8 * lay.pt
    tri = QPolygonF([QPointF(x + size / 2, y), QPointF(x + size, y + size * 1.1),
                     QPointF(x + size / 2, y + size * 0.8), QPointF(x, y + size * 1.1)])
    painter.setPen(QPen(QColor("#111111"), lay.pt * 0.75))
    painter.setBrush(QColor("#111111"))
    painter.drawPolygon(tri)
    painter.setFont(_font(lay.pt, 10, bold=True))
    painter.drawText(QRectF(x, y + size * 1.1, size, 14 * lay.pt), Qt.AlignmentFlag.AlignCenter, "N")


def _scale_bar(painter: QPainter, lay: _Layout, k: float, lat: float) -> None:
    # Web Mercator stretches by 1/cos(lat): ground metres per device pixel here.
    m_per_px = math.cos(math.radians(lat)) / k
    if not (math.isfinite(m_per_px) and m_per_px > 0):
        return  # an extent beyond the poles (a layer in a wrong CRS): no true scale to draw
    target_px = lay.map.width() / 5
    metres = _nice(target_px * m_per_px)
    miles = _nice(target_px * m_per_px / 1609.344)
    x, y = lay.map.left(), lay.map.bottom() + 6 * lay.pt
    painter.setFont(_font(lay.pt, 8))
    painter.setPen(QPen(QColor("#111111"), lay.pt))
    for i, (length, label) in enumerate([(metres / m_per_px, f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"),
                                         (miles * 1609.344 / m_per_px, f"{miles:g} mi")]):
        yy = y + i * 8 * lay.pt
        painter.drawLine(QPointF(x, yy), QPointF(x + length, yy))
        painter.drawLine(QPointF(x + length, yy - 2 * lay.pt), QPointF(x + length, yy + 2 * lay.pt))
        painter.drawText(QPointF(x + length + 4 * lay.pt, yy + 3 * lay.pt), label)


def export_image(project, out: str | Path, layers: list[str] | None = None, title: str | None = None,
                 width_in: float = 11.0, height_in: float = 8.5, dpi: int = 150,
                 ctx: TaskContext | None = None, on_note=None) -> Path:
    """Write a PNG or PDF sheet of the map; layers: names or None for the visible ones
    (``on_note(text)`` hears of layers left out, see ``mapview.export.drawable_layers``)."""
    out = Path(out)
    infos = drawable_layers(LayerCache(project, audience="share"), pick_layers(project, layers), bool(layers),
                            on_note)
    if not infos:
        raise UserError("There is no layer to put on the map.", "Import a layer, or name layers with --layers.")
    title = project.title if title is None else title
    suffix = out.suffix.lower()
    tmp = out.with_name(out.stem + ".part" + out.suffix)
    try:
        _write(tmp, suffix, project, infos, title, width_in, height_in, dpi, ctx, out)
    except BaseException:
        tmp.unlink(missing_ok=True)  # Cancel or failure leaves no half-written file
        raise
    tmp.replace(out)
    return out


def _write(tmp, suffix, project, infos, title, width_in, height_in, dpi, ctx, out) -> None:
    if suffix == ".png":
        img = QImage(round(width_in * dpi), round(height_in * dpi), QImage.Format.Format_ARGB32)
        img.setDotsPerMeterX(round(dpi / 0.0254))
        img.setDotsPerMeterY(round(dpi / 0.0254))
        painter = QPainter(img)
        try:
            render(painter, project, infos, title, img.width(), img.height(), dpi, ctx)
        finally:
            painter.end()
        if not img.save(str(tmp), "PNG"):
            raise UserError(f"Could not write {out}.", "Check that the folder exists and is writable.")
    elif suffix == ".pdf":
        writer = QPdfWriter(str(tmp))
        writer.setResolution(dpi)
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(width_in, height_in), QPageSize.Unit.Inch),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(title)
        writer.setCreator("assetmap")
        painter = QPainter(writer)
        try:
            render(painter, project, infos, title, writer.width(), writer.height(), dpi, ctx, new_page=writer.newPage)
        finally:
            painter.end()
    else:
        raise UserError(f"Can't export a map as '{out.suffix}'.", "Use .png, .pdf or .html.")
