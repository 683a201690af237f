"""Peak memory of a 200 MB CSV point import (1.37 M rows: the St. Louis incidents repeated).

Memory is the point here, and most of it is GDAL's and pandas' own (which tracemalloc does not
see), so each side runs in a fresh process that reports its peak resident set size
(``ru_maxrss``). Ours: ``assetmap import`` (read in chunks, appended to the staging GeoPackage).
Baseline: the naive read_csv -> points -> to_file of the whole table.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from run import HERE, SHARED, Case

FILES = [SHARED / "stl" / f"slmpd_part1_{y}.csv" for y in (2017, 2018, 2019)]
TARGET_BYTES = 200 * 2**20

_PEAK = "import resource, json; print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))"

OURS = """
import sys
from assetmap.importers import import_file
from assetmap.project import Project
p = Project.create(sys.argv[2], overwrite=True)
# The incidents stand in for any large point table: the refusal of case records (which would
# stop this file) is what --allow-case-records overrides, and it is not what is measured here.
import_file(p, sys.argv[1], "other", allow_case_records=True)
""" + _PEAK

BASELINE = """
import sys
import geopandas as gpd, pandas as pd
df = pd.read_csv(sys.argv[1], low_memory=False).dropna(subset=["x", "y"])
gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4326")
gdf.to_file(sys.argv[2], layer="big", driver="GPKG")
""" + _PEAK


def make_csv(path: Path) -> int:
    header = FILES[0].read_text().splitlines(True)[0]
    bodies = [f.read_text().splitlines(True)[1:] for f in FILES]
    rows, size = 0, len(header)
    with path.open("w") as out:
        out.write(header)
        while size < TARGET_BYTES:
            for body in bodies:
                out.writelines(body)
                size += sum(len(line) for line in body)
                rows += len(body)
    return rows


def import_csv_200mb() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-mem-"))
    csv = tmp / "big.csv"
    notes: dict = {}

    def run(code: str, key: str) -> None:
        out = tmp / f"{key}.gpkg"
        out.unlink(missing_ok=True)
        r = subprocess.run([sys.executable, "-c", code, str(csv), str(out)], capture_output=True, text=True,
                           cwd=HERE.parent)
        if r.returncode != 0:   # the child's own message, not only its exit status
            raise RuntimeError(f"{key} exited {r.returncode}: {r.stderr.strip().splitlines()[-1:]}")
        notes[f"{key}_peak_rss_mb"] = max(notes.get(f"{key}_peak_rss_mb", 0), json.loads(r.stdout.splitlines()[-1]))

    def setup() -> None:
        if not csv.exists():
            notes["rows"] = make_csv(csv)
            notes["csv_mb"] = round(csv.stat().st_size / 2**20)

    return Case(ours=lambda: run(OURS, "ours"), baseline=lambda: run(BASELINE, "baseline"), setup=setup,
                teardown=lambda: shutil.rmtree(tmp, ignore_errors=True), notes=notes)


BENCHMARKS = {"import_csv_200mb": import_csv_200mb}
