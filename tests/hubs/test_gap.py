"""Gap analysis ranked as computed by hand on five square areas in a row."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

X0, Y0 = 700_000.0, 4_280_000.0  # UTM 15N, near St. Louis


@pytest.fixture()
def row_project(tmp_path):
    """Areas A..E: 1 km squares side by side; centroids 1 km apart.

    parenting hub at A's centroid; a confidential parenting hub at D's centroid (must not count
    as access in a per-area table); a health-only hub at E.
    """
    import geopandas as gpd
    from pyproj import Transformer
    from shapely.geometry import box

    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec
    from assetmap.importers import import_file
    from assetmap.project import Project

    project = Project.create(tmp_path / "row.gpkg", crs="EPSG:32615")
    gdf = gpd.GeoDataFrame({"code": list("ABCDE"), "reports": [10, 50, 30, 40, 5],
                            "rate": [1.0, 2.0, 2.0, 0.5, 3.0]},
                           geometry=[box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000) for i in range(5)],
                           crs="EPSG:32615")
    src = tmp_path / "row.geojson"
    gdf.to_crs("EPSG:4326").to_file(src)
    import_file(project, src, "areas", name="row", id_field="code", name_field="code")
    to_ll = Transformer.from_crs("EPSG:32615", "EPSG:4326", always_xy=True).transform
    stack = CommandStack()
    for name, i, services, secret in (("Hub A", 0, [ServiceSpec("p", "parenting")], False),
                                      ("Shelter D", 3, [ServiceSpec("p", "parenting")], True),
                                      ("Clinic E", 4, [ServiceSpec("h", "health")], False)):
        lon, lat = to_ll(X0 + i * 1000 + 500, Y0 + 500)
        stack.push(commands.add_hub(project, name, lon, lat, services=services, confidential=secret))
    return project


def test_ranking_with_within(row_project):
    from assetmap.access.gap import run_access

    t = run_access(row_project, "row:reports", "parenting", within=1200)
    # median need 30 -> high need B, C, D; beyond 1.2 km of Hub A -> C, D, E; gaps C, D.
    # gaps first by need (D 40, C 30), then the rest by need (B 50, A 10, E 5).
    assert t["area_id"].tolist() == ["D", "C", "B", "A", "E"]
    assert t["rank"].tolist() == [1, 2, 3, 4, 5]
    assert t["gap"].tolist() == [True, True, False, False, False]
    assert t["distance_m"].tolist() == pytest.approx([3000, 2000, 1000, 0, 4000], abs=0.5)
    assert set(t["nearest_hub"]) == {"Hub A"}
    layer = row_project.read_layer("access_gaps_parenting")
    assert sorted(layer["area_id"]) == ["C", "D"] and "reports" in layer.columns


def test_ranking_without_within_and_ties(row_project):
    from assetmap.access.gap import run_access

    # median distance 2 km: low access is D, E. rate: median 2.0 -> high need B, C, E.
    t = run_access(row_project, "row:rate", "parenting", write_layer=False)
    assert t["gap"].sum() == 1 and t.iloc[0]["area_id"] == "E"
    # B and C tie on need (2.0): the farther one (C) ranks first.
    assert t["area_id"].tolist() == ["E", "C", "B", "A", "D"]


def test_cli_access(row_project, backend):
    t = backend.target(row_project)
    r = run_cli("access", t, "--need", "row:reports", "--service", "Parenting support",
                "--within", "1.2km", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [a["area_id"] for a in data["areas"] if a["gap"]] == ["D", "C"]
    assert data["layer"] == "access_gaps_parenting"
    assert sorted(backend.open(t).read_layer("access_gaps_parenting")["area_id"]) == ["C", "D"]
    r = run_cli("access", t, "--need", "row:code", "--service", "parenting")
    assert r.returncode == 2 and "holds no numbers" in r.stderr and "reports" in r.stderr
    r = run_cli("access", t, "--need", "reports", "--service", "parenting")
    assert r.returncode == 2 and "LAYER:FIELD" in r.stderr
    r = run_cli("access", t, "--need", "row:reports", "--service", "yoga")
    assert r.returncode == 2 and "not a service category" in r.stderr


def test_need_from_a_report_layer_counted_by_quarter(demo_copy):
    """The demo's DV calls are counted per neighbourhood and quarter (88 x 12 rows): the gap table
    has one row per neighbourhood, its need the all-periods rate, named as the neighbourhoods are."""
    from assetmap.access.gap import run_access
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec

    CommandStack().push(commands.add_hub(demo_copy, "SLU", -90.2340, 38.6365,
                                         services=[ServiceSpec("p", "parenting")]))
    layer = next(n for n in demo_copy.layer_names() if n.startswith("dv_"))
    table = run_access(demo_copy, f"{layer}:rate_per_1000", "parenting", within=1609.344, write_layer=False)
    rows = demo_copy.read_layer(layer)
    totals = rows[rows["period"] == "all"].set_index("NHD_NUM")["rate_per_1000"]
    assert len(table) == 88 and table["area_id"].is_unique
    assert set(table["area_name"]) == set(demo_copy.read_layer("neighborhoods")["NHD_NAME"])
    need = table.set_index("area_id")["need"]
    both = totals.dropna().index
    assert need.loc[both].tolist() == pytest.approx(totals.loc[both].tolist())
