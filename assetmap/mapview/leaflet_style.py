"""A layer ``Style`` → the small spec the page's JavaScript applies per feature, and the
legend entries that go with it (the page and the PNG/PDF export draw the same legend)."""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.layers.style import OKABE_ITO, Style, ramp_colors
from assetmap.mapview.words import word

if TYPE_CHECKING:
    import pandas as pd

MAX_CATEGORIES = 12


def _fmt(v: float) -> str:
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def resolve(style: Style, frame: "pd.DataFrame | None") -> Style:
    """Fill in breaks (graduated) or the category → colour table (categorized) from data."""
    style = Style.from_dict(style.to_dict()).validate()
    if style.kind == "single" or frame is None:
        return style
    if style.field not in frame.columns:
        raise UserError(f"The layer has no field '{style.field}'.",
                        f"Fields: {', '.join(str(c) for c in frame.columns if c != 'geometry')}.")
    from assetmap.privacy import public_features

    # Classes and categories come from what may be shown: a confidential feature's value (e.g. a
    # "shelter" category) must not appear in the legend of a map that doesn't draw it.
    shown = public_features(frame)
    col = shown[style.field]
    if style.kind == "graduated":
        import pandas as pd

        nums = pd.to_numeric(col, errors="coerce")
        if nums.notna().sum() == 0:
            raise UserError(f"Field '{style.field}' has no numbers to classify.",
                            "Use a categorized style for text fields.")
        from assetmap.layers.breaks import graduated_breaks

        style.breaks = graduated_breaks(style, nums.dropna().tolist())
        missing = nums.isna()
        if "suppressed" in frame.columns:  # a withheld count is not missing: it has its own entry
            missing &= ~shown["suppressed"].fillna(False).astype(bool)
        style._has_missing = bool(missing.any())
    else:
        values = sorted({str(v) for v in col.dropna().tolist()})
        colours = (OKABE_ITO if len(values) <= len(OKABE_ITO)
                   else ramp_colors(style.ramp, min(len(values), MAX_CATEGORIES)))
        table = {}
        for i, v in enumerate(values[:MAX_CATEGORIES]):
            table[v] = style.categories.get(v) or colours[i % len(colours)]
        style.categories = table
    return style


def leaflet_style(style: Style, frame: "pd.DataFrame | None" = None) -> dict[str, Any]:
    """The spec ``assetmap.setLayer`` takes (see resources/js/assetmap_map.js)."""
    s = resolve(style, frame)
    spec: dict[str, Any] = {
        "kind": s.kind, "color": s.color, "stroke": s.stroke, "weight": s.weight,
        "fillOpacity": s.fill_opacity, "field": s.field, "radius": s.point_size,
        "symbol": s.symbol, "other": s.other_color,
    }
    if s.kind == "graduated":
        spec["breaks"] = s.breaks
        spec["colors"] = ramp_colors(s.ramp, len(s.breaks))
        if s.suppressed_label:
            spec["suppressedLabel"] = s.suppressed_label
            spec["suppressedFill"] = s.suppressed_fill or "hatch"
    elif s.kind == "categorized":
        spec["categories"] = s.categories
        spec["symbols"] = s.symbols
    spec["legend"] = legend_entries(s, spec)
    return spec


def legend_entries(style: Style, spec: dict[str, Any] | None = None) -> list[dict[str, str]]:
    """[{label, color, symbol}] in display order; ``style`` must be resolved."""
    if style.kind == "single":
        return [{"label": "", "color": style.color, "symbol": style.symbol}]
    if style.kind == "graduated":
        colors = (spec or {}).get("colors") or ramp_colors(style.ramp, len(style.breaks))
        out, lo = [], None
        for b, c in zip(style.breaks, colors):
            label = f"≤ {_fmt(b)}" if lo is None else f"{_fmt(lo)} – {_fmt(b)}"
            out.append({"label": label, "color": c, "symbol": style.symbol})
            lo = b
        if style.suppressed_label:
            # Suppressed units are NULL: they are shown as withheld 1–10, never as "no data" or 0.
            out.append({"label": style.suppressed_label, "color": style.other_color,
                        "symbol": style.symbol, "fill": style.suppressed_fill or "hatch"})
        if getattr(style, "_has_missing", False):
            # Units with no value that are not withheld (a rate where nobody lives): plain, unhatched.
            out.append({"label": word("no data"), "color": style.other_color, "symbol": style.symbol})
        return out
    out = [{"label": v, "color": c, "symbol": style.symbols.get(v, style.symbol)}
           for v, c in style.categories.items()]
    out.append({"label": word("other"), "color": style.other_color, "symbol": style.symbol})
    return out
