"""Risk terrain modelling (Caplan & Kennedy; what RTMDx implements) for prevention.

The outcome is a report file (sensitive): read in memory, counted per grid cell for the training
period, and dropped. The model (assetmap.risk.terrain_model) relates those counts to public risk
factor layers (assetmap.risk.terrain_grid). What is stored:

- the **relative risk surface**: per cell, exp(Σ coefficient × factor present), computed from the
  public factor layers only (no outcome count of any cell enters it except through the fitted
  coefficients of the whole city), and whether the cell is in the top share;
- the **factor table** (relative risk value and 95 % interval of each selected factor) and the
  validation in the layer's metadata.

Validation is on a later period: the predictive accuracy index PAI = (share of the test period's
reports in the top cells) / (share of the cells), for the model's top cells and, side by side, for
the naive predictor "last period's hot spots" (the top cells of the training reports' kernel
density). Both are printed as they come out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.layers.info import LayerInfo, validate_layer_name
from assetmap.layers.roles import LayerRole
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from assetmap.project import Project

MIN_TRAIN = 30
KDE_KERNEL = "quartic"


@dataclass
class Validation:
    top_share: float              # share of the cells asked for
    model_share: float            # share of the cells actually in the model's top (ties included);
                                  # the KDE's top gets the same share
    model_hits: int
    kde_share: float
    kde_hits: int
    total: int                    # test-period reports in the grid
    kde_bandwidth_m: float

    @property
    def pai_model(self) -> float:
        return (self.model_hits / self.total) / self.model_share if self.total and self.model_share else float("nan")

    @property
    def pai_kde(self) -> float:
        return (self.kde_hits / self.total) / self.kde_share if self.total and self.kde_share else float("nan")

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "pai_model": self.pai_model, "pai_kde": self.pai_kde}

    def stored(self, threshold: int = 10) -> dict[str, Any]:
        """What the layer keeps: with a report count of 1–N among the totals, the counts as '1–N'
        and no PAI (it would give the count back), as every stored summary of reports does."""
        out = self.as_dict()
        small = [k for k in ("total", "model_hits", "kde_hits") if 1 <= out[k] <= threshold]
        for k in small:
            out[k] = f"1–{threshold}"
        if small:
            out["pai_model"] = out["pai_kde"] = None
        return out


@dataclass
class TerrainResult:
    layer: str
    family: str
    table: list = field(default_factory=list)
    validation: Validation | None = None
    cells: int = 0
    train_reports: int = 0
    considered: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Risk terrain model ({self.family}) on {self.cells} cells from {self.train_reports} training "
               f"reports; surface written to '{self.layer}' (public factor layers only).",
               f"{'factor':42} {'RRV':>6} {'95 % interval':>16} {'p':>8} {'cells':>6}"]
        for r in self.table:
            out.append(f"{r.variable[:42]:42} {r.rrv:6.2f} {r.rrv_low:7.2f} – {r.rrv_high:6.2f} {r.p:8.2g} {r.cells:6d}")
        v = self.validation
        if v is not None:
            out.append(f"Validation on the test period ({v.total} reports in the grid):")
            out.append(f"  risk terrain model, top {v.model_share:.1%} of cells: {v.model_hits} reports "
                       f"({v.model_hits / max(v.total, 1):.1%}), PAI {v.pai_model:.2f}")
            out.append(f"  last period's KDE hot spots ({v.kde_bandwidth_m:g} m), top {v.kde_share:.1%} of cells: "
                       f"{v.kde_hits} reports ({v.kde_hits / max(v.total, 1):.1%}), PAI {v.pai_kde:.2f}")
        return out


def _outcome_xy(project: "Project", paths, terrain, filter_col, filter_contains, areas_bounds):
    """Report locations in the grid's CRS (arrays in memory only)."""
    import numpy as np
    from pyproj import Transformer

    from assetmap.reports.source import read_reports

    xs, ys = [], []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise UserError(f"{path} does not exist.", "Check the file name and folder.")
        rows = read_reports(path, project_crs=project.crs, filter_col=filter_col, filter_contains=filter_contains,
                            areas_bounds=areas_bounds)
        xs.append(rows.x[rows.located])
        ys.append(rows.y[rows.located])
        del rows
    x, y = np.concatenate(xs), np.concatenate(ys)
    t = Transformer.from_crs(project.crs, terrain.work_crs, always_xy=True)
    return t.transform(x, y)


def top_cells(score, share: float):
    """Cells in the top ``share`` by score (ties at the cut included, so the share may be larger)."""
    import numpy as np

    n = len(score)
    k = max(1, int(np.ceil(share * n)))
    cut = np.sort(score)[::-1][k - 1]
    return score >= cut


