"""The one figure that counts confidential hubs (DV shelters), made so it can't locate them.

Issue 17: computed over whatever areas layer was passed, with any radius, the city-wide
"with confidential" coverage located a shelter to about 26 m in 26 calls (one-rectangle areas
layer, 25 m radius, bisection). Now a figure that includes confidential hubs is

- computed over the project's *registered* areas (its first areas layer), never over an areas
  layer a command names, so a small or crafted geography can't be used;
- withheld for a reach under ``RADIUS_FLOOR_M``;
- withheld for a service offered at fewer than ``MIN_CONFIDENTIAL`` placed confidential hubs
  (one shelter's disc would be the whole difference);
- rounded to five percentage points.
The difference from the public-only figure is then at most a rounded share of a city, made of
several shelters' discs of at least a half-mile radius.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.hubs.directory import Directory
    from assetmap.project import Project

RADIUS_FLOOR_M = 800.0   # about half a mile: a walk, not a doorstep
MIN_CONFIDENTIAL = 3     # confidential hubs offering the service, for the figure to exist
ROUND_TO = 0.05          # five percentage points (whole percent still narrowed a shelter down; see the test)


def registered_areas(project: "Project"):
    """The project's registered areas: its first areas layer (the one it was made from)."""
    from assetmap.access.catchments import areas_layer
    from assetmap.errors import UserError
    from assetmap.layers import LayerRole

    found = sorted(project.layers_by_role(LayerRole.AREAS), key=lambda i: (i.imported_at or "", i.name))
    if not found:
        raise UserError(f"{project.path} has no areas layer.",
                        "Import neighbourhoods with `assetmap import P.gpkg FILE --role areas`.")
    return areas_layer(project, found[0].name)


def confidential_counts(d: "Directory") -> dict[str, int]:
    """Placed confidential hubs per service category."""
    from assetmap.access.catchments import hub_points

    hubs = hub_points(d, include_confidential=True)
    secret = hubs[hubs["confidential"].map(lambda v: str(v).strip().lower() in ("1", "true", "yes", "y", "t"))]
    out: dict[str, int] = {}
    for cats in secret["category_set"]:
        for c in cats:
            out[c] = out.get(c, 0) + 1
    return out


def summary_with_confidential(project: "Project", d: "Directory", distance: float,
                              categories: list[str] | None = None, ctx=None) -> dict[str, dict]:
    """{category: {population_share?, mean_area_share} rounded, or {"withheld": why}}."""
    from assetmap.access.catchments import coverage, coverage_summary

    gdf, id_field, name_field, pop = registered_areas(project)
    n = confidential_counts(d)
    table = coverage(gdf, d, distance, id_field=id_field, name_field=name_field, population_field=pop,
                     categories=categories, include_confidential=True, ctx=ctx)
    out = {}
    for cat, row in coverage_summary(table).items():
        k = n.get(cat, 0)
        if k and distance < RADIUS_FLOOR_M:
            out[cat] = {"withheld": f"a reach under {RADIUS_FLOOR_M:.0f} m"}
        elif 0 < k < MIN_CONFIDENTIAL:
            out[cat] = {"withheld": f"fewer than {MIN_CONFIDENTIAL} confidential sites"}
        else:
            out[cat] = {key: round(round(v / ROUND_TO) * ROUND_TO, 4) for key, v in row.items()}
    return out
