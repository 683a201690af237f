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
