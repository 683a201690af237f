import shutil

import pytest


@pytest.fixture()
def demo_copy(tmp_path):
    """A private copy of the bundled demo (real St. Louis neighbourhoods with population)."""
    from assetmap.demo import bundled_demo
    from assetmap.project import Project

    target = tmp_path / "demo.gpkg"
    shutil.copyfile(bundled_demo(), target)
    return Project.open(target)


@pytest.fixture()
def map_project(demo_copy):
    areas_project = demo_copy
    """Neighbourhoods plus a point layer with one confidential feature."""
    import geopandas as gpd

    from assetmap.layers import LayerInfo, LayerRole

    areas = areas_project.read_layer("neighborhoods")
    pts = gpd.GeoDataFrame(
        {"name": [f"site {i}" for i in range(6)], "kind": ["school", "clinic", "school", "faith", "clinic", "shelter"],
         "confidential": [0, 0, 0, 0, 0, 1]},
        geometry=areas.geometry.representative_point().iloc[:6].values, crs=areas.crs)
    areas_project.write_layer(pts, LayerInfo("sites", LayerRole.ASSETS, "Sites"))
    return areas_project


@pytest.fixture(autouse=True)
def _delete_web_pages(qapp):
    """Delete web views and their pages before the next test (and before exit): a page
    still alive when QtWebEngine releases its profile at shutdown crashes the process."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWebEngineWidgets import QWebEngineView

    for w in qapp.allWidgets():
        if isinstance(w, QWebEngineView):
            w.page().deleteLater()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
