"""Writing to a shared project: import, replace, metadata, and all-or-nothing edits."""

from __future__ import annotations


import pytest
import shapely

from assetmap.errors import UserError
from assetmap.importers import import_file
from assetmap.layers.info import LayerInfo
from assetmap.layers.roles import LayerRole
from assetmap.postgis.project import PostgisProject
from assetmap.postgis.publish import publish
from assetmap.project import Project

from tests.shared_data import STL  # noqa: E402


@pytest.fixture
def empty_pg(tmp_path, pg_url):
    Project.create(tmp_path / "e.gpkg", crs="EPSG:4326", title="shared")
    publish(tmp_path / "e.gpkg", pg_url)
    return PostgisProject.open(pg_url)


def test_import_into_a_shared_project_matches_geopackage_import(tmp_path, empty_pg):
    ref = Project.create(tmp_path / "ref.gpkg", crs="EPSG:4326")
    a = import_file(ref, STL / "neighborhoods.geojson", "areas", id_field="NHD_NUM", name_field="NHD_NAME")
    b = import_file(empty_pg, STL / "neighborhoods.geojson", "areas", id_field="NHD_NUM", name_field="NHD_NAME")
    assert a.imported == b.imported == 88
    name = ref.layer_names()[0]
    assert empty_pg.layer_names() == [name]
    assert empty_pg.layer(name).extra["id_field"] == "NHD_NUM"
    g1, g2 = ref.read_layer(name), empty_pg.read_layer(name)
    assert list(g1.index) == list(g2.index)
    assert g1.drop(columns="geometry").equals(g2.drop(columns="geometry"))
    assert shapely.equals_exact(g1.geometry.values, g2.geometry.values, tolerance=1e-9).all()


def test_failed_edit_leaves_the_shared_project_untouched(empty_pg):
    import geopandas as gpd

    gdf = gpd.read_file(STL / "neighborhoods.geojson")
    empty_pg.write_layer(gdf, LayerInfo(name="nhd", role=LayerRole.AREAS, display_name="N"))
    with pytest.raises(RuntimeError):
        with empty_pg.edit() as tx:
            tx.set_meta("title", "half done")
            tx.write_layer(gdf.head(3), LayerInfo(name="nhd", role=LayerRole.AREAS, display_name="N"),
                           replace=True)
            tx.write_layer(gdf.head(2), LayerInfo(name="other", role=LayerRole.OTHER, display_name="O"))
            raise RuntimeError("power cut")
    assert empty_pg.title == "shared"
    assert empty_pg.layer_names() == ["nhd"] and len(empty_pg.read_layer("nhd")) == 88
    with pytest.raises(UserError, match="already has a layer"):
        empty_pg.write_layer(gdf, LayerInfo(name="nhd", role=LayerRole.AREAS, display_name="N"))
    empty_pg.write_layer(gdf.head(5), LayerInfo(name="nhd", role=LayerRole.AREAS, display_name="N"), replace=True)
    assert len(empty_pg.read_layer("nhd")) == 5 and empty_pg.layer("nhd").feature_count == 5
    info = empty_pg.layer("nhd")
    info.opacity = 0.5
    empty_pg.update_layer_info(info)
    assert empty_pg.layer("nhd").opacity == 0.5
    empty_pg.remove_layer("nhd")
    assert empty_pg.layer_names() == []


def test_layer_bounds_match_the_geopackage(tmp_path, empty_pg):
    import pyogrio

    ref = Project.create(tmp_path / "ref.gpkg", crs="EPSG:4326")
    import_file(ref, STL / "neighborhoods.geojson", "areas", name="nhd")
    import_file(empty_pg, STL / "neighborhoods.geojson", "areas", name="nhd")
    expected = pyogrio.read_info(ref.path, layer="nhd")["total_bounds"]
    # ST_Extent is single precision (box2d): equal to within float32 rounding.
    assert empty_pg.layer_bounds("nhd") == pytest.approx(tuple(expected), abs=1e-5)