def parse_outcome(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    col, sep, contains = text.partition(":")
    if not sep or not col or not contains:
        raise UserError(f"--outcome '{text}' is not COLUMN:TEXT.", "For example --outcome description:CHILD.")
    return col, contains


DEFAULT_NAME = "risk_terrain"   # the layer a re-run with replace overwrites when no name is given


def risk_terrain(project: "Project", *, areas: str, factors: list[str], train: list, test: list | None = None,
                 outcome: str | None = None, cell_m: float | None = None, bandwidths=None,
                 top_share: float = 0.10, kde_bandwidth_m: float = 500.0, name: str | None = None,
                 replace: bool = False, ctx: TaskContext | None = None) -> TerrainResult:
    import geopandas as gpd
    import numpy as np
    import shapely

    from assetmap.reports.kde import check_bandwidth, density_grid
    from assetmap.risk.terrain_grid import (DEFAULT_BANDWIDTHS, DEFAULT_CELL_M, add_factor, count_in_cells,
                                            make_terrain)
    from assetmap.risk.terrain_model import fit_model

    ctx = ensure(ctx)
    if not factors:
        raise UserError("Choose at least one risk factor layer.", "For example --factors liquor_stores,bus_stops.")
    if not train:
        raise UserError("Choose the training period's report file.", "--train FILE.")
    if not 0 < top_share < 0.5:
        raise UserError("The top share of cells must be between 0 and 50 %.", "For example --top 10.")
    check_bandwidth(kde_bandwidth_m)
    filter_col, filter_contains = parse_outcome(outcome)
    table_name = validate_layer_name(name or DEFAULT_NAME)
    if project.has_layer(table_name) and not replace:
        raise UserError(f"{project.path} already has a layer named '{table_name}'.", "Use --name or --replace.")
    bandwidths = tuple(bandwidths or DEFAULT_BANDWIDTHS)
    if any(not 0 < b <= 5000 for b in bandwidths):
        raise UserError("Bandwidths must be between 0 and 5,000 metres.", "For example --bandwidths 150,300,600.")
    ctx.progress(0.02, "Laying out the grid")
    terrain = make_terrain(project, areas, cell_m or DEFAULT_CELL_M)
    bounds = tuple(project.read_layer(areas).total_bounds)
    for i, f in enumerate(factors):
        ctx.check()
        ctx.progress(0.05 + 0.25 * i / len(factors), f"Measuring risk factor {f}")
        add_factor(terrain, project, f, bandwidths)
    ctx.progress(0.32, "Counting the training reports per cell")
    tx, ty = _outcome_xy(project, train, terrain, filter_col, filter_contains, bounds)
    y = count_in_cells(terrain, tx, ty)
    train_reports = int(y.sum())
    if train_reports < MIN_TRAIN:
        raise UserError(f"Only {train_reports} training reports fall in the grid.",
                        f"A risk terrain model needs at least {MIN_TRAIN}: use a longer period.")
    ctx.progress(0.4, "Selecting factors and fitting the model")
    model = fit_model(terrain, y, ctx)
    risk = model.relative_risk(terrain)
    validation = None
    if test:
        ctx.progress(0.8, "Validating on the test period")
        g = terrain.grid
        kde, _ = density_grid(tx, ty, np.zeros(len(tx), np.int64), 1, g, KDE_KERNEL, kde_bandwidth_m)
        kde = kde[:, 0]
        del tx, ty  # the last reference to training report locations
        sx, sy = _outcome_xy(project, test, terrain, filter_col, filter_contains, bounds)
        y_test = count_in_cells(terrain, sx, sy)
        del sx, sy
        # The naive predictor gets the same share of the cells as the model's top (ties can make
        # that more than asked for), so the two PAIs compare like with like.
        top_m = top_cells(risk, top_share)
        top_k = top_cells(kde, float(top_m.mean()))
        validation = Validation(top_share, float(top_m.mean()), int(y_test[top_m].sum()), float(top_k.mean()),
                                int(y_test[top_k].sum()), int(y_test.sum()), kde_bandwidth_m)
    else:
        del tx, ty
    del y
    ctx.check()
    ctx.progress(0.9, "Writing the relative risk surface")
    s = terrain.grid.size
    gr, gc = terrain.grid.rows, terrain.grid.cols
    polys = shapely.box(gc * s, gr * s, (gc + 1) * s, (gr + 1) * s)
    ids = np.char.add(np.char.add("r", gr.astype(str)), np.char.add("c", gc.astype(str)))
    top = top_cells(risk, top_share)
    gdf = gpd.GeoDataFrame({"cell_id": ids, "rel_risk": np.round(risk, 3), "high_risk": top},
                           geometry=polys, crs=terrain.work_crs).to_crs(project.crs)
    meta = {"kind": "terrain", "areas": areas, "factors": list(factors), "cell_m": s, "bandwidths": list(bandwidths),
            "family": model.family, "table": [r.as_dict() for r in model.table], "top_share": top_share,
            "high_risk_share": float(top.mean()), "considered": model.considered,
            "validation": validation.stored() if validation else None, "outcome": outcome,
            "train": [Path(p).name for p in train], "test": [Path(p).name for p in (test or [])]}
    info = LayerInfo(name=table_name, role=LayerRole.HOTSPOTS, display_name="Relative risk (risk terrain model)",
                     source=",".join(factors), style={"kind": "graduated", "field": "rel_risk"},
                     extra={"risk": meta})
    with project.edit() as txn:
        txn.write_layer(gdf, info, replace=replace)
    ctx.progress(1.0, "Done")
    return TerrainResult(table_name, model.family, model.table, validation, terrain.n_cells, train_reports,
                         model.considered)
