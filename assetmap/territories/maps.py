"""What a per-team map shows, without drawing it (the UI renders it to PDF/PNG).

For one team: its units filled in the team colour and labelled, neighbouring
units of other teams in grey for orientation, and the public hubs and assets
(layers with those roles, filtered by ``assetmap.privacy.public_features``)
that fall inside the territory. Everything in the layer's projected CRS, so
shapes are not stretched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assetmap.layers.roles import LayerRole

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project
    from assetmap.territories.model import PlanModel


@dataclass
class TeamMap:
    team: int
    title: str
    colour: str
    bbox: tuple[float, float, float, float]
    own: list[tuple[str, str, Any]]            # (unit id, label, polygon)
    context: list[Any]                          # other units' polygons in view
    points: list[tuple[str, str, float, float]] = field(default_factory=list)   # (role, name, x, y)
    summary: list[str] = field(default_factory=list)


def team_maps(model: "PlanModel", project: "Project | None" = None) -> list[TeamMap]:
    import geopandas as gpd
    import shapely

    from assetmap.territories.statistics import MAPS, WorkloadStatistic, plan_statistics

    units = model.units
    crs = units.projected_crs or units.crs
    geoms = gpd.GeoSeries(units.geoms, crs=units.crs).to_crs(crs).values
    points = _points(project, crs) if project is not None else []
    stats = {t.team: t for t in model.stats().teams}
    shown = plan_statistics(MAPS, model.fields)
    out = []
    for team in model.teams:
        idx = [i for i, u in enumerate(units.ids) if model.team_of(u) == team.team]
        if not idx:
            continue
        own_geoms = [geoms[i] for i in idx]
        union = shapely.union_all(own_geoms)
        minx, miny, maxx, maxy = union.bounds
        pad = 0.08 * max(maxx - minx, maxy - miny)
        bbox = (minx - pad, miny - pad, maxx + pad, maxy + pad)
        view = shapely.box(*bbox)
        own_set = set(idx)
        context = [g for i, g in enumerate(geoms) if i not in own_set and g.intersects(view)]
        inside = [p for p in points if union.covers(shapely.Point(p[2], p[3]))]
        s = stats[team.team]
        # One line each for the units and every workload field; the other statistics share one.
        own_line = [st for st in shown if st.before_workload or isinstance(st, WorkloadStatistic)]
        after = "; ".join(st.map_entry(s) for st in shown if st not in own_line)
        summary = [*(st.map_entry(s) for st in own_line),
                   *([after] if after else []),
                   f"{sum(p[0] == 'hubs' for p in inside)} hubs, {sum(p[0] == 'assets' for p in inside)} assets"]
        out.append(TeamMap(
            team=team.team, title=f"{model.plan.name}: {team.name}", colour=team.colour, bbox=bbox,
            own=[(units.ids[i], units.names.get(units.ids[i], units.ids[i]), geoms[i]) for i in idx],
            context=context, points=inside, summary=summary))
    return out


def _points(project: "Project", crs) -> list[tuple[str, str, float, float]]:
    import shapely

    from assetmap.privacy import public_features

    out = []
    for role in (LayerRole.HUBS, LayerRole.ASSETS):
        for info in project.layers_by_role(role):
            gdf = public_features(project.read_layer(info.name))
            if gdf.empty or gdf.crs is None:
                continue
            gdf = gdf.to_crs(crs)
            name_col = info.extra.get("name_field") or ("name" if "name" in gdf.columns else None)
            pts = shapely.point_on_surface(gdf.geometry.values)
            for k, p in enumerate(pts):
                if p is None or p.is_empty:
                    continue
                label = str(gdf[name_col].iloc[k]) if name_col else ""
                out.append((role.value, label, p.x, p.y))
    return out
