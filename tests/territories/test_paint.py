"""Plans in the project, painting, locking, polygon selection, undo/redo."""

from __future__ import annotations

import sqlite3

import pytest
import shapely

from assetmap.commands import CommandStack
from assetmap.errors import UserError
from assetmap.territories import store
from assetmap.territories.commands import (
    CreatePlanCommand, DeletePlanCommand, DuplicatePlanCommand, PaintSession, RenamePlanCommand,
)


def saved(project, name="Mine"):
    return store.load_plan(project, name).assignments


def test_plan_tables_are_registered_geopackage_attribute_tables(plan_model, stl_project):
    con = sqlite3.connect(stl_project.path)
    rows = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    for t in ("assetmap_territory_plans", "assetmap_territory_teams", "assetmap_territory_assignments"):
        assert rows[t] == "attributes"
    colours = [t.colour for t in store.load_plan(stl_project, "Mine").teams]
    assert len(set(colours)) == 6 and set(colours) <= set(store.DEFAULT_COLOURS)


def test_drag_stroke_is_one_undo_step_and_one_saved_change(plan_model, stl_project):
    stack = CommandStack()
    session = PaintSession(plan_model, stack, team=2)
    v0 = store.load_plan(stl_project, "Mine").version
    session.begin()
    for uid in (1, "2", 3.0, 4):           # a drag over four units, ids as a map may report them
        session.add(uid)
    session.end()
    assert saved(stl_project) == {"1": 2, "2": 2, "3": 2, "4": 2}
    assert store.load_plan(stl_project, "Mine").version == v0 + 1   # one transaction per stroke
    session.team = 3
    session.click("4")
    assert saved(stl_project)["4"] == 3
    session.undo()
    assert saved(stl_project)["4"] == 2
    session.undo()
    assert saved(stl_project) == {} and not stack.can_undo
    assert plan_model.stats().teams[2].units == 0
    session.redo()
    assert saved(stl_project) == {"1": 2, "2": 2, "3": 2, "4": 2}
    assert plan_model.stats().teams[2].units == 4


def test_erase_and_locked_teams_are_not_repainted(plan_model, stl_project):
    session = PaintSession(plan_model, team=0)
    session.begin(); session.add("10", "11"); session.end()
    session.lock(0)
    session.team = 1
    assert session.click("10") == 0            # locked team's unit keeps its team
    session.erasing = True
    assert session.click("11") == 0
    assert saved(stl_project) == {"10": 0, "11": 0}
    session.erasing = False
    session.team = 0
    assert session.click("12") == 0            # nothing is painted onto a locked team
    session.undo()                             # unlock
    assert not store.load_plan(stl_project, "Mine").teams[0].locked
    session.erasing = True
    assert session.click("11") == 1
    assert saved(stl_project) == {"10": 0}


def test_unknown_unit_is_a_user_error(plan_model):
    with pytest.raises(UserError, match="no unit with id '9999'"):
        PaintSession(plan_model).click(9999)


def polygon_oracle(frame, poly, rule):
    """Independent of the app: geopandas predicates per row."""
    out = set()
    for nhd, geom in zip(frame.NHD_NUM, frame.geometry):
        if rule == "point":
            if poly.contains(geom.representative_point()):
                out.add(str(nhd))
        elif geom.intersection(poly).area > 0.5 * geom.area:
            out.add(str(nhd))
    return out


@pytest.mark.parametrize("rule", ["mostly", "point"])
def test_free_polygon_takes_the_units_it_covers(plan_model, stl_project, stl_frame, rule):
    # A box over the middle of the city, cutting through many neighbourhoods.
    minx, miny, maxx, maxy = stl_frame.total_bounds
    poly = shapely.box(minx + 0.3 * (maxx - minx), miny + 0.3 * (maxy - miny),
                       minx + 0.6 * (maxx - minx), miny + 0.55 * (maxy - miny))
    expected = polygon_oracle(stl_frame, poly, rule)
    assert 5 < len(expected) < 40
    session = PaintSession(plan_model, team=4)
    assert session.polygon(poly, rule=rule) == len(expected)
    assert set(saved(stl_project)) == expected
    session.undo()
    assert saved(stl_project) == {}


def test_plan_commands_create_rename_duplicate_delete_undo(plan_model, stl_project):
    PaintSession(plan_model, team=1).click("5")
    stack = CommandStack()
    stack.push(DuplicatePlanCommand(stl_project, "Mine", "Copy"))
    assert saved(stl_project, "Copy") == {"5": 1}
    stack.push(RenamePlanCommand(stl_project, "Copy", "Renamed"))
    stack.push(CreatePlanCommand(stl_project, store.PlanRecord("Empty", "neighborhoods", store.default_teams(3))))
    stack.push(DeletePlanCommand(stl_project, "Mine"))
    assert store.plan_names(stl_project) == ["Renamed", "Empty"]
    stack.undo()                               # the deleted plan comes back with its assignments
    assert saved(stl_project) == {"5": 1}
    PaintSession(plan_model, team=2).click("6")   # the open model still saves to it
    assert saved(stl_project) == {"5": 1, "6": 2}
    stack.undo(); stack.undo(); stack.undo()
    assert store.plan_names(stl_project) == ["Mine"]
    stack.redo()
    assert saved(stl_project, "Copy") == {"5": 1}
    with pytest.raises(UserError, match="already has a territory plan named 'Mine'"):
        DuplicatePlanCommand(stl_project, "Copy", "Mine").do()
    with pytest.raises(UserError, match="no territory plan named 'Nope'"):
        store.load_plan(stl_project, "Nope")


def test_saving_to_a_deleted_plan_is_refused_and_writes_nothing(plan_model, stl_project):
    session = PaintSession(plan_model, team=0)
    session.click("1")
    store.delete_plan(stl_project, "Mine")
    with pytest.raises(UserError, match="has been deleted"):
        session.click("2")
    con = sqlite3.connect(stl_project.path)
    assert con.execute("SELECT count(*) FROM assetmap_territory_assignments").fetchone()[0] == 0
