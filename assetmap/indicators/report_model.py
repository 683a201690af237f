"""What the partnership report says, before anyone draws it: one ``Section`` per indicator.

Built from ``compute``'s table only, so the report can't show anything the CSV would not:
suppressed units carry no value, the ranked tables skip them, and the city figure is the
published total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from assetmap.errors import UserError
from assetmap.indicators.compute import (ALL_PERIODS, compute, indicator_periods,
                                         normalise_period, period_sort_key, previous_period, ranked)
from assetmap.indicators.model import CITY, CURRENT, Indicator, indicators_or_defaults, select

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from assetmap.project import Project

TABLE_ROWS = 5
SUPPRESSION_NOTE = (
    "Counts of reports from 1 to {t} in a neighbourhood and period are withheld to protect the "
    "children and families involved, together with a few more counts chosen so that none can be "
    "worked out from totals or other periods. Withheld neighbourhoods are hatched on the maps, "
    "labelled \u201c1\u2013{t}\u201d and left out of the tables; a rate made from a withheld count "
    "is withheld too. A withheld count is never shown as zero. City-wide figures are the published "
    "totals. No report, address or date of an individual case is held in the project or this report.")


@dataclass
class Section:
    indicator: Indicator
    period: str
    previous: str | None
    units: "gpd.GeoDataFrame"              # unit_id, unit_name, value, suppressed, geometry
    city_value: float
    city_numerator: float
    city_suppressed: bool
    city_previous: float
    top: "pd.DataFrame"                    # highest values first (published units only)
    bottom: "pd.DataFrame"                 # lowest values first
    trend: "pd.DataFrame"                  # period, value, suppressed (city-wide, dated periods)
    threshold: int | None
    n_suppressed: int
    n_no_value: int

    @property
    def city_change(self) -> float:
        return self.city_value - self.city_previous


@dataclass
class Report:
    title: str
    project_title: str
    period: str
    made_on: str
    sections: list[Section]
    sources: list[tuple[str, str]] = field(default_factory=list)   # (indicator name, source)
    definitions: list[tuple[str, str]] = field(default_factory=list)
    attribution: str = ""
    threshold: int = 10
    table: Any = None                                              # compute()'s DataFrame


def fmt_value(v: float, ind: Indicator | None = None) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "\u2013"
    pct = ind is not None and ind.unit_label.startswith("%")
    if pct:
        return f"{v:.1f} %"
    return f"{v:,.2f}" if abs(v) < 1000 else f"{v:,.0f}"


def fmt_change(v: float, ind: Indicator | None = None) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "\u2013"
    text = fmt_value(abs(v), ind)
    return ("+" if v > 0 else "\u2212" if v < 0 else "\u00b1") + text


def period_title(period: str) -> str:
    if period == ALL_PERIODS:
        return "all periods together"
    if period == CURRENT:
        return "current"
    return period


def _threshold(project: "Project", ind: Indicator) -> int | None:
    if ind.method != "report_rate":
        return None
    meta = (project.layer(ind.numerator_layer).extra or {}).get("reports") or {}
    return int(meta.get("threshold") or 10)


def _units(project: "Project", ind: Indicator, rows: "pd.DataFrame", cache: dict) -> "gpd.GeoDataFrame":
    import geopandas as gpd

    from assetmap.indicators.compute import _key

    if ind.unit_layer not in cache:
        info = project.layer(ind.unit_layer)
        id_field = (info.extra or {}).get("id_field")
        gdf = project.read_layer(ind.unit_layer, columns=[id_field])
        utm = gdf.to_crs("EPSG:4326").estimate_utm_crs() if gdf.crs and gdf.crs.is_geographic else gdf.crs
        gdf = gdf.to_crs(utm)
        cache[ind.unit_layer] = gpd.GeoDataFrame({"unit_id": gdf[id_field].map(_key).to_numpy()},
                                                 geometry=gdf.geometry.to_numpy(), crs=gdf.crs)
    geo = cache[ind.unit_layer]
    r = rows.set_index("unit_id")
    out = geo.copy()
    out["unit_name"] = r["unit_name"].reindex(out["unit_id"]).to_numpy()
    out["value"] = r["value"].reindex(out["unit_id"]).to_numpy(dtype=float)
    out["suppressed"] = r["suppressed"].reindex(out["unit_id"]).fillna(False).to_numpy(dtype=bool)
    out.loc[out["suppressed"], "value"] = float("nan")
    return out


def default_period(df: "pd.DataFrame") -> str:
    dated = sorted({p for p in df["period"] if p not in (ALL_PERIODS, CURRENT)}, key=period_sort_key)
    return dated[-1] if dated else (ALL_PERIODS if (df["period"] == ALL_PERIODS).any() else CURRENT)


def build(project: "Project", *, period: str | None = None, indicator_ids: list[str] | None = None,
          title: str = "Partnership report", ctx=None) -> Report:
    import pandas as pd

    inds = select(indicators_or_defaults(project), indicator_ids)
    if not inds:
        raise UserError("There are no indicators to report.",
                        "Indicators are made from report aggregates (`assetmap reports`), assets, hubs or a "
                        "survey layer: add one, then `assetmap indicators defaults P.gpkg`.")
    df = compute(project, inds, ctx=ctx)
    period = normalise_period(period) if period else default_period(df)
    sections, cache = [], {}
    for ind in inds:
        shown = period if ind.period == "by_period" else CURRENT
        own = indicator_periods(df, ind.id)
        if shown not in own:
            raise UserError(f"Indicator '{ind.id}' has no period '{period}'.",
                            f"Its periods: {', '.join(own)}.")
        rows = df[(df["indicator"] == ind.id) & (df["period"] == shown)]
        units = rows[rows["unit_id"] != CITY]
        city = rows[rows["unit_id"] == CITY].iloc[0]
        prev = previous_period(df, ind.id, shown)
        city_prev = float("nan")
        if prev is not None:
            c = df[(df["indicator"] == ind.id) & (df["period"] == prev) & (df["unit_id"] == CITY)].iloc[0]
            city_prev = float("nan") if c["suppressed"] else float(c["value"])
        order = ranked(df, ind.id, shown, by="value", since=prev)
        known = order[order["rank"].notna()]
        top = known.head(TABLE_ROWS)
        bottom = known.tail(min(TABLE_ROWS, max(0, len(known) - TABLE_ROWS))).iloc[::-1]
        trend = df[(df["indicator"] == ind.id) & (df["unit_id"] == CITY)
                   & ~df["period"].isin([ALL_PERIODS, CURRENT])][["period", "value", "suppressed"]]
        trend = trend.sort_values("period", key=lambda s: s.map(period_sort_key))
        sections.append(Section(
            indicator=ind, period=shown, previous=prev, units=_units(project, ind, units, cache),
            city_value=float("nan") if city["suppressed"] else float(city["value"]),
            city_numerator=float(city["numerator"]), city_suppressed=bool(city["suppressed"]),
            city_previous=city_prev, top=top.reset_index(drop=True), bottom=bottom.reset_index(drop=True),
            trend=trend.reset_index(drop=True), threshold=_threshold(project, ind),
            n_suppressed=int(units["suppressed"].sum()),
            n_no_value=int((~units["suppressed"] & units["value"].isna()).sum())))
    thresholds = [s.threshold for s in sections if s.threshold]
    return Report(
        title=title, project_title=project.title, period=period, made_on=date.today().isoformat(),
        sections=sections, sources=[(i.name, i.source or i.numerator_layer) for i in inds],
        definitions=[(i.name, definition(i)) for i in inds],
        attribution=project.meta("attribution") or "", threshold=max(thresholds) if thresholds else 10,
        table=pd.DataFrame(df))


def definition(ind: Indicator) -> str:
    per = f"{ind.per:,.0f}"
    if ind.method == "report_rate":
        num = f"reports counted in layer '{ind.numerator_layer}'"
    elif ind.method == "feature_count":
        what = f" with {ind.filter_field} = {ind.filter_value}" if ind.filter_field else ""
        num = f"public features of '{ind.numerator_layer}'{what} inside the area"
    elif ind.method == "hub_access":
        p = ind.params or {}
        num = (f"residents within {float(p.get('within_m', 1609.344)) / 1609.344:g} mi of a public hub "
               f"offering '{p.get('service', 'parenting')}'")
    else:
        return (f"{per} \u00d7 areas with at least one response in '{ind.numerator_layer}' / all areas "
                "(each area: 100 % visited or 0 %).")
    den = f" / {ind.denominator_field} of '{ind.unit_layer}'" if ind.denominator_field else ""
    scale = f"{per} \u00d7 " if ind.denominator_field else ""
    worse = "higher is worse" if ind.direction == "higher_is_worse" else "higher is better"
    target = f"; target {fmt_value(ind.target, ind)}" if ind.target is not None else ""
    return f"{scale}{num}{den} ({worse}{target})."
