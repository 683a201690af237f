"""Issue 18, done when: a partnership's own city from nothing, with the app's own commands, on the
City's State Plane shapefile: new project → import boundaries → join the population CSV → import
assets and an HSDS directory → reports with rates per 1,000 → balance six teams by population →
a map PDF for a meeting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED, run_cli

ASSETS = "name,kind,latitude,longitude\n" \
         "Tower Grove Park,park,38.6070,-90.2590\n" \
         "Fairground Park,park,38.6640,-90.2180\n" \
         "Saint Louis University,school,38.6365,-90.2340\n"


def hsds_in_st_louis(tmp_path):
    """The official HSDS 3 example (placeholder coordinates), placed at a St. Louis address, as
    scripts/make_demo.py places it for the demo."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_demo", Path(__file__).resolve().parents[1] / "scripts"
                                                  / "make_demo.py")
    make_demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_demo)
    return make_demo.hsds_in_st_louis(tmp_path / "directory", SHARED / "hsds3")


def _ok(*args):
    r = run_cli(*args)
    assert r.returncode == 0, f"{args[0]}: {r.stderr}"
    return r


def test_own_city_from_nothing_to_a_meeting_map(tmp_path, stl):
    import geopandas as gpd
    import pandas as pd
    import pdfplumber

    from assetmap.project import Project

    p = tmp_path / "city.gpkg"
    _ok("new", p, "--title", "Our partnership")
    _ok("import", p, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "--role", "areas",
        "--name", "neighborhoods")
    r = _ok("join", p, "neighborhoods", stl / "population_by_neighborhood.csv", "--on", "NHD_NUM", "--json")
    assert json.loads(r.stdout)["matched"] == 79
    (tmp_path / "assets.csv").write_text(ASSETS, encoding="utf-8")
    _ok("import", p, tmp_path / "assets.csv", "--role", "assets", "--name", "community_assets")
    _ok("hubs", "import", p, hsds_in_st_louis(tmp_path))
    incidents = stl / "slmpd_part1_2019.csv"
    r = _ok("reports", p, incidents, "--kind", "dv", "--areas", "neighborhoods", "--filter-col", "description",
            "--filter-contains", "DOMESTIC", "--population-field", "pop17", "--json")
    summary = json.loads(r.stdout)
    r = _ok("territories", "balance", p, "--areas", "neighborhoods", "--teams", "6", "--by", "pop17",
            "--plan", "Balanced", "--json")
    balanced = json.loads(r.stdout)
    out = tmp_path / "meeting.pdf"
    _ok("map", p, out, "--title", "St. Louis: where families need us")

    project = Project.open(p)
    assert {i.role.value for i in project.layers()} >= {"areas", "assets", "hubs", "aggregate"}
    # Rates per 1,000 from the joined population, checked against an independent count:
    # geopandas point-in-polygon of the same incidents.
    dv = project.read_layer(summary["layer"])
    areas = project.read_layer("neighborhoods")
    raw = pd.read_csv(incidents, dtype=str, keep_default_na=False)
    raw = raw[raw["description"].str.contains("DOMESTIC", case=False)]
    raw = raw[(raw["x"] != "NA") & (raw["y"] != "NA")]
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(raw["x"].astype(float), raw["y"].astype(float)),
                           crs="EPSG:4326").to_crs(areas.crs)
    counts = gpd.sjoin(pts, areas[["NHD_NUM", "geometry"]], predicate="within").groupby("NHD_NUM").size()
    published = dv[~dv["suppressed"].astype(bool) & dv["count"].notna()]
    assert len(published) > 20
    pop = areas.set_index("NHD_NUM")["pop17"]
    for _, row in published.iterrows():
        key = row["NHD_NUM"]
        assert row["count"] == pytest.approx(counts.get(key, 0), abs=1)  # border points: smallest id wins
        if pd.notna(pop.get(key)) and pop[key] > 0:
            assert row["rate_per_1000"] == pytest.approx(row["count"] * 1000 / pop[key], rel=1e-9)
    assert dv.loc[dv["suppressed"].astype(bool), "count"].isna().all()  # 1–10 never published
    # Six contiguous teams within ±5 % of an even share of the population.
    assert balanced["within_tolerance"] and balanced["worst_deviation_pct"] <= 5
    teams = balanced["stats"]["teams"]
    assert len(teams) == 6 and all(t["pieces"] == 1 for t in teams)
    # The meeting map: display names and sources by name, never a local path.
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "St. Louis: where families need us" in text
    assert "Neighborhoods" in text and "Community assets" in text
    assert str(tmp_path) not in text.replace("\n", "") and "/work/" not in text.replace("\n", "")
    assert "BND_Nhd88_cw.shp" in text.replace("\n", "")
