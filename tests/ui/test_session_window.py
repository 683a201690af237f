"""The window on its Session: docks hear only the events they draw, events raised on a worker
thread arrive on the GUI thread, and features are installed and told about projects through one
protocol."""

from __future__ import annotations

import threading

import pytest

from assetmap.session import HubsChanged, LayerAdded, ProjectOpened


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    from assetmap.hubs import commands
    from assetmap.commands import CommandStack

    CommandStack().push(commands.add_hub(demo_copy, "Library", -90.25, 38.63))
    from tests.ui.conftest import open_main_window

    return open_main_window(qtbot, demo_copy.path, (1000, 700))


def test_hubs_dock_does_not_reload_its_directory_on_an_opacity_drag(window, qtbot, monkeypatch):
    from assetmap.hubs import commands

    dock = window.features.hubs
    reloads = []
    real = dock.refresh
    monkeypatch.setattr(dock, "refresh", lambda: (reloads.append(1), real()))
    for opacity in (0.9, 0.8, 0.7, 0.6):   # a slider drag: four pushes, one undo step
        window.set_layer_opacity("neighborhoods", opacity)
    window.set_layer_visible("neighborhoods", False)
    window.stack.undo()
    assert reloads == []
    window.stack.push(commands.add_hub(window.project, "Clinic", -90.2, 38.6))
    assert len(reloads) == 1 and dock.list.count() == 2
    window.stack.undo()
    assert len(reloads) == 2 and dock.list.count() == 1


def test_a_hub_added_redraws_the_hubs_layer_from_fresh_features(window, qtbot):
    from assetmap.hubs import commands

    assert len(window.cache.frame("hubs")) == 1
    window.stack.push(commands.add_hub(window.project, "Clinic", -90.2, 38.6))
    assert len(window.cache.frame("hubs")) == 2     # the cache heard LayerChanged(hubs, data)
    window.stack.undo()
    assert len(window.cache.frame("hubs")) == 1


def test_indicators_dock_hears_project_opened(window, qtbot, tmp_path):
    import shutil

    from assetmap.project import Project

    dock = window.indicators.dock
    assert dock._project is window.project
    other = tmp_path / "other.gpkg"
    shutil.copyfile(window.project.path, other)
    heard = []
    window.session.subscribe(ProjectOpened, heard.append)
    window.session.open(Project.open(other))   # however a project opens, the dock follows
    assert heard and dock._project is heard[0].project


def test_events_from_a_worker_thread_reach_widgets_on_the_gui_thread(window, qtbot):
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QLabel

    from assetmap.ui.session_qt import subscribe

    label = QLabel()
    qtbot.addWidget(label)
    got = []
    subscribe(window.session, label, HubsChanged,
              lambda e: got.append((e, QThread.currentThread() is label.thread())))
    t = threading.Thread(target=lambda: window.session.emit(HubsChanged()))
    t.start()
    t.join()
    assert got == []                       # queued, not run on the worker
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(HubsChanged(), True)]


def test_a_deleted_widget_stops_hearing(window, qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QLabel

    from assetmap.ui.session_qt import subscribe

    label = QLabel()
    got = []
    subscribe(window.session, label, HubsChanged, got.append)
    window.session.emit(HubsChanged())
    label.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.session.emit(HubsChanged())
    assert got == [HubsChanged()]


def test_window_features_follow_one_protocol_and_hear_projects(window, qtbot, tmp_path):
    import shutil

    from assetmap.ui.window_features import FEATURES, WindowFeature

    assert len(window.window_features) == len(FEATURES) >= 6
    assert all(isinstance(f, WindowFeature) for f in window.window_features)
    assert window.features.hubs is not None and window.survey is window.window_features[2]

    calls = []

    class Probe:
        def project_opened(self, project):
            calls.append(("opened", project.path.name))

        def project_closed(self):
            calls.append(("closed",))

    window.window_features.append(Probe())
    other = tmp_path / "other.gpkg"
    shutil.copyfile(window.project.path, other)
    assert window.open_project(other)
    assert calls == [("closed",), ("opened", "other.gpkg")]


def test_layer_added_event_draws_the_layer_and_lists_it(window, qtbot):
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.layers import LayerInfo, LayerRole

    gdf = gpd.GeoDataFrame({"name": ["x"]}, geometry=[Point(-90.2, 38.6)], crs="EPSG:4326").to_crs(window.project.crs)
    window.project.write_layer(gdf, LayerInfo("extra_points", LayerRole.ASSETS, "Extra points"))
    window.session.emit(LayerAdded("extra_points"))
    names = [window.layers_panel.list.item(i).data(256) for i in range(window.layers_panel.list.count())]
    assert "extra_points" in names or any("Extra points" == window.layers_panel.list.item(i).text()
                                          for i in range(window.layers_panel.list.count()))
