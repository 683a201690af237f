"""Resource hubs: import a 2,000-location HSDS package; coverage of the 88 St. Louis
neighbourhoods within a mile of 300 hubs in three categories."""

from __future__ import annotations

import csv
import random
import shutil
import tempfile
import uuid
from pathlib import Path

from run import Case, ratio_at_least

N_LOCATIONS = 2000
CATS = ["parenting", "health", "food"]


def _package(folder: Path, n: int) -> None:
    """A synthetic HSDS package in the example's layout, points inside St. Louis."""
    rnd = random.Random(6)
    folder.mkdir(parents=True, exist_ok=True)
    org = str(uuid.UUID(int=1))
    rows = {"organizations": [{"id": org, "name": "Bench org"}], "locations": [], "services": [],
            "service_at_location": [], "taxonomy_terms": [], "attributes": []}
    for c in CATS:
        rows["taxonomy_terms"].append({"id": f"term-{c}", "code": c, "name": c})
    for i in range(n):
        lid, sid = f"loc-{i}", f"svc-{i}"
        rows["locations"].append({"id": lid, "location_type": "physical", "name": f"Hub {i}",
                                  "latitude": f"{rnd.uniform(38.55, 38.75):.6f}",
                                  "longitude": f"{rnd.uniform(-90.32, -90.19):.6f}"})
        rows["services"].append({"id": sid, "organization_id": org, "name": f"Service {i}", "status": "active"})
        rows["service_at_location"].append({"id": f"sal-{i}", "service_id": sid, "location_id": lid})
        rows["attributes"].append({"id": f"att-{i}", "link_id": sid, "taxonomy_term_id": f"term-{CATS[i % 3]}"})
    for table, data in rows.items():
        with open(folder / f"{table}.csv", "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=sorted({k for r in data for k in r}, key=lambda k: k != "id"))
            w.writeheader()
            w.writerows(data)


def import_hsds_2000() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-"))
    _package(tmp / "pkg", N_LOCATIONS)

    def setup() -> None:
        from assetmap.project import Project

        for p in tmp.glob("*.gpkg"):
            p.unlink()
        Project.create(tmp / "ours.gpkg")

    def ours() -> None:
        from assetmap.hubs.hsds_import import import_hsds
        from assetmap.project import Project

        import_hsds(Project.open(tmp / "ours.gpkg"), tmp / "pkg")

    def baseline() -> None:
        # Naive: read the CSVs and write the locations as points, with no checks at all.
        import geopandas as gpd
        import pandas as pd

        tables = {f.stem: pd.read_csv(f, dtype=str) for f in (tmp / "pkg").glob("*.csv")}
        loc = tables["locations"]
        gdf = gpd.GeoDataFrame(loc, geometry=gpd.points_from_xy(loc.longitude.astype(float),
                                                                loc.latitude.astype(float)), crs="EPSG:4326")
        gdf.to_file(tmp / "naive.gpkg", layer="hubs", driver="GPKG")
        for name, df in tables.items():
            df.to_csv(tmp / f"naive_{name}.csv", index=False)

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"locations": N_LOCATIONS}, targets=[ratio_at_least(1.0)])


def coverage_88_areas() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-"))
    state: dict = {}

    def setup() -> None:
        if state:
            return
        from assetmap.hubs import directory
        from assetmap.hubs.hsds_import import import_hsds
        from assetmap.project import Project

        _package(tmp / "pkg", 300)
        from assetmap.demo import bundled_demo

        shutil.copyfile(bundled_demo(), tmp / "demo.gpkg")
        project = Project.open(tmp / "demo.gpkg")
        import_hsds(project, tmp / "pkg")
        state["project"] = project
        state["d"] = directory.load(project)
        state["areas"] = project.read_layer("neighborhoods")

    def ours() -> None:
        from assetmap.access.catchments import coverage

        coverage(state["areas"], state["d"], 1609.344, id_field="NHD_NUM", name_field="NHD_NAME",
                 population_field="population", include_confidential=True)

    def baseline() -> None:
        # Naive: every area against every hub's buffer, one pair at a time.
        from shapely.ops import unary_union

        from assetmap.access.catchments import hub_points

        hubs = hub_points(state["d"], include_confidential=True).to_crs("EPSG:32615")
        zones = state["areas"].to_crs("EPSG:32615")
        for cat in CATS:
            sel = hubs[hubs["category_set"].map(lambda s: cat in s).astype(bool)]
            for poly in zones.geometry:
                parts = [poly.intersection(p.buffer(1609.344, quad_segs=32)) for p in sel.geometry]
                _ = unary_union(parts).area / poly.area

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"areas": 88, "hubs": 300})


BENCHMARKS = {"import_hsds_2000": import_hsds_2000, "coverage_88_areas": coverage_88_areas}
