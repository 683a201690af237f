"""Per-layer metadata stored in the project beside the feature table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, asdict
from typing import Any

from assetmap.errors import UserError
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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["role"] = self.role.value
        return d
