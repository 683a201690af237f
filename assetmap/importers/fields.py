"""Finding the id and name fields of an areas layer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.importers.report import ImportReport

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

_ID_HINTS = re.compile(r"(^|_)(id|num|no|code|geoid|fips|number|key)$|^id", re.I)
_NAME_HINTS = re.compile(r"name|nom|nombre|label|title", re.I)


def detect_area_fields(gdf: "gpd.GeoDataFrame", *, id_field: str | None, name_field: str | None,
                       report: ImportReport) -> dict:
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    for given in (id_field, name_field):
        if given is not None and given not in cols:
            raise UserError(f"{report.source} has no field '{given}'.", f"Its fields: {', '.join(cols)}.")
    if id_field is None:
        candidates = [c for c in cols if _ID_HINTS.search(c) and gdf[c].notna().all() and gdf[c].is_unique]
        id_field = candidates[0] if candidates else None
    if name_field is None:
        candidates = [c for c in cols if _NAME_HINTS.search(c) and gdf[c].dtype == object
                      or (_NAME_HINTS.search(c) and str(gdf[c].dtype).startswith("str"))]
        name_field = candidates[0] if candidates else None
    if id_field is None:
        report.warnings.append("No unique id field found for these areas; name one with --id-field "
                               "(aggregation and territories need it).")
    elif not gdf[id_field].is_unique:
        raise UserError(f"{report.source}: the id field '{id_field}' has repeated values.",
                        "Choose a field whose values are unique with --id-field.")
    return {"id_field": id_field, "name_field": name_field}
