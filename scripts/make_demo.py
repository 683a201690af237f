"""Build resources/demo/st_louis_demo.gpkg from ../shared/data/stl (run once; the result is committed).

Real data: the City of St. Louis' 88 neighbourhoods (SLU openGIS, CC-BY-4.0) with
2017 population estimates joined by NHD_NUM.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assetmap.importers import import_file  # noqa: E402
from assetmap.layers.info import LayerInfo  # noqa: E402
from assetmap.project import Project  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "stl"
OUT = ROOT / "resources" / "demo" / "st_louis_demo.gpkg"
SQMI = 2_589_988.110336


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / OUT.name
        project = Project.create(path, crs="EPSG:4326", title="St. Louis neighbourhoods (demo)")
        import_file(project, SHARED / "neighborhoods.geojson", "areas", name="neighborhoods")
        gdf = project.read_layer("neighborhoods")
        pop = pd.read_csv(SHARED / "population_by_neighborhood.csv")
        pop = pop.set_index("NHD_NUM")
        gdf["NHD_NUM"] = gdf["NHD_NUM"].astype(int)
        gdf["population"] = gdf["NHD_NUM"].map(pop["pop17"]).round().astype("Int64")
        gdf["population_2010"] = gdf["NHD_NUM"].map(pop["pop10"]).round().astype("Int64")
        area = gdf.to_crs("ESRI:102696").area * 0.09290341161327  # US survey ft² -> m²
        gdf["area_sqmi"] = (area / SQMI).round(3)
        gdf["pop_per_sqmi"] = (gdf["population"] / gdf["area_sqmi"]).round(1)
        info = project.layer("neighborhoods")
        info.display_name = "Neighbourhoods"
        info.extra["population_field"] = "population"
        info.source = "St. Louis neighbourhoods (SLU openGIS / City of St. Louis, CC-BY-4.0)"
        with project.edit() as tx:
            tx.write_layer(gdf.reset_index(drop=True), info, replace=True)
            tx.set_meta("attribution", "Neighbourhoods and population: SLU openGIS Project / "
                        "City of St. Louis, CC-BY-4.0")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_bytes(path.read_bytes())
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
