from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Tests run headless; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

# One PostGIS server per session for every test that asks for it; `backend` runs a CLI test on
# a GeoPackage and on PostGIS (tests/backends.py).
from tests.backends import backend, durable_pg_server, pg_server, pg_url  # noqa: F401

from tests.shared_data import ROOT, SHARED, STL  # noqa: E402,F401


@pytest.fixture(scope="session")
def stl() -> Path:
    if not STL.exists():
        pytest.fail(f"shared data not found at {STL}")
    return STL


@pytest.fixture()
def project(tmp_path):
    from assetmap.project import Project

    return Project.create(tmp_path / "test.gpkg", crs="EPSG:4326")


@pytest.fixture()
def areas_project(project, stl):
    from assetmap.importers import import_file

    import_file(project, stl / "neighborhoods.geojson", "areas", name="neighborhoods")
    return project


@pytest.fixture()
def demo_copy(tmp_path):
    """A private copy of the bundled demo (real St. Louis neighbourhoods with population)."""
    import shutil

    from assetmap.demo import bundled_demo
    from assetmap.project import Project

    target = tmp_path / "demo.gpkg"
    shutil.copyfile(bundled_demo(), target)
    return Project.open(target)


@pytest.fixture()
def map_project(demo_copy):
    """Neighbourhoods plus a point layer with one confidential feature."""
    import geopandas as gpd

    from assetmap.layers import LayerInfo, LayerRole

    areas = demo_copy.read_layer("neighborhoods")
    pts = gpd.GeoDataFrame(
        {"name": [f"site {i}" for i in range(6)], "kind": ["school", "clinic", "school", "faith", "clinic", "shelter"],
         "confidential": [0, 0, 0, 0, 0, 1]},
        geometry=areas.geometry.representative_point().iloc[:6].values, crs=areas.crs)
    demo_copy.write_layer(pts, LayerInfo("sites", LayerRole.ASSETS, "Sites"))
    return demo_copy


@pytest.fixture()
def isolated_home(tmp_path, monkeypatch):
    """Keep QSettings, the demo copy and user data out of the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def run_cli(*args: str, cwd: Path | None = None):
    """Run the real `assetmap` command in a subprocess."""
    import subprocess

    return subprocess.run([sys.executable, "-m", "assetmap", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=300)
