"""A new project from a boundary file: the first thing a planner does with their own city."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.tasks import TaskContext


def create_from_boundaries(boundaries: str | os.PathLike, target: str | os.PathLike, *,
                           title: str | None = None, ctx: "TaskContext | None" = None) -> Path:
    """Create ``target`` and import ``boundaries`` as its areas layer, or leave no file behind.

    The project is in WGS 84 like the map; the import reprojects (State Plane feet and
    other projected files included) and finds the id and name fields."""
    from assetmap.importers import import_file
    from assetmap.project import Project

    boundaries, target = Path(boundaries), Path(target)
    if target.exists():
        raise UserError(f"{target} already exists.", "Choose another name for the new project.")
    if not boundaries.exists():
        raise UserError(f"{boundaries} does not exist.", "Choose the boundary file again.")
    project = Project.create(target, crs="EPSG:4326",
                             title=title or boundaries.stem.replace("_", " ").title())
    try:
        import_file(project, boundaries, "areas", name="neighbourhoods", ctx=ctx)
    except BaseException:
        for leftover in (target, target.with_name(target.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return target
