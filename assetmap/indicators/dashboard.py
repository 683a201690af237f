"""What the indicators dashboard shows, without Qt: the map layer of one indicator and period
(a derived layer, never written to the project), the ranked table rows, the trend of a unit
against the city, and how a value reads. The dock in ``assetmap.ui.indicators_dock`` only
displays these, so the rules (a withheld value never becomes a number) are tested here too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assetmap.indicators.compute import ALL_PERIODS, indicator_periods, ranked
from assetmap.indicators.model import CITY, CURRENT, Indicator
from assetmap.mapview.words import word

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from assetmap.layers import LayerInfo
    from assetmap.project import Project

WITHHELD = "1–10"            # what a withheld report count reads as: never 0, never a number
WITHHELD_VALUE = "1–10 (withheld)"
NO_RESIDENTS = "no residents"
RAMP_WORSE = "YlOrRd"         # ColorBrewer, colour-blind safe, as in the printed report
RAMP_BETTER = "YlGnBu"


def fmt_number(v: float) -> str:
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:,.1f}"
    return f"{v:,.2f}"


def value_text(value: Any, suppressed: bool) -> str:
    """How a value reads in the table, the map popup and the chart tooltip."""
    if suppressed:
        return word(WITHHELD_VALUE)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return word(NO_RESIDENTS)
    return fmt_number(float(value))


def change_text(change: Any, suppressed: bool) -> str:
    if suppressed:
        return word("withheld")
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return ""
    c = float(change)
    return ("+" if c > 0 else "") + fmt_number(c)


def dated_periods(df: "pd.DataFrame", indicator: str) -> list[str]:
    return [p for p in indicator_periods(df, indicator) if p not in (ALL_PERIODS, CURRENT)]


def default_period(df: "pd.DataFrame", indicator: str) -> str | None:
    """The latest dated period, else 'current' (snapshot) or 'all'."""
    dated = dated_periods(df, indicator)
    if dated:
        return dated[-1]
    periods = indicator_periods(df, indicator)
    return periods[0] if periods else None


# ---------------------------------------------------------------------------- map
def map_frame(units: "gpd.GeoDataFrame", id_field: str, df: "pd.DataFrame", indicator: str,
              period: str) -> "gpd.GeoDataFrame":
    """The unit layer's features (same fids) with the indicator's value for ``period``:
    ``unit_id``, ``unit``, ``value`` (None when withheld), ``shown`` (text), ``suppressed``."""
    import numpy as np

    from assetmap.indicators.compute import _key

    sub = df[(df["indicator"] == indicator) & (df["period"] == period) & (df["unit_id"] != CITY)]
    sub = sub.set_index("unit_id")
    keys = units[id_field].map(_key)
    value = sub["value"].reindex(keys).to_numpy(dtype=float)
    sup = sub["suppressed"].reindex(keys).fillna(False).to_numpy(dtype=bool)
    value = np.where(sup, np.nan, value)  # belt and braces: a withheld value is never sent
    out = units[[units.geometry.name]].copy()
    out["unit_id"] = keys.to_numpy()
    out["unit"] = sub["unit_name"].reindex(keys).fillna("").to_numpy()
    out["value"] = value
    out["shown"] = [value_text(v, s) for v, s in zip(value, sup)]
    out["suppressed"] = sup
    return out[["unit_id", "unit", "value", "shown", "suppressed", units.geometry.name]]


def page_order(layers: "list[LayerInfo]", dashboard: str) -> list[str]:
    """The page's drawing order (top first) with the dashboard choropleth in it: above every
    polygon and line layer (it would hide under the areas it colours), below the point layers,
    so assets, hubs and survey entries stay visible and can still be clicked."""
    points = [i.name for i in layers if "point" in (i.geometry_type or "").lower()]
    rest = [i.name for i in layers if i.name not in points]
    return points + [dashboard] + rest


def map_spec(ind: Indicator, frame: "pd.DataFrame", title: str = "") -> dict[str, Any]:
    """A graduated choropleth (breaks over the published values of this period), withheld
    units hatched and labelled "1–10" for report indicators."""
    from assetmap.layers.style import Style
    from assetmap.mapview.leaflet_style import leaflet_style

    report = ind.method == "report_rate"
    style = Style(kind="graduated", field="value", scheme="natural_breaks", k=5,
                  ramp=RAMP_WORSE if ind.direction == "higher_is_worse" else RAMP_BETTER,
                  fill_opacity=0.85, other_color="#bbbbbb",
                  suppressed_label=word("{0} reports: suppressed").format(WITHHELD) if report else "",
                  suppressed_fill="hatch" if report else "")
    published = frame[frame["value"].notna()]
    if published.empty:
        # Nothing to classify (every unit withheld): draw them all as withheld/no data.
        spec = {"kind": "single", "color": "#bbbbbb", "stroke": "#333333", "weight": 0.8,
                "fillOpacity": 0.85, "field": "", "radius": 6, "symbol": "circle", "other": "#bbbbbb",
                "legend": [{"label": style.suppressed_label or word("no data"), "color": "#bbbbbb", "symbol": "square",
                            **({"fill": "hatch"} if report else {})}]}
    else:
        spec = leaflet_style(style, published)
        spec["weight"] = 0.8
        for item in spec["legend"]:
            item["symbol"] = "square"
    if (frame["value"].isna() & ~frame["suppressed"].astype(bool)).any():
        spec["legend"].append({"label": word(NO_RESIDENTS), "color": "#bbbbbb", "symbol": "square"})
    if title:
        spec["legendNote"] = title
    return spec


# ---------------------------------------------------------------------------- table
@dataclass
class Row:
    unit_id: str
    unit: str
    rank: str
    value: str
    change: str
    suppressed: bool
    sort_value: float | None  # the number the row is ordered by (None: unranked)


def table_rows(df: "pd.DataFrame", indicator: str, period: str, by: str = "value",
               ascending: bool = False) -> list[Row]:
    """The units ranked by value or by change since the previous period; withheld and
    unrateable units last, with text instead of a number."""
    from assetmap.indicators.compute import change_since, previous_period

    r = ranked(df, indicator, period, by=by, ascending=ascending)
    base = previous_period(df, indicator, period)
    # A change is withheld when either end is: say so instead of leaving the cell blank.
    ch_withheld: set[str] = set()
    if base is not None:
        ch = change_since(df[df["indicator"] == indicator], base, to=period)
        ch_withheld = set(ch.loc[ch["suppressed"].astype(bool), "unit_id"].astype(str))
    rows = []
    for rec in r.itertuples(index=False):
        sup = bool(rec.suppressed)
        value = None if sup or rec.value != rec.value else float(rec.value)
        change = None if sup or rec.change != rec.change else float(rec.change)
        rank = "" if rec.rank != rec.rank else str(int(rec.rank))
        key = value if by == "value" else change
        rows.append(Row(str(rec.unit_id), str(rec.unit_name), rank, value_text(value, sup),
                        change_text(change, sup or str(rec.unit_id) in ch_withheld), sup, key))
    return rows


def city_value(df: "pd.DataFrame", indicator: str, period: str) -> tuple[float | None, bool]:
    sub = df[(df["indicator"] == indicator) & (df["period"] == period) & (df["unit_id"] == CITY)]
    if sub.empty:
        return None, False
    sup = bool(sub["suppressed"].iloc[0])
    v = float(sub["value"].iloc[0])
    return (None if sup or v != v else v), sup


# ---------------------------------------------------------------------------- trend
@dataclass
class Trend:
    periods: list[str]
    unit: list[float | None]   # None: withheld or no value (a gap, never a zero)
    city: list[float | None]
    unit_suppressed: list[bool]


def trend(df: "pd.DataFrame", indicator: str, unit_id: str | None) -> Trend:
    """The unit's values and the city's over the dated periods (or the snapshot)."""
    periods = dated_periods(df, indicator) or [p for p in indicator_periods(df, indicator)
                                               if p != ALL_PERIODS]
    sub = df[df["indicator"] == indicator]

    def series(uid):
        rows = sub[sub["unit_id"] == uid].set_index("period")
        vals, sups = [], []
        for p in periods:
            if p not in rows.index:
                vals.append(None)
                sups.append(False)
                continue
            s = bool(rows.at[p, "suppressed"])
            v = float(rows.at[p, "value"])
            vals.append(None if s or v != v else v)
            sups.append(s)
        return vals, sups

    city, _ = series(CITY)
    unit, sups = series(str(unit_id)) if unit_id is not None else ([None] * len(periods), [False] * len(periods))
    return Trend(periods, unit, city, sups)


def unit_layer_frame(project: "Project", ind: Indicator):
    """(unit layer features, its id field) for drawing ``ind``."""
    info = project.layer(ind.unit_layer)
    return project.read_layer(ind.unit_layer), (info.extra or {}).get("id_field")
