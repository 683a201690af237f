"""Per-team maps: the right units in the team colour, public points only."""

from __future__ import annotations

import geopandas as gpd
import shapely
from PySide6.QtGui import QColor

from assetmap.layers.info import LayerInfo
from assetmap.layers.roles import LayerRole
from assetmap.territories import store
from assetmap.territories.maps import team_maps
from assetmap.territories.model import open_plan
from tests.conftest import run_cli

TEAM2 = {"1", "2", "3", "4", "5"}


def painted(stl_project):
    store.save_plan(stl_project, store.PlanRecord("P", "neighborhoods", store.default_teams(3),
                                                  {u: 1 for u in TEAM2}, fields=["population"]))
    return open_plan(stl_project, "P")


def test_png_shows_the_team_units_in_its_colour(qapp, stl_project):
    from assetmap.ui.territories_print import render_image

    model = painted(stl_project)
    (m,) = team_maps(model)
    img, tx = render_image(m, 600, 850)
    team = QColor(m.colour)

    def majority(poly):
        # Sample a grid of points inside the unit, away from its label in the middle.
        minx, miny, maxx, maxy = poly.bounds
        pts = [shapely.Point(minx + (maxx - minx) * i / 8, miny + (maxy - miny) * j / 8)
               for i in range(1, 8) for j in range(1, 8)]
        pts = [p for p in pts if poly.buffer(-30).contains(p)]
        colours = [img.pixelColor(tx(p.x, p.y).toPoint()) for p in pts]
        tinted = sum(abs(c.red() - (team.red() * 170 + 255 * 85) / 255) < 12 and
                     abs(c.blue() - (team.blue() * 170 + 255 * 85) / 255) < 12 for c in colours)
        return tinted / max(1, len(colours))

    assert {u for u, _, _ in m.own} == TEAM2
    for _, _, poly in m.own:
        assert majority(poly) > 0.7
    for poly in m.context:
        assert majority(poly) < 0.05


def test_points_inside_the_territory_and_never_confidential(stl_project):
    model = painted(stl_project)
    (m,) = team_maps(model)
    union = shapely.union_all([g for _, _, g in m.own])
    inside = gpd.GeoSeries([union.representative_point()], crs=model.units.projected_crs).to_crs(4326)[0]
    far = shapely.Point(-90.2, 38.7)
    hubs = gpd.GeoDataFrame({"name": ["Open hub", "Shelter", "Far hub"], "confidential": [0, 1, 0]},
                            geometry=[inside, inside, far], crs=4326)
    stl_project.write_layer(hubs, LayerInfo("hubs", LayerRole.HUBS, "Hubs"))
    (m,) = team_maps(model, stl_project)
    assert [(role, name) for role, name, _, _ in m.points] == [("hubs", "Open hub")]


def test_maps_cli_writes_one_pdf_per_team(stl_project, tmp_path, backend):
    painted(stl_project)
    r = run_cli("territories", "maps", backend.target(stl_project), "--plan", "P", tmp_path / "maps")
    assert r.returncode == 0, r.stderr
    files = sorted((tmp_path / "maps").glob("*.pdf"))
    assert [f.name for f in files] == ["p_team_2.pdf"]
    assert files[0].read_bytes().startswith(b"%PDF")
