"""The bundled demo projects, built by scripts/make_demo.py from public St. Louis files.

``st_louis_demo.gpkg`` holds neighbourhoods, population and the quarterly report layers (tests
start from it); ``st_louis_mission.gpkg`` adds what a partnership brings to the table (survey
assets, resource hubs with a confidential shelter, a six-team plan) and is what ``assetmap demo``
opens. Users open a private copy, so edits never touch the bundled files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assetmap.errors import UserError
from assetmap.resources import resource, user_data_dir

DEMO_NAME = "st_louis_demo.gpkg"
MISSION_NAME = "st_louis_mission.gpkg"


def _bundled(name: str) -> Path:
    path = resource("demo", name)
    if not path.exists():
        raise UserError(f"The bundled demo project is missing ({path}).",
                        "Reinstall assetmap, or run `python scripts/make_demo.py` in a source checkout.")
    return path


def bundled_demo() -> Path:
    """The base demo: neighbourhoods with population and the report layers."""
    return _bundled(DEMO_NAME)


def bundled_mission_demo() -> Path:
    """The whole mission: the base plus survey assets, hubs and a territory plan."""
    return _bundled(MISSION_NAME)


def demo_project_path(fresh: bool = False) -> Path:
    target = user_data_dir() / "demo" / MISSION_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    if fresh or not target.exists():
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(bundled_mission_demo(), tmp)
        tmp.replace(target)
    return target
