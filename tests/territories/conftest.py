from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "st_louis_demo.gpkg"


@pytest.fixture()
def stl_project(tmp_path):
    """A copy of the demo project: 88 St. Louis neighbourhoods with population."""
    from assetmap.project import Project

    dst = tmp_path / "stl.gpkg"
    shutil.copyfile(DEMO, dst)
    return Project.open(dst)


@pytest.fixture(scope="session")
def stl_units():
    from assetmap.project import Project
    from assetmap.territories.units import load_units

    return load_units(Project.open(DEMO), "neighborhoods")


@pytest.fixture()
def stl_frame():
    import pyogrio

    return pyogrio.read_dataframe(DEMO, layer="neighborhoods")


@pytest.fixture()
def plan_model(stl_project, stl_units):
    from assetmap.territories import store
    from assetmap.territories.model import open_plan

    store.save_plan(stl_project, store.PlanRecord("Mine", "neighborhoods", store.default_teams(6),
                                                  fields=["population"]))
    return open_plan(stl_project, "Mine", stl_units)
