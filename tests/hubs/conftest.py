from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHARED

HSDS = SHARED / "hsds3"


@pytest.fixture(scope="session")
def hsds_dir() -> Path:
    if not HSDS.exists():
        pytest.fail(f"HSDS example not found at {HSDS}")
    return HSDS


@pytest.fixture()
def hsds_copy(tmp_path, hsds_dir) -> Path:
    """A writable copy of the example package, to break or fix in a test."""
    out = tmp_path / "hsds"
    out.mkdir()
    for f in hsds_dir.glob("*.csv"):
        shutil.copyfile(f, out / f.name)
    return out


# Known public places in St. Louis (WGS 84), to put hubs where we can reason about them.
PLACES = {
    "Gateway Arch": (-90.1848, 38.6247),
    "Saint Louis University": (-90.2340, 38.6365),
    "Tower Grove Park": (-90.2590, 38.6070),
    "Fairground Park": (-90.2180, 38.6640),
    "Carondelet Park": (-90.2620, 38.5620),
}


@pytest.fixture()
def demo_project(demo_copy):
    """A private copy of the bundled demo (88 real neighbourhoods with population)."""
    return demo_copy


@pytest.fixture()
def demo_with_hubs(demo_project):
    """Parenting at SLU and Tower Grove Park; health at the Arch, Fairground Park and a
    confidential shelter (DV advocacy + parenting) at Carondelet Park."""
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec

    stack = CommandStack()
    spec = {
        "Saint Louis University": [ServiceSpec("Parenting class", "parenting")],
        "Tower Grove Park": [ServiceSpec("Parent cafe", "parenting"), ServiceSpec("Clinic", "health")],
        "Gateway Arch": [ServiceSpec("Clinic", "health")],
        "Fairground Park": [ServiceSpec("Clinic", "health")],
    }
    for name, services in spec.items():
        stack.push(commands.add_hub(demo_project, name, *PLACES[name], services=services))
    stack.push(commands.add_hub(demo_project, "Carondelet Shelter", *PLACES["Carondelet Park"], confidential=True,
                                services=[ServiceSpec("Advocacy", "dv_advocacy"),
                                          ServiceSpec("Parenting", "parenting")]))
    return demo_project
