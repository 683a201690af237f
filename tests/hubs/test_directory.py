"""Hub model stored in the project; edits are undoable commands."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.commands import CommandStack
from assetmap.errors import UserError
from assetmap.hubs import commands, directory
from assetmap.hubs.directory import ServiceSpec
from assetmap.layers import LayerRole


def _add_siegel(project, stack):
    cmd = commands.add_hub(
        project, "Siegel Community Education Center", -90.2497, 38.6105, organization="SLPS",
        services=[ServiceSpec("Parenting class", "parenting"), ServiceSpec("Shelter advocacy", "DV advocacy",
                                                                          confidential=True)],
        phone="314-555-0100", hours="Mon-Fri 8am-4pm", eligibility="Families in the district")
    stack.push(cmd)
    return cmd.result


def test_add_hub_writes_layer_and_tables(project):
    stack = CommandStack()
    hub_id = _add_siegel(project, stack)
    info = project.layer("hubs")
    assert info.role == LayerRole.HUBS and info.feature_count == 1
    gdf = project.read_layer("hubs")
    assert gdf.iloc[0]["id"] == hub_id
    assert gdf.geometry.iloc[0].x == pytest.approx(-90.2497) and gdf.geometry.iloc[0].y == pytest.approx(38.6105)
    # popup summary: public services only
    assert gdf.iloc[0]["categories"] == "parenting"
    assert "Shelter" not in gdf.iloc[0]["services"]
    assert gdf.iloc[0]["phone"] == "314-555-0100" and gdf.iloc[0]["hours"] == "Mon-Fri 8am-4pm"
    d = directory.load(project)
    svc = d["services"].set_index("name")
    assert svc.loc["Shelter advocacy", "category"] == "dv_advocacy"      # label resolved to code
    assert svc.loc["Shelter advocacy", "confidential"] == "1"
    assert set(svc["eligibility_description"]) == {"Families in the district"}
    assert d.hub_categories()[hub_id] == {"parenting", "dv_advocacy"}
    with sqlite3.connect(project.path) as con:
        registered = {r[0] for r in con.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type='attributes'")}
    assert {"assetmap_hsds_services", "assetmap_hsds_service_at_location", "assetmap_hsds_organizations"} <= registered


def test_edit_move_delete_undo_redo(project):
    stack = CommandStack()
    hub_id = _add_siegel(project, stack)
    stack.push(commands.edit_hub(project, hub_id, name="Siegel Center", confidential=True))
    assert directory.load(project).hub(hub_id)["name"] == "Siegel Center"
    assert project.read_layer("hubs").iloc[0]["confidential"] == "1"
    stack.push(commands.move_hub(project, hub_id, -90.30, 38.65))
    g = project.read_layer("hubs").geometry.iloc[0]
    assert (g.x, g.y) == pytest.approx((-90.30, 38.65))
    stack.push(commands.delete_hub(project, hub_id))
    d = directory.load(project)
    assert d.hub_ids() == [] and len(d["services"]) == 0 and len(d["phones"]) == 0
    stack.undo()
    d = directory.load(project)
    assert d.hub_ids() == [hub_id] and len(d["services"]) == 2 and len(d["phones"]) == 1
    stack.undo()
    g = project.read_layer("hubs").geometry.iloc[0]
    assert (g.x, g.y) == pytest.approx((-90.2497, 38.6105))
    stack.undo()
    assert directory.load(project).hub(hub_id)["name"] == "Siegel Community Education Center"
    stack.undo()
    assert project.read_layer("hubs").empty
    stack.redo()
    assert directory.load(project).hub_ids() == [hub_id]


def test_moved_in_gis_updates_coordinates(project):
    """The geometry is the truth: a hub moved in QGIS exports at its new place."""
    import pyogrio
    from shapely.geometry import Point

    _add_siegel(project, CommandStack())
    gdf = project.read_layer("hubs")
    gdf = gdf.set_geometry([Point(-90.3, 38.7)], crs=gdf.crs)
    pyogrio.write_dataframe(gdf, project.path, layer="hubs", driver="GPKG")
    loc = directory.load(project).hub(gdf.iloc[0]["id"])
    assert (float(loc["longitude"]), float(loc["latitude"])) == (-90.3, 38.7)


def test_bad_edits_leave_project_unchanged(project):
    stack = CommandStack()
    hub_id = _add_siegel(project, stack)
    before = project.path.read_bytes()
    with pytest.raises(UserError, match="not a service category"):
        commands.add_hub(project, "X", -90.2, 38.6, services=[ServiceSpec("Y", "astrology")])
    with pytest.raises(UserError, match="longitude/latitude"):
        commands.move_hub(project, hub_id, 38.6, 138.6)
    with pytest.raises(UserError, match="no hub with id"):
        commands.delete_hub(project, "nope")
    with pytest.raises(UserError, match="needs a name"):
        commands.add_hub(project, "  ", -90.2, 38.6)
    assert project.path.read_bytes() == before
    assert len(stack._undo) == 1


def test_project_categories_extend_taxonomy(project):
    from assetmap.hubs import taxonomy

    code = taxonomy.add_category(project, "Diaper bank")
    assert code == "diaper_bank"
    stack = CommandStack()
    stack.push(commands.edit_command(project, "add", lambda d: d.add_hub(
        "Pantry", -90.2, 38.6, services=[ServiceSpec("Diapers", "Diaper Bank")])))
    assert directory.load(project)["services"].iloc[0]["category"] == "diaper_bank"


def test_categorize_by_name_and_term(project, hsds_dir):
    from assetmap.hubs.hsds_import import import_hsds

    stack = CommandStack()
    stack.push(commands.add_hub(project, "Clinic", -90.2, 38.6, services=[ServiceSpec("Free Counselling", ""),
                                                                         ServiceSpec("Well child", "health")]))
    import_hsds(project, hsds_dir, unplaced=True)
    cmd = commands.edit_command(project, "cat", lambda d: d.categorize("counselling", "Mental health"))
    # the example's "Community Counselling" and our "Free Counselling"; "Well child" keeps health
    assert cmd.result == 2
    stack.push(cmd)
    cats = dict(zip(directory.load(project)["services"]["name"], directory.load(project)["services"]["category"]))
    assert cats == {"Free Counselling": "mental_health", "Community Counselling": "mental_health",
                    "Well child": "health"}
    stack.undo()
    assert directory.load(project)["services"]["category"].tolist().count("mental_health") == 0
    # the example's term is literally named "name": match through the taxonomy term
    n = commands.edit_command(project, "cat", lambda d: d.categorize("name", "food")).result
    assert n == 0   # the example attribute links no service (link_id is not a service id)
    with pytest.raises(UserError, match="not a service category"):
        commands.edit_command(project, "cat", lambda d: d.categorize("x", "astrology"))
