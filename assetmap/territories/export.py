"""Write a plan out: a GeoPackage with ``territories`` (one dissolved feature per
team) and ``assignments`` (every unit with its id and ``team``), plus a CSV.

Both files are written beside the target under a temporary name and moved into
place only when complete, so a failure never leaves half a file behind.
Confidential features are filtered with ``assetmap.privacy.public_features``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project
    from assetmap.territories.model import PlanModel


def plan_frames(model: "PlanModel"):
    """(territories, assignments) GeoDataFrames in the project CRS."""
    import geopandas as gpd
    import shapely

    from assetmap.privacy import public_features
    from assetmap.territories.statistics import EXPORT, plan_statistics

    units = model.units
    teams = {t.team: t for t in model.teams}
    unit_frame = gpd.GeoDataFrame(
        {"unit_id": units.ids,
         "name": [units.names.get(u, "") for u in units.ids],
         "team_number": [model.team_of(u) + 1 if model.team_of(u) is not None else None for u in units.ids],
         "team": [teams[model.team_of(u)].name if model.team_of(u) is not None else None for u in units.ids]},
        geometry=list(units.geoms), crs=units.crs)
    for f in model.fields:
        unit_frame[f] = [units.values[f][u] for u in units.ids]
    unit_frame = public_features(unit_frame)
    stats = {t.team: t for t in model.stats().teams}
    shown = plan_statistics(EXPORT, model.fields, workload_last=True)
    rows, geoms = [], []
    for t in model.teams:
        part = unit_frame[unit_frame.team_number == t.team + 1]
        if part.empty:
            continue
        s = stats[t.team]
        row = {"team_number": t.team + 1, "team": t.name, "colour": t.colour, "locked": t.locked}
        row.update({st.key: st.rounded(st.of(s)) for st in shown})
        rows.append(row)
        geoms.append(shapely.union_all(shapely.make_valid(part.geometry.values)))
    territories = gpd.GeoDataFrame(rows, geometry=geoms, crs=units.crs)
    return territories, unit_frame


def export_plan(model: "PlanModel", out: str | os.PathLike, overwrite: bool = False,
                ctx: TaskContext | None = None) -> tuple[Path, Path]:
    import pyogrio

    ctx = ensure(ctx)
    out = Path(out)
    if out.suffix.lower() != ".gpkg":
        raise UserError(f"{out}: the export must be a .gpkg file.", f"Try {out.with_suffix('.gpkg')}.")
    csv = out.with_suffix(".csv")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.", "Create it first, or choose another place.")
    for p in (out, csv):
        if p.exists() and not overwrite:
            raise UserError(f"{p} already exists.", "Choose another name, or add --overwrite.")
    ctx.progress(0.1, "Dissolving territories")
    territories, assignments = plan_frames(model)
    tmp_gpkg = out.with_name(f".{out.name}.tmp-{os.getpid()}.gpkg")
    tmp_csv = csv.with_name(f".{csv.name}.tmp-{os.getpid()}")
    try:
        for p in (tmp_gpkg, tmp_csv):
            if p.exists():
                p.unlink()
        ctx.progress(0.5, "Writing")
        pyogrio.write_dataframe(territories, tmp_gpkg, layer="territories", driver="GPKG", promote_to_multi=True)
        pyogrio.write_dataframe(assignments, tmp_gpkg, layer="assignments", driver="GPKG", promote_to_multi=True)
        assignments.drop(columns=assignments.geometry.name).to_csv(tmp_csv, index=False)
        ctx.check()
        os.replace(tmp_gpkg, out)
        os.replace(tmp_csv, csv)
    except PermissionError as exc:
        raise UserError(f"Can't write {out}: permission denied.", "Choose a folder you can write to.") from exc
    finally:
        for p in (tmp_gpkg, tmp_csv):
            if p.exists():
                p.unlink()
    return out, csv
