"""Per-layer metadata stored in the project beside the feature table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, asdict
from typing import Any

from assetmap.errors import UserError
from assetmap.layers import sensitivity as _sens
from assetmap.layers.roles import LayerRole

_RESERVED_PREFIXES = ("gpkg_", "rtree_", "assetmap_", "sqlite_", "gpkgext_")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def slugify_layer_name(text: str) -> str:
    """Turn a display name or file stem into a safe table name."""
    slug = re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")
    if not slug or not slug[0].isalpha():
        slug = f"layer_{slug}" if slug else "layer"
    slug = slug[:63]
    if slug.startswith(_RESERVED_PREFIXES):
        slug = f"l_{slug}"[:63]
    return slug


def validate_layer_name(name: str) -> str:
    if not _NAME_RE.match(name) or name.startswith(_RESERVED_PREFIXES):
        raise UserError(
            f"'{name}' can't be used as a layer name.",
            "Use lower-case letters, digits and underscores, starting with a letter "
            "(for example: neighborhoods_2020).",
        )
    return name


@dataclass
class LayerInfo:
    name: str                      # table name in the GeoPackage
    role: LayerRole
    display_name: str
    geometry_type: str = ""
    feature_count: int = 0
    sort_order: int = 0            # 0 = top of the layer list
    visible: bool = True
    opacity: float = 1.0
    style: dict[str, Any] = field(default_factory=dict)
    source: str = ""               # file it was imported from
    imported_at: str = ""          # ISO 8601, UTC
    extra: dict[str, Any] = field(default_factory=dict)  # role-specific settings, import report
    # public / internal / confidential (layers.sensitivity). A layer made while internal layers
    # were read in the current scope starts internal: lineage comes for free.
    sensitivity: str = field(default_factory=_sens.scope_floor)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["role"] = self.role.value
        return d


def stored_extra(info: LayerInfo) -> dict[str, Any]:
    """What goes in the ``extra`` column: the role settings plus the sensitivity (kept there so
    the table's columns, and every copy of them on PostGIS, stay as they were)."""
    return dict(info.extra or {}, sensitivity=info.sensitivity)


def split_extra(extra: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """(role settings, stored sensitivity or '' for a layer stored before sensitivity existed)."""
    extra = dict(extra or {})
    level = extra.pop("sensitivity", "")
    return extra, level if level in _sens.LEVELS else ""


def effective_sensitivity(info: LayerInfo, lookup, project_key: str) -> str:
    """The sensitivity a layer is written with: never below its role, what it was made from
    (named, or read in the current scope) and what the user set. Records the scope's sources."""
    sources = [n for n in _sens.scope_sources(project_key) if n != info.name]
    if sources:
        info.extra = dict(info.extra or {})
        info.extra["derived_from"] = sorted(set(info.extra.get("derived_from") or []) | set(sources))
    return _sens.highest(info.sensitivity, _sens.scope_floor(),
                         _sens.floor(info.role, info.extra, lambda n: None if n == info.name else lookup(n)))
