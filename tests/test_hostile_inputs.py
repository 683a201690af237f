"""Broken and hostile inputs, one row each: the real command gives one clear message, exits 2
and leaves the project byte-for-byte as it was (no traceback, no leftover files).

To add a case, write a ``make(tmp, project) -> argv`` that creates the hostile file and returns
the command line, and add a ``Case`` row with the message fragment the user must see.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import run_cli


@dataclass
class Case:
    id: str
    make: Callable[[Path, Path], list]  # (tmp folder, project path) -> command line
    fragment: str                      # what the message must say
    needs: str = ""                    # a fixture the case needs ("pg_server")


def _geojson(tmp: Path, name: str, features: list[dict], raw: str | None = None) -> Path:
    path = tmp / name
    path.write_text(raw if raw is not None else json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _point(x, y, **props):
    return {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [x, y]}}


# ---------------------------------------------------------------- the hostile files
def nan_coordinates(tmp, p):
    # json.dumps writes NaN / Infinity bare, as broken exporters do.
    f = _geojson(tmp, "nan.geojson", [_point(float("nan"), 38.6, name="a"), _point(-90.2, float("nan"), name="b")])
    return ["import", p, f, "--role", "assets"]


def infinity_coordinates(tmp, p):
    poly = {"type": "Feature", "properties": {"name": "p"}, "geometry": {"type": "Polygon", "coordinates": [
        [[-90.2, 38.6], [-90.1, 38.6], [-90.1, float("inf")], [-90.2, 38.6]]]}}
    f = _geojson(tmp, "inf.geojson", [poly, {**poly, "properties": {"name": "q"}, "geometry": {
        "type": "Polygon", "coordinates": [[[-90.2, 38.6], [float("-inf"), 38.6], [-90.1, 38.7], [-90.2, 38.6]]]}}])
    return ["import", p, f, "--role", "other"]


def degrees_beyond_the_earth(tmp, p):
    f = _geojson(tmp, "far.geojson", [_point(1e20, 1e20, name="a"), _point(-90.2, 238.6, name="b")])
    return ["import", p, f, "--role", "assets"]


def mixed_geometry_kinds(tmp, p):
    line = {"type": "Feature", "properties": {"name": "street"},
            "geometry": {"type": "LineString", "coordinates": [[-90.2, 38.6], [-90.21, 38.61]]}}
    f = _geojson(tmp, "mixed.geojson", [_point(-90.2, 38.6, name="school"), line])
    return ["import", p, f, "--role", "assets"]


def geometry_collection(tmp, p):
    gc = {"type": "Feature", "properties": {"name": "gc"}, "geometry": {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [-90.2, 38.6]}]}}
    return ["import", p, _geojson(tmp, "gc.geojson", [gc]), "--role", "other"]


def kobo_cell_over_128kb(tmp, p):
    from assetmap.project import Project
    from assetmap.survey import builtin_form
    from assetmap.survey.store import SurveyStore

    SurveyStore(Project.open(p)).install_form(builtin_form())
    f = tmp / "kobo.csv"
    f.write_text("asset_type,asset_name,_uuid\nfaith,Church,u1\nschool," + "x" * 140_000 + ",u2\n")
    return ["survey", "import", p, f]


def publish_without_postgis(tmp, p, pg_server):
    return ["publish", p, pg_server.url(dbname="postgres")]


def map_of_a_layer_beyond_the_earth(tmp, p):
    """A layer another program wrote with impossible degrees (its extent broke the scale bar)."""
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.project import Project

    gdf = gpd.GeoDataFrame({"name": ["ok", "far"]}, geometry=[Point(-90.2, 38.6), Point(1e20, 1e20)],
                           crs="EPSG:4326")
    Project.open(p).write_layer(gdf, LayerInfo("far", LayerRole.ASSETS, "Far"))
    return ["map", p, tmp / "out.png", "--layers", "far,neighborhoods"]


def map_html_of_a_layer_beyond_the_earth(tmp, p):
    argv = map_of_a_layer_beyond_the_earth(tmp, p)
    return [*argv[:2], tmp / "out.html", *argv[3:]]


def _zip_with_zeros(zip_path: Path, small: dict[str, bytes], big_name: str, big_bytes: int, head: bytes = b""):
    """A zip whose ``big_name`` member is ``head`` then zeros: a few MB on disk."""
    import zipfile

    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in small.items():
            zf.writestr(name, data)
        with zf.open(big_name, "w", force_zip64=True) as f:
            f.write(head)
            chunk, left = bytes(1 << 24), big_bytes - len(head)
            while left > 0:
                f.write(chunk[:min(left, len(chunk))])
                left -= len(chunk)
    return zip_path


def zipped_shapefile_with_1gib_zero_dbf(tmp, p):
    import geopandas as gpd
    from shapely.geometry import Point

    shp = tmp / "shp"
    shp.mkdir()
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(-90.2, 38.6)], crs="EPSG:4326").to_file(shp / "sites.shp")
    small = {f"sites{ext}": (shp / f"sites{ext}").read_bytes() for ext in (".shp", ".shx", ".prj")}
    z = _zip_with_zeros(tmp / "sites.zip", small, "sites.dbf", 1 << 30)
    return ["import", p, z, "--role", "assets"]


def hsds_zip_bomb(tmp, p):
    from tests.conftest import SHARED

    small = {f.name: f.read_bytes() for f in (SHARED / "hsds3").glob("*.csv") if f.name != "services.csv"}
    head = (SHARED / "hsds3" / "services.csv").read_bytes()
    z = _zip_with_zeros(tmp / "directory.zip", small, "services.csv", 48 << 20, head=head)
    return ["hubs", "import", p, z]


CASES = [
    Case("geojson-nan-coordinates", nan_coordinates, "not finite numbers (NaN or Infinity)"),
    Case("geojson-infinity-coordinates", infinity_coordinates, "not finite numbers (NaN or Infinity)"),
    Case("geojson-degrees-beyond-the-earth", degrees_beyond_the_earth, "which stays within ±180 and ±90"),
    Case("geojson-mixed-geometry-kinds", mixed_geometry_kinds, "mixes kinds of geometry (1 points, 1 lines)"),
    Case("geojson-geometry-collection", geometry_collection, "mixes kinds of geometry (1 geometry collections)"),
    Case("kobo-cell-over-128kb", kobo_cell_over_128kb, "kobo.csv line 3: a cell is longer than 128 KB"),
    Case("publish-without-postgis", publish_without_postgis, "does not have the PostGIS extension",
         needs="pg_server"),
    Case("map-png-extent-beyond-the-earth", map_of_a_layer_beyond_the_earth,
         "Layer 'far' reaches beyond the Earth's coordinates"),
    Case("zipped-shapefile-1gib-zero-dbf", zipped_shapefile_with_1gib_zero_dbf,
         "sites.zip would unpack to 1,024 MB from"),
    Case("hsds-zip-bomb", hsds_zip_bomb, "directory.zip would unpack to 48 MB from"),
    Case("map-html-extent-beyond-the-earth", map_html_of_a_layer_beyond_the_earth,
         "Layer 'far' reaches beyond the Earth's coordinates"),
]


def _snapshot(folder: Path, project: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(project.read_bytes()).hexdigest(), sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_gets_a_message_exit_2_and_changes_nothing(case, tmp_path, request):
    from assetmap.demo import bundled_demo

    work = tmp_path / "in"
    work.mkdir()
    home = tmp_path / "project"
    home.mkdir()
    project = home / "p.gpkg"
    shutil.copyfile(bundled_demo(), project)
    extra = [request.getfixturevalue(case.needs)] if case.needs else []
    argv = case.make(work, project, *extra)
    before = _snapshot(home, project)
    r = run_cli(*argv, cwd=tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "Error:" not in r.stderr.replace("assetmap: error:", "")
    assert r.stderr.startswith("assetmap: error:")
    assert case.fragment in r.stderr, r.stderr
    assert _snapshot(home, project) == before
    assert not (work / "out.png").exists() and not (work / "out.html").exists()
