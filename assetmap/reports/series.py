"""Per-period data of an aggregate layer for the map window: the time slider's steps and
a unit's trend for the identify popup. Reads stored aggregates only; a withheld cell stays
None (drawn "1–N"), never 0."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


def periods(project: "Project", layer: str) -> list[str]:
    """The layer's periods in time order (without 'all'); [] for a layer without periods."""
    meta = (project.layer(layer).extra or {}).get("reports") or {}
    return list(meta.get("periods") or [])


def unit_trend(project: "Project", layer: str, unit: Any) -> list[tuple[str, int | None]]:
    """(period, count or None when suppressed) for one unit, in time order."""
    from assetmap.errors import UserError

    meta = (project.layer(layer).extra or {}).get("reports") or {}
    order = periods(project, layer)
    if not order:
        return []
    field = meta["unit_field"]
    gdf = project.read_layer(layer, columns=[field, "period", "count", "suppressed"], read_geometry=False)
    import pandas as pd

    col = gdf[field]
    if pd.api.types.is_numeric_dtype(col.dtype):
        try:
            rows = gdf.loc[col == float(unit)]
        except (TypeError, ValueError):
            rows = gdf.iloc[0:0]
    else:
        rows = gdf.loc[col.astype(str) == str(unit)]
    if rows.empty:
        raise UserError(f"'{layer}' has no unit '{unit}'.", f"Give a value of its field '{field}'.")
    by = {r.period: (None if r.suppressed else int(r.count)) for r in rows.itertuples()}
    return [(p, by.get(p)) for p in order]
