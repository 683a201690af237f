"""Counts against an independent point-in-polygon count on the real St. Louis incidents."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from assetmap.errors import UserError
from assetmap.reports import aggregate_reports
from tests.reports.conftest import oracle_counts


@pytest.mark.parametrize("kind,contains", [("dv", "DOMESTIC"), ("maltreatment", "CHILD")])
def test_counts_equal_independent_sjoin_and_small_counts_suppressed(rproject, incidents, kind, contains):
    result = aggregate_reports(rproject, incidents, kind, areas="neighborhoods",
                               filter_col="description", filter_contains=contains,
                               population_field="pop17")
    areas = rproject.read_layer("neighborhoods")
    expected, total, no_xy, outside = oracle_counts(incidents, contains, areas)
    layer = rproject.read_layer(f"{kind}_by_neighborhoods")
    info = rproject.layer(f"{kind}_by_neighborhoods")
    assert info.role.value == "aggregate"
    assert len(layer) == 88
    assert result.selected == total and result.no_coordinates == no_xy and result.outside == outside
    assert result.in_units + result.outside + result.no_coordinates == result.selected
    checked = 0
    for _, row in layer.iterrows():
        true = expected.get(int(row["NHD_NUM"]), 0)
        if 1 <= true <= 10:
            assert row["suppressed"] and pd.isna(row["count"]), row["NHD_NUM"]
        if row["suppressed"]:
            assert pd.isna(row["count"]) and pd.isna(row["rate_per_1000"])
        else:
            assert int(row["count"]) == true
            assert not 1 <= true <= 10
            checked += 1
            if row["pop17"] if "pop17" in row else True:
                pop = float(areas.loc[areas.NHD_NUM == row["NHD_NUM"], "pop17"].iloc[0])
                if pop > 0:
                    assert row["rate_per_1000"] == pytest.approx(true * 1000 / pop)
    assert checked >= 10  # the comparison really covered many units
    assert layer["suppressed"].sum() >= 1


def test_border_point_counted_once_in_smallest_id(rproject, tmp_path):
    import shapely

    areas = rproject.read_layer("neighborhoods").sort_values("NHD_NUM")
    a, b = None, None
    geoms = dict(zip(areas.NHD_NUM.astype(int), areas.geometry))
    for i, gi in geoms.items():
        for j, gj in geoms.items():
            if i < j and gi.touches(gj):
                shared = gi.boundary.intersection(gj.boundary)
                if shared.length > 0:
                    a, b, line = i, j, shared
                    break
        if a:
            break
    # Snap onto a vertex so the point is exactly on both boundaries.
    vx = shapely.get_coordinates(line)[1]
    assert geoms[a].covers(shapely.Point(vx)) and geoms[b].covers(shapely.Point(vx))
    rows = ["x,y,description"] + [f"{float(vx[0])!r},{float(vx[1])!r},DOMESTIC"] * 12 + ["NA,NA,DOMESTIC"]
    f = tmp_path / "border.csv"
    f.write_text("\n".join(rows) + "\n")
    covering = sorted(i for i, g in geoms.items() if g.covers(shapely.Point(vx)))
    assert len(covering) >= 2
    r = aggregate_reports(rproject, f, "dv", areas="neighborhoods")
    layer = rproject.read_layer("dv_by_neighborhoods").set_index("NHD_NUM")
    assert layer.loc[covering[0], "count"] == 12
    assert (layer.loc[covering[1:], "count"] == 0).all()
    assert r.in_units == 12 and r.no_coordinates == 1 and layer["count"].sum() == 12


def test_periods_and_all_rows(rproject, incidents):
    r = aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", filter_col="description",
                          filter_contains="DOMESTIC", date_col="date_occur", period="quarter")
    layer = rproject.read_layer("dv_by_neighborhoods")
    df = pd.read_csv(incidents, low_memory=False)
    df = df[df.description.str.contains("DOMESTIC")]
    dates = pd.to_datetime(df.date_occur, format="%m/%d/%Y %H:%M")
    expected = {f"{p.year}-Q{p.quarter}" for p in dates}
    assert set(r.periods) == expected
    assert set(layer.period) == expected | {"all"}
    assert (layer.groupby("period").size() == 88).all()
    # Where nothing is suppressed for a unit, its periods add up to its 'all' row.
    for unit, g in layer.groupby("NHD_NUM"):
        if not g.suppressed.any():
            assert g.loc[g.period != "all", "count"].sum() == g.loc[g.period == "all", "count"].iloc[0]


def test_projected_project_gives_same_counts(tmp_path, incidents):
    from assetmap.importers import import_file
    from assetmap.project import Project
    from tests.reports.conftest import STL

    p4326 = Project.create(tmp_path / "a.gpkg", crs="EPSG:4326")
    putm = Project.create(tmp_path / "b.gpkg", crs="EPSG:26915")
    for p in (p4326, putm):
        import_file(p, STL / "neighborhoods.geojson", "areas", name="neighborhoods")
        aggregate_reports(p, incidents, "dv", areas="neighborhoods", filter_col="description",
                          filter_contains="DOMESTIC")
    a = p4326.read_layer("dv_by_neighborhoods").set_index("NHD_NUM")["count"]
    b = putm.read_layer("dv_by_neighborhoods").set_index("NHD_NUM")["count"]
    assert a.fillna(-1).equals(b.fillna(-1))


def test_hexagons_cover_areas_and_count_exactly(rproject, incidents):
    import geopandas as gpd

    r = aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", hex_res=8,
                          filter_col="description", filter_contains="DOMESTIC")
    hexes = rproject.read_layer("dv_by_hex8")
    assert r.layer == "dv_by_hex8" and hexes["h3"].is_unique
    df = pd.read_csv(incidents, low_memory=False)
    df = df[df.description.str.contains("DOMESTIC")].dropna(subset=["x", "y"])
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4326", index=range(len(df)))
    j = gpd.sjoin(pts, hexes[["h3", "geometry"]], predicate="intersects").groupby(level=0)["h3"].min()
    expected = j.value_counts()
    shown = hexes.loc[~hexes.suppressed].set_index("h3")["count"]
    for cell, n in shown.items():
        assert n == expected.get(cell, 0)
    small = expected[(expected >= 1) & (expected <= 10)].index
    assert hexes.set_index("h3").loc[small, "suppressed"].all()


def test_bad_dates_name_rows_and_store_nothing(rproject, tmp_path):
    f = tmp_path / "bad_dates.csv"
    f.write_text("lat,lon,when\n38.63,-90.25,2017-03-01\n38.64,-90.24,not a date\n"
                 "38.62,-90.26,\n38.61,-90.25,2017-05-02\n")
    before = rproject.path.read_bytes()
    with pytest.raises(UserError) as err:
        aggregate_reports(rproject, f, "maltreatment", areas="neighborhoods", date_col="when",
                          period="month")
    assert "2 of 4 rows" in err.value.message and "rows 3, 4" in err.value.message
    assert "-90" not in str(err.value) and "38.6" not in str(err.value)
    assert rproject.path.read_bytes() == before
    r = aggregate_reports(rproject, f, "maltreatment", areas="neighborhoods", date_col="when",
                          period="month", skip_bad_dates=True)
    assert r.bad_dates == 2 and r.periods == ["2017-03", "2017-05"]


@pytest.mark.parametrize("threshold", [0, 4])
def test_threshold_never_below_five(rproject, incidents, threshold):
    with pytest.raises(UserError):
        aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", min_count=threshold)


def test_threshold_raises_suppression(rproject, incidents):
    from assetmap.reports.policy import set_threshold

    set_threshold(rproject, 20)
    aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", filter_col="description",
                      filter_contains="DOMESTIC")
    areas = rproject.read_layer("neighborhoods")
    expected, *_ = oracle_counts(incidents, "DOMESTIC", areas)
    layer = rproject.read_layer("dv_by_neighborhoods")
    for _, row in layer.iterrows():
        if 1 <= expected.get(int(row.NHD_NUM), 0) <= 20:
            assert row.suppressed
    assert np.all(layer.loc[~layer.suppressed, "count"].isin([0]) | (layer.loc[~layer.suppressed, "count"] > 20))


def test_cancel_before_write_leaves_project_untouched(rproject, incidents):
    from assetmap.errors import Cancelled
    from assetmap.tasks import TaskContext

    before = rproject.path.read_bytes()
    seen = []

    def on_progress(f, msg):
        seen.append(msg)
        if msg.startswith("Writing"):
            ctx.cancel()

    ctx = TaskContext(on_progress)
    with pytest.raises(Cancelled):
        aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", ctx=ctx)
    assert any(m.startswith("Counting") for m in seen)
    assert rproject.path.read_bytes() == before and not rproject.has_layer("dv_by_neighborhoods")


def test_unit_trend_for_popup(rproject, incidents):
    from assetmap.reports.series import periods, unit_trend

    aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", filter_col="description",
                      filter_contains="DOMESTIC", date_col="date_occur", period="month")
    order = periods(rproject, "dv_by_neighborhoods")
    assert order == sorted(order) and len(order) >= 12
    layer = rproject.read_layer("dv_by_neighborhoods")
    busiest = layer.loc[layer.period == "all"].sort_values("count", ascending=False).NHD_NUM.iloc[0]
    trend = unit_trend(rproject, "dv_by_neighborhoods", int(busiest))
    assert [p for p, _ in trend] == order
    rows = layer.loc[layer.NHD_NUM == busiest].set_index("period")
    for p, v in trend:
        assert (v is None) == bool(rows.loc[p, "suppressed"])
        if v is not None:
            assert v == rows.loc[p, "count"]


def test_second_breakdown_of_same_units_warns(rproject, incidents):
    first = aggregate_reports(rproject, incidents, "dv", areas="neighborhoods")
    assert first.warnings == []
    second = aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", name="dv_years",
                               date_col="date_occur", period="year")
    assert any("dv_by_neighborhoods" in w for w in second.warnings)
    assert any(line.startswith("Warning:") for line in second.lines())
    other = aggregate_reports(rproject, incidents, "maltreatment", areas="neighborhoods")
    assert other.warnings == []


def test_own_hex_grid_tiles_the_areas_and_counts_exactly(rproject, incidents):
    import geopandas as gpd
    import shapely

    r = aggregate_reports(rproject, incidents, "dv", areas="neighborhoods", hex_size=1000,
                          filter_col="description", filter_contains="DOMESTIC")
    assert r.layer == "dv_by_hex1000m"
    hexes = rproject.read_layer("dv_by_hex1000m")
    areas = rproject.read_layer("neighborhoods")
    utm = hexes.to_crs(hexes.estimate_utm_crs())
    assert np.allclose(utm.area, np.sqrt(3) / 2 * 1000 ** 2, rtol=1e-3)
    union = shapely.union_all(utm.geometry.to_numpy())
    assert union.area == pytest.approx(utm.area.sum(), rel=1e-6)  # no overlaps
    assert union.buffer(1).covers(shapely.union_all(areas.to_crs(utm.crs).geometry.to_numpy()))
    df = pd.read_csv(incidents, low_memory=False)
    df = df[df.description.str.contains("DOMESTIC")].dropna(subset=["x", "y"])
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4326", index=range(len(df)))
    first = gpd.sjoin(pts, hexes[["hex_id", "geometry"]], predicate="intersects").groupby(level=0)["hex_id"].min()
    expected = first.value_counts()
    for cell, n in hexes.loc[~hexes.suppressed].set_index("hex_id")["count"].items():
        assert n == expected.get(cell, 0)
    small = expected[(expected >= 1) & (expected <= 10)].index
    assert hexes.set_index("hex_id").loc[small, "suppressed"].all()
