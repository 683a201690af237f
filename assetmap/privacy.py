"""Privacy rules every export and drawing path goes through.

- Features flagged ``confidential`` (DV shelters and similar) are never drawn
  or exported: ``public_features`` removes them.
- Raw report records never reach a project; see ``assetmap.reports``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

CONFIDENTIAL_FIELD = "confidential"


def _truthy(series):
    import pandas as pd

    text = series.astype("string").str.strip().str.lower()
    return text.isin(["1", "true", "yes", "y", "t"]).fillna(False) & pd.notna(series)


def public_features(gdf: "gpd.GeoDataFrame") -> "gpd.GeoDataFrame":
    """The features that may be shown or exported."""
    if CONFIDENTIAL_FIELD not in gdf.columns:
        return gdf
    return gdf.loc[~_truthy(gdf[CONFIDENTIAL_FIELD]).to_numpy()]


# ---------------------------------------------------------------------------- layers
# Who a layer is going to. A layer's sensitivity (``layers.sensitivity``) says how far it may go:
# public layers go everywhere; internal ones stay with the office (the map window, the office's
# meeting maps and files, planners and team leads on a shared server) and never reach a volunteer
# (field packages, survey mode, the ``surveyor`` role); confidential layers are never drawn,
# exported or packaged.
OFFICE = "office"   # drawn in the map window
SHARE = "share"     # a file: export, PDF/PNG/HTML map
FIELD = "field"     # a volunteer: field package, survey mode, surveyor role on PostGIS

_ALLOWED = {OFFICE: ("public", "internal"), SHARE: ("public", "internal"), FIELD: ("public",)}
_WHERE = {OFFICE: "drawn", SHARE: "exported", FIELD: "given to volunteers"}


def may_leave(info, audience: str) -> bool:
    return (info.sensitivity or "public") in _ALLOWED[audience]


def check_may_leave(info, audience: str) -> None:
    from assetmap.errors import UserError

    if not may_leave(info, audience):
        raise UserError(f"'{info.display_name}' ({info.name}) is {info.sensitivity}: it can't be "
                        f"{_WHERE[audience]}.",
                        "Internal layers (made from sensitive reports) stay in the office; confidential "
                        "ones are never shown. See docs/privacy.md.")


def layers_for(project, audience: str) -> list:
    """The layers that may go to ``audience``, in the project's order."""
    return [info for info in project.layers() if may_leave(info, audience)]


def layer_features(project, name: str, audience: str) -> "gpd.GeoDataFrame":
    """The one exit for a whole layer: refused when the layer may not go there, then its
    public features."""
    check_may_leave(project.layer(name), audience)
    return public_features(project.read_layer(name))


def set_sensitivity(project, name: str, level: str):
    """Change a layer's sensitivity; raising is always allowed, lowering below what the layer
    was made from (its role, its lineage) is refused."""
    from assetmap.errors import UserError
    from assetmap.layers import sensitivity as sens

    level = sens.parse(level)
    info = project.layer(name)
    levels = {i.name: i.sensitivity for i in project.layers()}
    low = sens.floor(info.role, info.extra, lambda n: None if n == name else levels.get(n))
    if not sens.at_least(level, low):
        made = ", ".join(sens.lineage_names(info.extra)) or f"its role ({info.role.value})"
        raise UserError(f"'{info.display_name}' can't be {level}: it is made from {low} data ({made}).",
                        f"It stays {low} or higher. See docs/privacy.md.")
    info.sensitivity = level
    project.update_layer_info(info)
    return project.layer(name)
