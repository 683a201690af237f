"""Build the bundled demo projects from the public files in ../shared/data, with the app's own commands.

    python scripts/make_demo.py            # writes resources/demo/st_louis_demo.gpkg and st_louis_mission.gpkg

The results are committed; building them is also an end-to-end run of the commands a partnership
uses on its own city (tests/test_make_demo.py runs it into a temporary folder).

- ``st_louis_demo.gpkg`` (the base, which tests copy as a fixture): the City of St. Louis' 88
  neighbourhoods (``assetmap import``), 2017 and 2010 population joined by NHD_NUM
  (``assetmap join``), and two AGGREGATE report layers by quarter (2017-Q1 .. 2019-Q3) counted
  from the police Part I incident files with the app's own ``aggregate_reports``: rows marked
  DOMESTIC as domestic-violence calls, rows marked CHILD as the stand-in for child-maltreatment
  reports. Only suppressed counts are stored.
- ``st_louis_mission.gpkg`` (what ``assetmap demo`` opens): the base, plus community assets from
  a door-to-door survey (``survey install --builtin`` + ``survey import`` of a KoboToolbox-style
  export), resource hubs from an Open Referral HSDS directory (``hubs import``) and a few added by
  hand, one of them a confidential DV shelter (``hubs add --confidential``: never drawn), and a
  balanced six-team territory plan (``territories balance --by population``).
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assetmap.cli import main as assetmap  # noqa: E402
from assetmap.project import Project  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
STL = SHARED / "stl"
DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
OUT_DIR = ROOT / "resources" / "demo"
BASE_NAME = "st_louis_demo.gpkg"
MISSION_NAME = "st_louis_mission.gpkg"
SQMI = 2_589_988.110336
INCIDENT_FILES = [STL / f"slmpd_part1_{year}.csv" for year in (2017, 2018, 2019)]
# (layer, kind, description filter, name shown): CHILD incidents stand in for hotline reports.
REPORT_LAYERS = [
    ("dv_by_neighborhoods_quarterly", "dv", "DOMESTIC", "Domestic-violence calls (police)"),
    ("maltreatment_by_neighborhoods_quarterly", "maltreatment", "CHILD",
     "Child-maltreatment reports (stand-in: police CHILD incidents)"),
]
# Hubs added by hand, at public landmarks (names and services are illustrative). The last one is
# a confidential DV shelter: it must never appear on the map or in an export.
HAND_HUBS = [
    ("Northside family hub", -90.2180, 38.6640, ["parenting", "food", "early_childhood"], False),
    ("Southside family hub", -90.2620, 38.5620, ["parenting", "health", "youth"], False),
    ("Midtown health and parenting centre", -90.2340, 38.6365, ["health", "mental_health", "parenting"], False),
    ("Downtown legal and housing help", -90.1985, 38.6310, ["legal", "housing", "income"], False),
    ("Safe house (confidential)", -90.2450, 38.5900, ["dv_advocacy", "parenting"], True),
]


def run(*args) -> None:
    """One `assetmap` command, in this process; any failure stops the build."""
    code = assetmap([str(a) for a in args])
    if code:
        raise SystemExit(f"assetmap {' '.join(map(str, args[:2]))} failed (exit {code})")


def build_base(path: Path) -> None:
    run("new", path, "--crs", "EPSG:4326", "--title", "St. Louis neighbourhoods (demo)")
    run("import", path, STL / "neighborhoods.geojson", "--role", "areas", "--name", "neighborhoods")
    run("join", path, "neighborhoods", STL / "population_by_neighborhood.csv", "--on", "NHD_NUM",
        "--columns", "pop17,pop10")
    derive_population_fields(Project.open(path))
    for layer, kind, contains, shown in REPORT_LAYERS:
        add_quarterly_reports(Project.open(path), layer, kind, contains, shown)


def derive_population_fields(project: Project) -> None:
    """Whole-person counts under the names the demo has always used, and people per square mile
    (area in Missouri East State Plane): what a planner would add after the join."""
    gdf = project.read_layer("neighborhoods")
    gdf["NHD_NUM"] = gdf["NHD_NUM"].astype(int)
    gdf["population"] = gdf.pop("pop17").round().astype("Int64")
    gdf["population_2010"] = gdf.pop("pop10").round().astype("Int64")
    area = gdf.to_crs("ESRI:102696").area * 0.09290341161327  # US survey ft² -> m²
    gdf["area_sqmi"] = (area / SQMI).round(3)
    gdf["pop_per_sqmi"] = (gdf["population"] / gdf["area_sqmi"]).round(1)
    gdf = gdf[["NHD_NUM", "NHD_NAME", "population", "population_2010", "area_sqmi", "pop_per_sqmi", "geometry"]]
    info = project.layer("neighborhoods")
    info.display_name = "Neighbourhoods"
    info.extra["population_field"] = "population"
    info.source = "St. Louis neighbourhoods (SLU openGIS / City of St. Louis, CC-BY-4.0)"
    with project.edit() as tx:
        tx.write_layer(gdf.reset_index(drop=True), info, replace=True)
        tx.set_meta("attribution", "Neighbourhoods and population: SLU openGIS Project / "
                    "City of St. Louis, CC-BY-4.0")


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

    `assetmap reports` takes one file; rather than concatenating the files into a temporary
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


def hsds_in_st_louis(folder: Path, example: Path = SHARED / "hsds3") -> Path:
    """The official HSDS 3 example (fictional MyCity organisations, placeholder coordinates),
    its one location moved to a downtown St. Louis address so that it lands in the city."""
    shutil.copytree(example, folder)
    for f in folder.iterdir():
        f.chmod(0o644)
    path = folder / "locations.csv"
    rows = list(csv.DictReader(path.open(newline="", encoding="utf-8")))
    rows[0].update(latitude="38.6270", longitude="-90.1994")
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return folder


def build_mission(path: Path, work: Path) -> None:
    run("survey", "install", path, "--builtin")
    run("survey", "import", path, DEMO_DATA / "community_assets_kobo.csv")
    run("hubs", "import", path, hsds_in_st_louis(work / "directory"))
    for name, lon, lat, services, confidential in HAND_HUBS:
        args = ["hubs", "add", path, name, "--lon", lon, "--lat", lat, "--city", "St. Louis", "--state", "MO"]
        for s in services:
            args += ["--service", s]
        run(*args, *(["--confidential"] if confidential else []))
    run("territories", "balance", path, "--areas", "neighborhoods", "--teams", "6", "--by", "population",
        "--plan", "Six teams", "--seed", "1")
    project = Project.open(path)
    project.set_meta("title", "St. Louis child-welfare partnership (demo)")
    # The DV layer is the first thing a partnership asks about: shown, under the assets and hubs.
    info = project.layer("dv_by_neighborhoods_quarterly")
    info.visible = True
    project.update_layer_info(info)
    info = project.layer("survey_community_assets")
    info.display_name = "Community assets (door-to-door survey)"
    project.update_layer_info(info)
    info = project.layer("hubs")
    info.source = ("Open Referral HSDS 3 example (openreferral/specification, CC BY-SA 4.0), placed in "
                   "St. Louis; hubs added by hand are illustrative")
    project.update_layer_info(info)


def without_local_paths(path: Path) -> None:
    """A bundled project names its sources, never the folder it was built in."""
    project = Project.open(path)
    for info in project.layers():
        report = info.extra.get("import_report")
        if report and report.get("source"):
            report["source"] = Path(report["source"]).name
            project.update_layer_info(info)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder for the two demo projects")
    out = parser.parse_args(argv).out
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = tmp / BASE_NAME
        build_base(base)
        mission = tmp / MISSION_NAME
        shutil.copyfile(base, mission)
        build_mission(mission, tmp)
        out.mkdir(parents=True, exist_ok=True)
        for built in (base, mission):
            without_local_paths(built)
            (out / built.name).write_bytes(built.read_bytes())
            print(f"wrote {out / built.name} ({built.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
