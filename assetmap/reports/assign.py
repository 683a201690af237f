"""Which unit each point falls in, on coordinate arrays (no shapely Point per report).

Border rule: a point is counted in the first unit, in the given unit order (sorted by
unit id), whose polygon *covers* it (interior or boundary). So a point on a shared
border goes to exactly one unit, the one with the smallest id, and a point on the outer
boundary of the study area is inside, never lost.

Speed: points are sorted by x once; each unit looks only at the x-slice of its bounding
box (binary search), then its y-range, then a prepared-polygon ``intersects_xy`` test on
the survivors still unassigned. A million points over 88 neighbourhoods takes a fraction
of a second, against seconds for building a million Point objects and a spatial join.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.tasks import TaskContext


def assign_units(x: "np.ndarray", y: "np.ndarray", geometries, ctx: "TaskContext | None" = None
                 ) -> "np.ndarray":
    """Index into ``geometries`` of the unit covering each point, -1 outside all (or NaN)."""
    import numpy as np
    import shapely

    n = len(x)
    result = np.full(n, -1, dtype=np.int64)
    finite = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
    order = finite[np.argsort(x[finite])]  # ties in x may come in any order: each point is tested alone
    xs, ys = x[order], y[order]
    unit_sorted = np.full(len(order), -1, dtype=np.int64)
    geoms = np.asarray(geometries, dtype=object)
    bounds = shapely.bounds(geoms)
    for i, geom in enumerate(geoms):
        if ctx is not None and i % 16 == 0:
            ctx.progress(0.3 + 0.5 * i / max(1, len(geoms)), "Counting reports per unit")
        if geom is None or shapely.is_empty(geom):
            continue
        minx, miny, maxx, maxy = bounds[i]
        lo, hi = np.searchsorted(xs, minx, side="left"), np.searchsorted(xs, maxx, side="right")
        if hi <= lo:
            continue
        ys_slice = ys[lo:hi]
        cand = np.flatnonzero((ys_slice >= miny) & (ys_slice <= maxy) & (unit_sorted[lo:hi] < 0))
        if len(cand) == 0:
            continue
        shapely.prepare(geom)
        inside = shapely.intersects_xy(geom, xs[lo + cand], ys_slice[cand])
        unit_sorted[lo + cand[inside]] = i
    result[order] = unit_sorted
    return result
