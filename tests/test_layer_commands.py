"""AddLayers / RemoveLayers / ReplaceLayer: undo leaves the project as before (layer list, row
counts, features with their fids), redo brings the change back, and what undo needs is on disk."""

from __future__ import annotations

import geopandas as gpd
import pytest
from pandas.testing import assert_frame_equal

from assetmap.layer_commands import AddLayers, LayerWork, RemoveLayers, ReplaceLayer, UndoStash
from assetmap.session import LayerAdded, LayerChanged, LayerRemoved, Session


def state(project):
    return [(n, len(project.read_layer(n))) for n in project.layer_names()]


def features(project, name):
    gdf = project.read_layer(name)
    return gdf.drop(columns="geometry"), gdf.geometry.to_wkb()


def same_features(a, b):
    assert_frame_equal(a[0], b[0])
    assert list(a[1]) == list(b[1])


@pytest.fixture()
def session(map_project):
    s = Session()
    s.open(map_project)
    return s


def test_add_layers_written_by_a_task_undo_and_redo(session, map_project):
    before = state(map_project)
    work = LayerWork(map_project, session.stash)
    pts = map_project.read_layer("sites").iloc[:3]
    from assetmap.layers import LayerInfo, LayerRole

    map_project.write_layer(pts.reset_index(drop=True), LayerInfo("more", LayerRole.ASSETS, "More"))   # the "task"
    after = state(map_project)
    seen = []
    session.subscribe(LayerAdded, seen.append)
    session.subscribe(LayerRemoved, seen.append)
    cmd = work.command("import more")
    assert isinstance(cmd, AddLayers)
    session.push(cmd)                     # pushed when the task finished: writes nothing again
    assert state(map_project) == after and seen == [LayerAdded("more")]
    session.stack.undo()
    assert state(map_project) == before and seen[-1] == LayerRemoved("more")
    session.stack.redo()
    assert state(map_project) == after and map_project.layer("more").display_name == "More"


def test_remove_layers_keeps_fids_and_puts_the_copy_on_disk(session, map_project):
    before, feats = state(map_project), features(map_project, "sites")
    order = map_project.layer_names()
    cmd = RemoveLayers(map_project, session.stash, ["sites"])
    session.push(cmd)
    assert "sites" not in map_project.layer_names()
    assert session.stash.path.exists() and session.stash.path.parent == map_project.path.parent
    assert not any(isinstance(v, gpd.GeoDataFrame) for v in vars(cmd).values())   # nothing kept in RAM
    session.stack.undo()
    assert state(map_project) == before and map_project.layer_names() == order
    same_features(features(map_project, "sites"), feats)
    session.stack.redo()
    assert "sites" not in map_project.layer_names()


def test_replace_layer_swaps_the_features_both_ways(session, map_project):
    work = LayerWork(map_project, session.stash, replaces=["sites"])
    work.prepare()
    old = features(map_project, "sites")
    info = map_project.layer("sites")
    gdf = map_project.read_layer("sites").iloc[:2].copy()
    gdf["kind"] = "changed"
    with map_project.edit() as tx:          # the "task" overwrites the layer
        tx.write_layer(gdf.reset_index(drop=True), info, replace=True)
    new = features(map_project, "sites")
    seen = []
    session.subscribe(LayerChanged, seen.append)
    cmd = work.command("re-run")
    assert isinstance(cmd, ReplaceLayer)
    session.push(cmd)
    same_features(features(map_project, "sites"), new)
    session.stack.undo()
    same_features(features(map_project, "sites"), old)
    session.stack.redo()
    same_features(features(map_project, "sites"), new)
    assert len(seen) == 3 and all("data" in e.what for e in seen)


def test_failed_work_drops_its_copies(session, map_project):
    work = LayerWork(map_project, session.stash, replaces=["sites", "absent"])
    work.prepare()
    assert len(session.stash._infos) == 1
    work.discard()
    assert session.stash._infos == {}
    assert work.command("nothing") is None


def test_stash_is_deleted_when_the_history_goes(session, map_project):
    session.push(RemoveLayers(map_project, session.stash, ["sites"]))
    path = session.stash.path
    assert path.exists()
    session.close()
    assert not path.exists()


def test_stash_file_of_a_dead_process_is_swept_on_open(map_project):
    from assetmap.project import Project

    stash = UndoStash(map_project)
    stash.put(map_project, "sites")
    dead = stash.path.with_name(stash.path.name.replace(f"-{__import__('os').getpid()}-", "-999999999-"))
    stash.path.rename(dead)
    Project.open(map_project.path)
    assert not dead.exists()


def test_join_undo_restores_the_features_from_the_stash(session, map_project, tmp_path):
    from assetmap.join.command import JoinTable
    from assetmap.join.core import plan_join
    from assetmap.join.table import read_table

    frame = map_project.read_layer("neighborhoods")
    key = "NHD_NUM"
    csv = tmp_path / "extra.csv"
    csv.write_text("NHD_NUM,score\n" + "\n".join(f"{v},{i}" for i, v in enumerate(frame[key])) + "\n")
    before = features(map_project, "neighborhoods")
    plan = plan_join(frame, read_table(csv), key, key, layer_name="neighborhoods", table_name="extra.csv")
    session.push(JoinTable(map_project, plan, "extra.csv", session.stash))
    assert "score" in map_project.read_layer("neighborhoods").columns
    session.stack.undo()
    same_features(features(map_project, "neighborhoods"), before)
    session.stack.redo()
    assert "score" in map_project.read_layer("neighborhoods").columns


def test_remove_and_replace_undo_on_both_backends(backend, map_project):
    """The same undo through the stash on a GeoPackage and on a shared PostGIS project."""
    project = backend.open(backend.target(map_project))
    s = Session()
    s.open(project)
    before, feats = state(project), features(project, "sites")
    s.push(RemoveLayers(project, s.stash, ["sites"]))
    assert "sites" not in project.layer_names()
    s.stack.undo()
    assert state(project) == before
    same_features(features(project, "sites"), feats)
    work = LayerWork(project, s.stash, replaces=["sites"])
    work.prepare()
    gdf = project.read_layer("sites").iloc[:2].copy()
    with project.edit() as tx:
        tx.write_layer(gdf.reset_index(drop=True), project.layer("sites"), replace=True)
    s.push(work.command("re-run"))
    assert len(project.read_layer("sites")) == 2
    s.stack.undo()
    same_features(features(project, "sites"), feats)
    s.close()
