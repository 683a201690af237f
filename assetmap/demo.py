"""The bundled demo project: real St. Louis neighbourhoods with population.

Users open a private copy, so edits never touch the bundled file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from assetmap.errors import UserError
from assetmap.resources import resource, user_data_dir

DEMO_NAME = "st_louis_demo.gpkg"


def bundled_demo() -> Path:
    path = resource("demo", DEMO_NAME)
    if not path.exists():
        raise UserError(f"The bundled demo project is missing ({path}).",
                        "Reinstall assetmap, or run `python scripts/make_demo.py` in a source checkout.")
    return path


def demo_project_path(fresh: bool = False) -> Path:
    target = user_data_dir() / "demo" / DEMO_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    if fresh or not target.exists():
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(bundled_demo(), tmp)
        tmp.replace(target)
    return target
