"""Natural breaks (Fisher-Jenks) of the St. Louis risk terrain's cells: 100 m cells, about 16,000.

mapclassify's FisherJenks without numba is quadratic in pure Python: on all cells it took over
13 minutes (a PNG export that froze), so it is not run here. Ours is ``classify`` (a 500-value
evenly spaced sample, refined on all values); the peer is mapclassify's own bounded way,
``FisherJenksSampled`` (a random 10 % capped at 1,000 values). The notes give how far each is
from the least possible within-class sum of squares (exact, by vectorised dynamic programming):
1.0 is optimal.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from run import SHARED, Case

STL = SHARED / "stl"


def _terrain_values():
    import numpy as np
    from stl_terrain_data import add_factor_layers, child_csv

    from assetmap.importers import import_file
    from assetmap.project import Project
    from assetmap.risk.terrain import risk_terrain

    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-breaks-"))
    try:
        project = Project.create(tmp / "p.gpkg", crs="EPSG:26915")
        import_file(project, STL / "neighborhoods.geojson", "areas", name="neighborhoods", id_field="NHD_NUM",
                    name_field="NHD_NAME")
        factors = add_factor_layers(project, STL / "slmpd_part1_2017.csv", tmp)
        train = child_csv(STL / "slmpd_part1_2017.csv", tmp / "child2017.csv")
        risk_terrain(project, areas="neighborhoods", factors=factors, train=[train], cell_m=100.0)
        rel = project.read_layer("risk_terrain")["rel_risk"].to_numpy(dtype=float)
        # Pure relative risks take few distinct values (products of the factors' RRVs); the
        # smoothed surface a planner also classifies is continuous: jitter within 1 % stands in.
        rng = np.random.default_rng(0)
        return rel * (1 + 0.01 * rng.random(rel.size))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _sse(v, bins):
    import numpy as np

    idx = np.minimum(np.searchsorted(np.asarray(bins), v, side="left"), len(bins) - 1)
    return float(sum(((v[idx == c] - v[idx == c].mean()) ** 2).sum() for c in np.unique(idx)))


def _optimum(values, k):
    import numpy as np

    x = np.sort(values)
    n = len(x)
    c1, c2 = np.concatenate([[0], np.cumsum(x)]), np.concatenate([[0], np.cumsum(x * x)])
    prev = np.full(n + 1, np.inf)
    prev[0] = 0.0
    for c in range(1, k + 1):
        cur = np.full(n + 1, np.inf)
        for j in range(c, n + 1):
            i = np.arange(c - 1, j)
            s = c1[j] - c1[i]
            cur[j] = np.min(prev[i] + (c2[j] - c2[i]) - s * s / (j - i))
        prev = cur
    return float(prev[n])


def _case() -> Case:
    import warnings

    import mapclassify
    import numpy as np

    from assetmap.mapview.classify import classify

    values = _terrain_values()
    notes: dict = {"cells": int(values.size)}
    best = _optimum(values, 5)

    def ours():
        b = classify(values, "natural_breaks", 5)
        notes["ours_sse_vs_optimum"] = round(_sse(values, b) / best, 4)

    def baseline():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = mapclassify.FisherJenksSampled(values, k=5).bins
        notes["peer_sse_vs_optimum"] = round(_sse(values, np.unique(b)) / best, 4)

    return Case(ours=ours, baseline=baseline, notes=notes)


BENCHMARKS = {"natural_breaks_terrain_16k": _case}
