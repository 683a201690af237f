"""Risk terrain on St. Louis: CHILD incidents of 2017 as the outcome, the other 2017 incident
categories as public risk factors (bench/stl_terrain_data.py), validated on the CHILD incidents of
2018. Ours is the whole ``risk_terrain`` (grid, factors, selection, model, surface, validation);
the baseline is the naive predictor it is compared with, last period's KDE hot spots, on the same
grid. The notes carry what matters more than the time: both PAIs, as they come out, and the
factor table (printed when the case is built).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from run import SHARED, Case

STL = SHARED / "stl"
CELL_M = 150.0


def _case() -> Case:
    from stl_terrain_data import add_factor_layers, child_csv

    from assetmap.importers import import_file
    from assetmap.project import Project

    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-risk-"))
    template = tmp / "template.gpkg"
    project = Project.create(template, crs="EPSG:26915")
    import_file(project, STL / "neighborhoods.geojson", "areas", name="neighborhoods", id_field="NHD_NUM",
                name_field="NHD_NAME")
    factors = add_factor_layers(project, STL / "slmpd_part1_2017.csv", tmp)
    train = child_csv(STL / "slmpd_part1_2017.csv", tmp / "child2017.csv")
    test = child_csv(STL / "slmpd_part1_2018.csv", tmp / "child2018.csv")
    notes: dict = {}

    def setup() -> None:
        shutil.copyfile(template, tmp / "ours.gpkg")

    def ours() -> None:
        from assetmap.risk.terrain import risk_terrain

        r = risk_terrain(Project.open(tmp / "ours.gpkg"), areas="neighborhoods", factors=factors, train=[train],
                         test=[test], outcome=None, cell_m=CELL_M)
        if "pai_model" not in notes:
            print("\n".join(r.lines()))
            v = r.validation
            notes.update({"cells": r.cells, "family": r.family, "top_share": round(v.model_share, 3),
                          "pai_model": round(v.pai_model, 2), "pai_kde": round(v.pai_kde, 2),
                          "factors": [f"{t.variable} RRV {t.rrv:.2f}" for t in r.table]})

    def baseline() -> None:
        import numpy as np

        from assetmap.reports.kde import density_grid
        from assetmap.risk.terrain import _outcome_xy
        from assetmap.risk.terrain_grid import make_terrain

        p = Project.open(tmp / "ours.gpkg")
        terrain = make_terrain(p, "neighborhoods", CELL_M)
        bounds = tuple(p.read_layer("neighborhoods").total_bounds)
        x, y = _outcome_xy(p, [train], terrain, None, None, bounds)
        density_grid(x, y, np.zeros(len(x), np.int64), 1, terrain.grid, "quartic", 500.0)

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=lambda: shutil.rmtree(tmp, ignore_errors=True),
                notes=notes)


BENCHMARKS = {"risk_terrain_stl_2017_2018": _case}
