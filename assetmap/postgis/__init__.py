"""Shared projects on PostgreSQL + PostGIS (Qt-free).

A project can live in a GeoPackage file or in a schema of a PostGIS database;
``open_any`` opens either from what the user typed.
"""

from __future__ import annotations

import os


def is_postgres_url(target) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_any(target: "str | os.PathLike"):
    """A ``Project`` for a .gpkg path, a ``PostgisProject`` for a ``postgresql://`` URL."""
    if is_postgres_url(target):
        from assetmap.postgis.project import PostgisProject

        return PostgisProject.open(target)
    from assetmap.project import Project

    return Project.open(target)


def open_project(target: "str | os.PathLike", gpkg_only: str | None = None):
    """What a CLI command opens: ``open_any``. A command that can't work on a shared project yet
    names itself in ``gpkg_only`` and says so before connecting, instead of failing halfway."""
    if gpkg_only and is_postgres_url(str(target)):
        from assetmap.errors import UserError

        raise UserError(f"'assetmap {gpkg_only}' does not work on a shared (PostGIS) project yet.",
                        "Run it on the GeoPackage project before publishing it (assetmap publish P.gpkg URL).")
    return open_any(target)
