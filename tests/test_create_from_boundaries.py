"""New project from a boundary file (the welcome page's second choice), headless."""

from __future__ import annotations

import pytest

from assetmap.errors import UserError
from assetmap.project import Project
from assetmap.project.create import create_from_boundaries


def test_state_plane_shapefile_becomes_areas(tmp_path, stl):
    out = create_from_boundaries(stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", tmp_path / "city.gpkg")
    p = Project.open(out)
    info = p.layer("neighbourhoods")
    assert info.role.value == "areas" and info.feature_count == 88
    bounds = p.layer_bounds("neighbourhoods")
    assert -90.4 < bounds[0] < -90.1 and 38.4 < bounds[1] < 38.8  # reprojected from US feet


def test_broken_file_leaves_nothing(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json")
    with pytest.raises(UserError):
        create_from_boundaries(bad, tmp_path / "new.gpkg")
    assert not (tmp_path / "new.gpkg").exists()


def test_existing_target_refused(tmp_path, stl):
    (tmp_path / "x.gpkg").write_bytes(b"keep me")
    with pytest.raises(UserError):
        create_from_boundaries(stl / "neighborhoods.geojson", tmp_path / "x.gpkg")
    assert (tmp_path / "x.gpkg").read_bytes() == b"keep me"
