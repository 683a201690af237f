"""Where projects live: a registry of backends, and the one way to open or create a project.

The CLI and the window open whatever the user typed (a ``.gpkg`` path, a ``postgresql://`` URL)
with ``open_any``; the first registered backend that ``accepts`` the target opens it. A backend
is named by the module path of its project class (glue's ``data_factory`` style), so this module
imports no backend and ``assetmap.project`` stays below ``assetmap.postgis`` in the layers that
``.importlinter`` checks. A new backend is one ``register_backend`` call.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project.interface import AnyProject


@dataclass(frozen=True)
class Backend:
    name: str
    accepts: Callable[[Any], bool]
    project_class: str  # "package.module:Class" with classmethods open(target) and create(target, crs, title)
    # Commands that work on this backend's projects: all unless named here ("survey pack" on a file only).
    all_commands: bool = True

    def load(self):
        module, _, cls = self.project_class.partition(":")
        return getattr(importlib.import_module(module), cls)


_BACKENDS: list[Backend] = []


def register_backend(backend: Backend, first: bool = False) -> None:
    """Add a backend; ``first`` puts it before the others (the file backend accepts anything)."""
    _BACKENDS[:] = [b for b in _BACKENDS if b.name != backend.name]
    _BACKENDS.insert(0, backend) if first else _BACKENDS.append(backend)


def backends() -> list[Backend]:
    return list(_BACKENDS)


def backend_for(target: "str | os.PathLike") -> Backend:
    for backend in _BACKENDS:
        if backend.accepts(target):
            return backend
    raise UserError(f"assetmap can't open {target}.", "Give a .gpkg project file or a postgresql:// URL.")


def open_any(target: "str | os.PathLike") -> "AnyProject":
    """The project at ``target``: a file path or a server URL, whichever backend takes it."""
    return backend_for(target).load().open(target)


def open_project(target: "str | os.PathLike", gpkg_only: str | None = None) -> "AnyProject":
    """What a CLI command opens: ``open_any``. A command that works on project files only names
    itself in ``gpkg_only`` and says so before connecting anywhere, instead of failing halfway."""
    backend = backend_for(target)
    if gpkg_only and not backend.all_commands:
        raise UserError(f"'assetmap {gpkg_only}' does not work on a shared (PostGIS) project yet.",
                        "Run it on the GeoPackage project before publishing it (assetmap publish P.gpkg URL).")
    return backend.load().open(target)


def create_project(target: "str | os.PathLike", crs: Any = "EPSG:4326", title: str | None = None) -> "AnyProject":
    """A new, empty project at ``target`` (refused when one is there already)."""
    return backend_for(target).load().create(target, crs=crs, title=title)


def _is_url(prefixes: tuple[str, ...]) -> Callable[[Any], bool]:
    return lambda target: isinstance(target, str) and target.startswith(prefixes)


POSTGRES_PREFIXES = ("postgresql://", "postgres://")

register_backend(Backend("postgis", _is_url(POSTGRES_PREFIXES), "assetmap.postgis.project:PostgisProject",
                         all_commands=False))
register_backend(Backend("geopackage", lambda target: True, "assetmap.project.store:Project"))
