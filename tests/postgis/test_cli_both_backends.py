"""The read-only CLI commands on a GeoPackage and on its PostGIS copy give the same answers.

project_cmds.py still opens projects with ``Project.open``; until it calls
``assetmap.postgis.open_any`` the test routes URLs the same way open_any does.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from assetmap.cli import main
from assetmap.postgis import is_postgres_url
from assetmap.postgis.project import PostgisProject
from assetmap.postgis.publish import publish
from assetmap.project import Project

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


@pytest.fixture
def both(tmp_path, pg_url, monkeypatch):
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    publish(path, pg_url)
    plain_open = Project.open.__func__

    def open_(cls, target):
        return PostgisProject.open(target) if is_postgres_url(str(target)) else plain_open(cls, target)

    monkeypatch.setattr(Project, "open", classmethod(open_))
    return {"gpkg": str(path), "postgis": pg_url}


def test_layers_and_export_agree(both, tmp_path, capsys):
    out = {}
    for kind, target in both.items():
        assert main(["layers", target, "--json"]) == 0
        layers = json.loads(capsys.readouterr().out)
        dst = tmp_path / f"{kind}.geojson"
        assert main(["export", target, "neighborhoods", str(dst)]) == 0
        capsys.readouterr()
        out[kind] = (layers, gpd.read_file(dst))
    assert out["postgis"][0] == out["gpkg"][0]
    a, b = out["gpkg"][1], out["postgis"][1]
    assert len(a) == len(b) == 88
    assert a.drop(columns="geometry").equals(b.drop(columns="geometry"))
    assert shapely.equals_exact(a.geometry.values, b.geometry.values, tolerance=1e-9).all()
