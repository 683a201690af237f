"""Territory statistics are descriptors in one registry: a statistic registered here (area in
hectares, summed incrementally per unit) appears in the panel's table, the CLI's text and JSON,
the plan export, the comparison and the printed team maps, without editing any of them."""

from __future__ import annotations

import json

import pyogrio
import pytest

from assetmap.cli import main
from assetmap.territories import statistics, store
from assetmap.territories.model import open_plan

HECTARES = statistics.TeamStatistic(
    "area_ha", "Area (ha)", "{:,.1f}", unit_value=lambda units, uid: units.area[uid] / 1e4, digits=1)


@pytest.fixture()
def hectares():
    statistics.register(HECTARES)
    yield HECTARES
    statistics.unregister("area_ha")


@pytest.fixture()
def painted(stl_project):
    store.save_plan(stl_project, store.PlanRecord("Mine", "neighborhoods", store.default_teams(3),
                                                  {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1},
                                                  fields=["population"]))
    return stl_project


def utm_hectares(frame, ids):
    """Independent: the units' areas from geopandas in the local UTM zone."""
    gdf = frame.to_crs(frame.estimate_utm_crs())
    return gdf[gdf.NHD_NUM.astype(str).isin(ids)].geometry.area.sum() / 1e4


def test_registered_statistic_is_computed_incrementally(hectares, painted, stl_frame):
    model = open_plan(painted, "Mine")
    by_team = {t.team: t for t in model.stats().teams}
    assert by_team[0].value("area_ha") == pytest.approx(utm_hectares(stl_frame, {"1", "2"}), rel=1e-3)
    model.apply({"2": 1, "6": 0})   # moves update the running sums
    by_team = {t.team: t for t in model.stats().teams}
    assert by_team[0].value("area_ha") == pytest.approx(utm_hectares(stl_frame, {"1", "6"}), rel=1e-3)
    assert by_team[1].value("area_ha") == pytest.approx(utm_hectares(stl_frame, {"2", "3", "4", "5"}), rel=1e-3)
    assert by_team[2].value("area_ha") == 0
    assert by_team[0].to_dict()["area_ha"] == by_team[0].value("area_ha")


def test_statistic_registered_after_the_model_is_summed_once(painted, stl_frame):
    model = open_plan(painted, "Mine")
    statistics.register(HECTARES)
    try:
        t0 = model.stats().teams[0]
        assert t0.value("area_ha") == pytest.approx(utm_hectares(stl_frame, {"1", "2"}), rel=1e-3)
    finally:
        statistics.unregister("area_ha")


def test_statistic_needs_one_way_to_compute():
    with pytest.raises(ValueError, match="exactly one"):
        statistics.register(statistics.TeamStatistic("nothing", "Nothing"))


def test_registered_statistic_in_panel(hectares, painted, qtbot):
    from PySide6.QtCore import Qt

    from assetmap.ui.territories_panel import TerritoriesPanel

    w = TerritoriesPanel(painted)
    qtbot.addWidget(w)
    w.show()
    m = w.table_model
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["Team", "Units", "population", "population ± %", "Pieces", "Compactness", "Area (ha)"]
    t0 = w.model.stats().teams[0]
    assert m.data(m.index(0, headers.index("Area (ha)"))) == f"{t0.value('area_ha'):,.1f}"


def test_registered_statistic_in_cli_export_compare_and_maps(hectares, painted, tmp_path, capsys):
    from assetmap.territories.maps import team_maps

    def run(*args):
        capsys.readouterr()
        assert main(["territories", *map(str, args)]) == 0
        return capsys.readouterr().out

    ha = open_plan(painted, "Mine").stats().teams[0].value("area_ha")
    text = run("stats", painted.path, "--plan", "Mine")
    assert f"area_ha {ha:,.1f}" in text.splitlines()[1]
    teams = json.loads(run("stats", painted.path, "--plan", "Mine", "--json"))["teams"]
    assert teams[0]["area_ha"] == pytest.approx(ha)

    out = tmp_path / "plan.gpkg"
    run("export", painted.path, "--plan", "Mine", out)
    territories = pyogrio.read_dataframe(out, layer="territories")
    assert territories.set_index("team_number").loc[1, "area_ha"] == round(ha, 1)

    store.save_plan(painted, store.PlanRecord("Other", "neighborhoods", store.default_teams(3), {"1": 0},
                                              fields=["population"]))
    rows = json.loads(run("compare", painted.path, "--plan", "Mine", "--other", "Other", "--json"))["teams"]
    assert rows[0]["area_ha_a"] == round(ha, 1) and rows[0]["area_ha_b"] < rows[0]["area_ha_a"]
    assert "area_ha" in run("compare", painted.path, "--plan", "Mine", "--other", "Other")

    summary = team_maps(open_plan(painted, "Mine"))[0].summary
    assert f"Area (ha): {ha:,.1f}" in "\n".join(summary)
    assert "piece(s); compactness" in "\n".join(summary)   # the built-ins read as before


def test_workload_fields_are_descriptors_read_by_every_reader(painted, tmp_path, capsys, qtbot):
    """A plan's workload field is a pair of descriptors (sum and deviation) in the same ordered
    list as the registered statistics; every reader shows exactly that list, in that order."""
    from PySide6.QtCore import Qt

    from assetmap.territories.compare import compare_plans
    from assetmap.territories.export import plan_frames
    from assetmap.territories.maps import team_maps
    from assetmap.ui.territories_panel import TerritoriesPanel

    model = open_plan(painted, "Mine")
    t0 = model.stats().teams[0]
    areas = painted.read_layer("neighborhoods")
    want = float(areas[areas.NHD_NUM.astype(str).isin({"1", "2"})]["population"].sum())   # independent
    sum_pop, dev_pop = statistics.workload_statistics("population")
    assert sum_pop.of(t0) == pytest.approx(want)
    assert dev_pop.of(t0) == pytest.approx(t0.deviation_pct["population"])
    assert sum_pop.text(sum_pop.of(t0)) == f"{want:,.0f}"

    panel_order = [st.key for st in statistics.plan_statistics(statistics.PANEL, ["population"])]
    assert panel_order == ["units", "population", "population_deviation_pct", "pieces", "polsby_popper"]
    w = TerritoriesPanel(painted)
    qtbot.addWidget(w)
    w.show()
    m = w.table_model
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(1, m.columnCount())] == [
        st.label for st in statistics.plan_statistics(statistics.PANEL, ["population"])]
    assert m.data(m.index(0, 2)) == f"{want:,.0f}"

    export_keys = [st.key for st in statistics.plan_statistics(statistics.EXPORT, ["population"],
                                                               workload_last=True)]
    territories, _ = plan_frames(model)
    assert [c for c in territories.columns if c not in ("team_number", "team", "colour", "locked", "geometry")] \
        == export_keys
    assert territories.loc[0, "population"] == pytest.approx(want)

    store.save_plan(painted, store.PlanRecord("Other", "neighborhoods", store.default_teams(3), {"1": 0},
                                              fields=["population"]))
    row = compare_plans(model, open_plan(painted, "Other")).rows[0]
    assert [k[:-2] for k in row if k.endswith("_a") and k != "name_a"] == export_keys

    capsys.readouterr()
    assert main(["territories", "stats", str(painted.path), "--plan", "Mine"]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.index("units") < line.index("population") < line.index("pieces")
    assert f"population {want:>12,.0f} ({t0.deviation_pct['population']:+6.1f} %)" in line

    summary = team_maps(model)[0].summary
    assert summary[1] == (f"population: {want:,.0f} ({t0.deviation_pct['population']:+.1f} % of the "
                          "ideal share)")
