"""Shared projects on PostgreSQL + PostGIS (Qt-free): a backend of ``assetmap.project.interface``.

A project can live in a GeoPackage file or in a schema of a PostGIS database;
``assetmap.project.backends.open_any`` opens either from what the user typed. The names
below are kept for older callers.
"""

from __future__ import annotations

from assetmap.project.backends import POSTGRES_PREFIXES, open_any, open_project


def is_postgres_url(target) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_PREFIXES)


__all__ = ["is_postgres_url", "open_any", "open_project"]
