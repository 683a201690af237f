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
