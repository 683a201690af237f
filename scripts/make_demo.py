"""Build resources/demo/st_louis_demo.gpkg from ../shared/data/stl (run once; the result is committed).

Real data: the City of St. Louis' 88 neighbourhoods (SLU openGIS, CC-BY-4.0) with
2017 population estimates joined by NHD_NUM, and two AGGREGATE report layers by quarter
(2017-Q1 .. 2019-Q3) counted from the St. Louis police Part I incident files with the app's
own ``aggregate_reports``: rows marked DOMESTIC as domestic-violence calls, rows marked CHILD
as the stand-in for child-maltreatment reports. Only suppressed counts are stored.
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
INCIDENT_FILES = [SHARED / f"slmpd_part1_{year}.csv" for year in (2017, 2018, 2019)]
# (layer, kind, description filter, name shown): CHILD incidents stand in for hotline reports.
REPORT_LAYERS = [
    ("dv_by_neighborhoods_quarterly", "dv", "DOMESTIC", "Domestic-violence calls (police)"),
    ("maltreatment_by_neighborhoods_quarterly", "maltreatment", "CHILD",
     "Child-maltreatment reports (stand-in: police CHILD incidents)"),
]


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
        for layer, kind, contains, shown in REPORT_LAYERS:
            add_quarterly_reports(project, layer, kind, contains, shown)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_bytes(path.read_bytes())
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


def _merged_rows(paths, **kwargs):
    """read_reports over several files, joined in memory (the yearly police files are one series).

    Period codes are absolute ordinals (year*4 + quarter), so the files' codes line up.
    """
    import numpy as np

    from assetmap.reports import source

    parts = [source.read_reports(p, **kwargs) for p in paths]
    rows = parts[0]
    rows.x = np.concatenate([r.x for r in parts])
    rows.y = np.concatenate([r.y for r in parts])
    rows.located = np.concatenate([r.located for r in parts])
    rows.period_code = np.concatenate([r.period_code for r in parts])
    rows.period_labels = {k: v for r in parts for k, v in r.period_labels.items()}
    for attr in ("read", "selected", "no_coordinates", "bad_dates"):
        setattr(rows, attr, sum(getattr(r, attr) for r in parts))
    return rows


def add_quarterly_reports(project: Project, layer: str, kind: str, contains: str, shown: str) -> None:
    """One aggregate layer by quarter over the three yearly files, raw rows in memory only.

    ``aggregate_reports`` takes one file; rather than concatenating the files into a temporary
    CSV (raw rows on disk), its reader is swapped for one that reads all three into memory.
    """
    from unittest import mock

    from assetmap.reports import aggregate_reports, source

    real = source.read_reports

    def read_all(_path, **kwargs):
        with mock.patch.object(source, "read_reports", real):
            return _merged_rows(INCIDENT_FILES, **kwargs)

    with mock.patch.object(source, "read_reports", read_all):
        result = aggregate_reports(project, INCIDENT_FILES[0], kind, areas="neighborhoods", name=layer,
                                   date_col="date_occur", period="quarter", filter_col="description",
                                   filter_contains=contains, population_field="population")
    print("\n".join(result.lines()))
    info = project.layer(layer)
    info.display_name = shown
    info.visible = False  # the demo opens on the population map; these are a click away
    info.source = ", ".join(p.name for p in INCIDENT_FILES) + \
        f" (rows whose description contains {contains}; SLU openGIS / SLMPD, CC-BY-4.0)"
    project.update_layer_info(info)


if __name__ == "__main__":
    main()
