"""The Qt-free Session: typed events for what happens to the open project, the commands' own
events after do/undo/redo, and the layer cache dropping exactly what went stale."""

from __future__ import annotations

import threading
from dataclasses import replace

from assetmap.session import (DATA, OPACITY, ORDER, STYLE, VISIBILITY, Event, HubsChanged, LayerAdded,
                              LayerChanged, LayerEvent, LayerRemoved, ProjectClosed, ProjectOpened, Session,
                              TerritoryPlansChanged, layer_events)


def _recorder(session, kind=Event):
    seen = []
    session.subscribe(kind, seen.append)
    return seen


def test_open_and_close_emit_project_events(map_project, demo_copy):
    s = Session()
    seen = _recorder(s)
    s.open(map_project)
    assert [type(e) for e in seen] == [ProjectOpened] and seen[0].project is map_project
    assert s.cache.project is map_project
    s.open(demo_copy)   # another project: the old one closes first
    assert [type(e) for e in seen] == [ProjectOpened, ProjectClosed, ProjectOpened]
    assert seen[1].project is map_project
    s.close()
    assert type(seen[-1]) is ProjectClosed and s.project is None and s.cache is None


def test_layer_commands_say_what_changed_on_do_undo_redo(map_project):
    from assetmap.mapview.commands import RemoveLayer, SetLayerOrder, UpdateLayerInfo

    s = Session()
    s.open(map_project)
    seen = _recorder(s, LayerEvent)
    info = map_project.layer("sites")
    info.opacity = 0.4
    s.push(UpdateLayerInfo(map_project, info, "opacity"))
    assert seen == [LayerChanged("sites", frozenset({OPACITY}))]
    info = map_project.layer("sites")
    info.visible, info.style = False, {"kind": "single", "color": "#ff0000"}
    s.push(UpdateLayerInfo(map_project, info, "hide and colour"))
    assert seen[-1] == LayerChanged("sites", frozenset({VISIBILITY, STYLE}))
    s.stack.undo()   # undo changes the same things back
    assert seen[-1] == LayerChanged("sites", frozenset({VISIBILITY, STYLE}))
    del seen[:]
    names = map_project.layer_names()
    s.push(SetLayerOrder(map_project, list(reversed(names))))
    assert {e.name for e in seen} == set(names) and all(e.what == {ORDER} for e in seen)
    del seen[:]
    s.push(RemoveLayer(map_project, "sites"))
    s.stack.undo()
    s.stack.redo()
    assert seen == [LayerRemoved("sites"), LayerAdded("sites"), LayerRemoved("sites")]


def test_cache_drops_features_only_when_they_changed(map_project):
    from assetmap.mapview.commands import UpdateLayerInfo

    s = Session()
    s.open(map_project)
    frame = s.cache.frame("sites")
    info = map_project.layer("sites")
    info.opacity = 0.5
    s.push(UpdateLayerInfo(map_project, info, "opacity"))
    assert s.cache.frame("sites") is frame          # an opacity change keeps the features read
    s.emit(LayerChanged("sites", frozenset({DATA})))
    assert s.cache.frame("sites") is not frame      # new features are read again
    frame = s.cache.frame("sites")
    s.emit(LayerRemoved("sites"))
    assert s.cache.frame("sites") is not frame


def test_cache_is_invalidated_before_views_hear(map_project):
    s = Session()
    s.open(map_project)
    s.cache.frame("sites")
    stale = []
    s.subscribe(LayerChanged, lambda e: stale.append("sites" in s.cache._frames))
    s.emit(LayerChanged("sites", frozenset({DATA})))
    assert stale == [False]


def test_hub_edits_say_hubs_changed_and_redraw_the_hubs_layer(demo_copy):
    from assetmap.hubs import commands

    s = Session()
    s.open(demo_copy)
    seen = _recorder(s)
    s.push(commands.add_hub(demo_copy, "Library", -90.25, 38.63))
    assert HubsChanged() in seen and LayerChanged("hubs", frozenset({DATA})) in seen
    del seen[:]
    s.stack.undo()
    assert HubsChanged() in seen


def test_plan_commands_say_the_plan_list_changed(demo_copy):
    from assetmap.territories import store
    from assetmap.territories.commands import CreatePlanCommand, RenamePlanCommand

    from tests.conftest import run_cli

    assert run_cli("territories", "new", demo_copy.path, "--plan", "Mine", "--areas", "neighborhoods",
                   "--teams", "3").returncode == 0
    s = Session()
    s.open(demo_copy)
    seen = _recorder(s, TerritoryPlansChanged)
    s.push(RenamePlanCommand(demo_copy, "Mine", "Ours"))
    s.stack.undo()
    s.push(CreatePlanCommand(demo_copy, replace(store.load_plan(demo_copy, "Mine"), name="Two", plan_id=None)))
    assert seen == [TerritoryPlansChanged()] * 3
    assert store.plan_names(demo_copy) == sorted(["Mine", "Two"]) or set(store.plan_names(demo_copy)) == {"Mine", "Two"}


def test_subscribers_hear_their_type_and_its_subclasses_only():
    s = Session()
    layers, hubs, everything = [], [], []
    s.subscribe(LayerEvent, layers.append)
    s.subscribe(HubsChanged, hubs.append)
    s.subscribe(Event, everything.append)
    s.emit_all([LayerAdded("a"), HubsChanged(), LayerChanged("a", frozenset({STYLE}))])
    assert [type(e) for e in layers] == [LayerAdded, LayerChanged]
    assert hubs == [HubsChanged()] and len(everything) == 3


def test_bound_methods_are_held_weakly():
    class View:
        def __init__(self):
            self.n = 0

        def hear(self, _event):
            self.n += 1

    s = Session()
    v = View()
    s.subscribe(Event, v.hear)
    s.emit(HubsChanged())
    assert v.n == 1
    del v
    s.emit(HubsChanged())   # a dead view is skipped, not called
    s.unsubscribe(lambda e: None)


def test_dispatcher_sees_events_from_other_threads():
    """What the Qt adapter builds on: every delivery goes through the dispatcher, with the thread
    the event was raised on still current (so it can decide to queue)."""
    s = Session()
    threads = []
    s.dispatcher = lambda handler, event: (threads.append(threading.current_thread().name), handler(event))
    got = []
    s.subscribe(LayerAdded, got.append)
    t = threading.Thread(target=lambda: s.emit(LayerAdded("x")), name="worker")
    t.start()
    t.join()
    assert threads == ["worker"] and got == [LayerAdded("x")]


def test_layer_events_for_work_done_outside_a_command():
    assert layer_events(["a", "b"], ["a", "c"], ["a"]) == [
        LayerAdded("c"), LayerRemoved("b"), LayerChanged("a", frozenset({DATA}))]


def test_open_with_a_cache_read_beforehand(map_project, tmp_path):
    import pytest

    from assetmap.mapview.layers import LayerCache
    from assetmap.project import Project

    s = Session()
    cache = LayerCache(map_project)
    names = map_project.layer_names()
    cache.prefetch(names)
    assert set(cache._frames) == set(names)
    s.open(map_project, cache=cache)
    assert s.cache is cache
    frame = s.cache.frame(names[0])
    assert frame is cache._frames[names[0]]                  # read once, before the project opened
    for wrong in (LayerCache(Project.create(tmp_path / "other.gpkg")), LayerCache(map_project, audience="field")):
        with pytest.raises(ValueError):
            s.open(map_project, cache=wrong)
    assert s.project is map_project and s.cache is cache     # a refused cache changes nothing
