"""One suppression policy per project.

The small-count threshold is a project setting (``suppression_threshold``, default 10: the
CMS cell-size rule), not an option of each command: two layers of the same reports withheld
at two thresholds give each other's withheld counts away (issue 17: with 5 and 10, a linear
program recovered 81 withheld DV counts). Lowering it below 10 is refused; lowering it while
layers are published at a higher one is refused (they can't be re-derived without the report
files, which are never kept); raising it re-derives every published count layer from what it
published, in one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.reports.suppress import DEFAULT_THRESHOLD

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

KEY = "suppression_threshold"
FLOOR = DEFAULT_THRESHOLD


def project_threshold(project: "Project") -> int:
    value = project.meta(KEY)
    try:
        return max(FLOOR, int(value)) if value else FLOOR
    except ValueError:
        return FLOOR


def threshold_for(project: "Project", min_count: int | None = None) -> int:
    """The threshold a new layer is made with: the project's. A different one is refused."""
    t = project_threshold(project)
    if min_count is not None and int(min_count) != t:
        raise UserError(f"This project withholds counts 1–{t}; a layer can't use {min_count}.",
                        f"One threshold per project keeps layers of the same reports from revealing each "
                        f"other. Change it for the whole project with: assetmap suppression PROJECT N (N >= {FLOOR}).")
    return t


def _published(project) -> list:
    from assetmap.layers.roles import LayerRole

    return [i for i in project.layers_by_role(LayerRole.AGGREGATE) if (i.extra or {}).get("reports")]


def set_threshold(project: "Project", threshold: int) -> list[str]:
    """Set the project's threshold; returns the layers re-derived."""
    from assetmap.layers.sensitivity import lineage_names

    threshold = int(threshold)
    if threshold < FLOOR:
        raise UserError(f"A threshold of {threshold} is too low: counts 1–{FLOOR} identify people.",
                        f"Use {FLOOR} or more.")
    current = project_threshold(project)
    layers = _published(project)
    if threshold == current:
        return []
    if threshold < current:
        higher = [i.name for i in layers if int(i.extra["reports"].get("threshold", FLOOR)) > threshold]
        if higher:
            raise UserError(f"Layers published withholding 1–{current} can't be lowered to {threshold}: "
                            f"{', '.join(higher)}.",
                            "The report files are never kept, so they can't be counted again. Remove those "
                            "layers, lower the threshold and import the reports again.")
        project.set_meta(KEY, str(threshold))
        return []
    counts = [i for i in layers if i.extra["reports"].get("measure") != "density"]
    blocked = [i.name for i in layers if i not in counts]
    names = {i.name for i in counts}
    blocked += [i.name for i in project.layers() if set(lineage_names(i.extra)) & names]
    if blocked:
        raise UserError(f"Raising the threshold would leave layers made from the old counts: "
                        f"{', '.join(sorted(set(blocked)))}.",
                        "Remove them (assetmap layers / the Layers panel), raise the threshold, and make "
                        "them again; nothing was changed.")
    remade = [(info, rederive(project.read_layer(info.name), info, threshold)) for info in counts]
    with project.edit() as tx:
        for info, (gdf, new_info) in remade:
            tx.write_layer(gdf, new_info, replace=True)
        tx.set_meta(KEY, str(threshold))
    return [i.name for i, _ in remade]


def rederive(gdf, info, threshold: int):
    """A count layer as it would be published at a higher threshold, from what it published."""
    import numpy as np
    import pandas as pd

    from assetmap.reports.suppress import resuppress

    meta = dict(info.extra["reports"])
    unit = meta["unit_field"]
    periods = meta.get("periods") or []
    cols = periods + (["all"] if periods else [])
    gdf = gdf.copy()
    label = gdf["period"].astype(str) if periods else pd.Series(["all"] * len(gdf), index=gdf.index)
    units = sorted(set(gdf[unit]))
    ui = {u: i for i, u in enumerate(units)}
    ci = {c: j for j, c in enumerate(cols or ["all"])}
    table = np.zeros((len(units), len(ci)), dtype=np.int64)
    held = np.zeros(table.shape, bool)
    rows_at = {}
    for idx, u, c, n, s in zip(gdf.index, gdf[unit], label, gdf["count"], gdf["suppressed"]):
        i, j = ui[u], ci[c]
        rows_at[(i, j)] = idx
        held[i, j] = bool(s)
        table[i, j] = 0 if bool(s) or pd.isna(n) else int(n)
    p = len(periods) or 1
    cells, cheld = table[:, :p], held[:, :p]
    utot, uheld = (table[:, p], held[:, p]) if periods else (table[:, 0], held[:, 0])
    ptot = np.array([meta["period_totals"].get(q) or 0 for q in periods] if periods else [meta.get("total") or 0])
    pheld = np.array([meta["period_totals"].get(q) is None for q in periods] if periods
                     else [meta.get("total") is None])
    grand, gheld = int(meta.get("total") or 0), meta.get("total") is None
    sup = resuppress(cells, cheld, utot, uheld, ptot, pheld, grand, gheld, threshold)
    new_held = np.column_stack([sup.cells, sup.unit_totals]) if periods else sup.cells
    for (i, j), idx in rows_at.items():
        if new_held[i, j]:
            gdf.loc[idx, "count"] = pd.NA
            gdf.loc[idx, "suppressed"] = True
            if "rate_per_1000" in gdf.columns:
                gdf.loc[idx, "rate_per_1000"] = np.nan
    meta["threshold"] = threshold
    if periods:
        meta["period_totals"] = {q: (None if sup.period_totals[j] else meta["period_totals"].get(q))
                                 for j, q in enumerate(periods)}
    meta["total"] = None if sup.grand_total else meta.get("total")
    for key in ("outside", "no_coordinates", "no_date"):
        v = meta.get(key)
        if isinstance(v, str) or (isinstance(v, int) and 1 <= v <= threshold):
            meta[key] = f"1–{threshold}"
    from dataclasses import replace

    style = dict(info.style or {})
    if style.get("suppressed_label", "").startswith("1–"):
        style["suppressed_label"] = f"1–{threshold}"
    return gdf, replace(info, extra=dict(info.extra, reports=meta), style=style)
