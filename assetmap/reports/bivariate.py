"""Bivariate 3x3 classification of two aggregate layers on the same units.

Classes are tertiles of each layer's published values over the units where both are
known; a unit suppressed in either layer gets no class (drawn hatched, "1–N"), so the
map never hints at a hidden value. Correlations (Pearson, Spearman) use the same units.

The palette is built the way bivariate palettes are (multiply-blending two ramps) from
the Okabe–Ito blue and orange, the hue pair that stays distinct with red-green colour
blindness; the low/low corner is light grey and the high/high corner dark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

_RAMP_A = ("#F0F0F0", "#F3C771", "#E69F00")   # orange: layer A (x axis)
_RAMP_B = ("#F0F0F0", "#7FB9DA", "#0072B2")   # blue: layer B (y axis)
SUPPRESSED_COLOR = "#BDBDBD"


def _hex(c: str) -> tuple[float, float, float]:
    return tuple(int(c[i:i + 2], 16) / 255 for i in (1, 3, 5))


def palette() -> list[list[str]]:
    """palette()[i][j]: colour for layer A class i (0 low..2 high) and layer B class j."""
    out = []
    for a in _RAMP_A:
        row = []
        for b in _RAMP_B:
            ra, rb = _hex(a), _hex(b)
            row.append("#" + "".join(f"{round(x * y * 255):02X}" for x, y in zip(ra, rb)))
        out.append(row)
    return out


@dataclass
class Bivariate:
    unit_field: str
    units: list[Any]
    class_a: list[int | None]      # 0..2 or None (suppressed in either layer)
    class_b: list[int | None]
    colors: list[str]
    breaks_a: list[float]          # tertile breaks (low|mid, mid|high)
    breaks_b: list[float]
    pearson: float | None
    spearman: float | None
    n: int                         # units used for breaks and correlation
    legend: list[dict] = field(default_factory=list)
    geometry: Any = None           # GeoSeries of the units, for drawing


def _classes(values, mask):
    import numpy as np

    breaks = np.quantile(values[mask], [1 / 3, 2 / 3]) if mask.any() else np.array([0.0, 0.0])
    cls = np.searchsorted(breaks, values, side="left")  # a value equal to a break is in the lower class
    return np.clip(cls, 0, 2), [float(b) for b in breaks]


def bivariate(project: "Project", layer_a: str, layer_b: str, *, period: str | None = None) -> Bivariate:
    import numpy as np
    from scipy import stats

    from assetmap.reports.hotspots import aggregate_frame

    a, meta_a = aggregate_frame(project, layer_a, period)
    b, meta_b = aggregate_frame(project, layer_b, period)
    unit = meta_a["unit_field"]
    if meta_a.get("units") != meta_b.get("units") or unit != meta_b["unit_field"]:
        raise UserError(f"'{layer_a}' and '{layer_b}' are not on the same units "
                        f"({meta_a.get('units')} vs {meta_b.get('units')}).",
                        "Aggregate both report files over the same areas (or hexagon resolution).")
    field_a = "rate_per_1000" if "rate_per_1000" in a.columns and "rate_per_1000" in b.columns else "count"
    m = a[[unit, field_a, "suppressed", "geometry"]].merge(
        b[[unit, field_a, "suppressed"]], on=unit, suffixes=("_a", "_b"))
    va = m[f"{field_a}_a"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    vb = m[f"{field_a}_b"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    known = np.isfinite(va) & np.isfinite(vb) & ~m["suppressed_a"].astype(bool).to_numpy() \
        & ~m["suppressed_b"].astype(bool).to_numpy()
    ca, breaks_a = _classes(np.nan_to_num(va), known)
    cb, breaks_b = _classes(np.nan_to_num(vb), known)
    pal = palette()
    colors = [pal[i][j] if k else SUPPRESSED_COLOR for i, j, k in zip(ca, cb, known)]
    pearson = spearman = None
    if known.sum() >= 3 and np.std(va[known]) > 0 and np.std(vb[known]) > 0:
        pearson = float(stats.pearsonr(va[known], vb[known])[0])
        spearman = float(stats.spearmanr(va[known], vb[known])[0])
    names = ("low", "middle", "high")
    legend = [{"class_a": i, "class_b": j, "color": pal[i][j],
               "label": f"{layer_a} {names[i]}, {layer_b} {names[j]}",
               "units": int(((ca == i) & (cb == j) & known).sum())}
              for j in (2, 1, 0) for i in (0, 1, 2)]  # top row = high B, as drawn
    return Bivariate(unit_field=unit, units=m[unit].tolist(),
                     class_a=[int(c) if k else None for c, k in zip(ca, known)],
                     class_b=[int(c) if k else None for c, k in zip(cb, known)],
                     colors=colors, breaks_a=breaks_a, breaks_b=breaks_b, pearson=pearson,
                     spearman=spearman, n=int(known.sum()), legend=legend, geometry=m.geometry)
