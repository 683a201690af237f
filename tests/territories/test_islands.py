"""Units touching no other unit join the team of their nearest neighbour, and are reported."""

from __future__ import annotations

import shapely

from tests.territories.conftest import DEMO


def _with_island(stl_project):
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    from assetmap.layers import LayerInfo, LayerRole

    gdf = pyogrio.read_dataframe(DEMO, layer="neighborhoods")
    # A small detached area east of the city (an island in the Mississippi, say).
    east = gdf.total_bounds[2]
    row = gpd.GeoDataFrame({"NHD_NUM": [999], "NHD_NAME": ["Island"], "population": [50.0]},
                           geometry=[shapely.box(east + 0.01, 38.60, east + 0.02, 38.61)], crs=gdf.crs)
    both = gpd.GeoDataFrame(pd.concat([gdf, row], ignore_index=True), crs=gdf.crs)
    stl_project.write_layer(both, LayerInfo("areas2", LayerRole.AREAS, "Areas with an island",
                                            extra={"id_field": "NHD_NUM", "name_field": "NHD_NAME"}))
    return both


def test_components_and_islands(stl_project):
    from assetmap.territories.islands import components, find_islands, link_islands
    from assetmap.territories.units import load_units

    _with_island(stl_project)
    units = load_units(stl_project, "areas2")
    assert find_islands(units) == ["999"]
    assert [len(g) for g in components(units)] == [88, 1]
    linked, links = link_islands(units)
    assert len(links) == 1 and links[0].unit == "999"
    assert len(components(linked)) == 1
    assert "999" not in units.rook[links[0].nearest]  # the original is untouched
    # Independent: the nearest neighbour by geopandas distance.
    gdf = stl_project.read_layer("areas2").to_crs("EPSG:26915")
    island = gdf.loc[gdf["NHD_NUM"] == 999].geometry.iloc[0]
    others = gdf.loc[gdf["NHD_NUM"] != 999]
    assert str(others.loc[others.distance(island).idxmin(), "NHD_NUM"]) == links[0].nearest


def test_balance_attaches_an_island_to_its_neighbours_team(stl_project):
    from assetmap.territories.suggest import suggest_plan

    _with_island(stl_project)
    plan, result = suggest_plan(stl_project, "areas2", 6, "population", "Balanced")
    team = plan.assignments["999"]
    assert sum(1 for t in plan.assignments.values() if t == team) > 1  # never a team of its own
    assert any("999 (Island) touches no other unit" in n for n in result.notes)
    nearest = result.notes[0].rsplit("neighbour ", 1)[1].split(" ")[0]
    assert plan.assignments[nearest] == team


def test_cli_prints_the_attachment(stl_project):
    from tests.conftest import run_cli

    _with_island(stl_project)
    r = run_cli("territories", "balance", stl_project.path, "--areas", "areas2", "--teams", "6",
                "--by", "population", "--plan", "B")
    assert r.returncode == 0, r.stderr
    assert "touches no other unit: attached to the team of its nearest neighbour" in r.stdout
