"""Indicators per unit and period, as one long table a report, a CSV or a dock can use.

``compute`` returns columns ``unit_id`` (text; ``"ALL"`` for the city), ``unit_name``,
``period``, ``indicator``, ``value``, ``numerator``, ``denominator``, ``suppressed``.

Suppression carries: report counts are read only from the stored aggregate layers, where a
withheld count is NULL; the numerator and the rate of such a unit are NaN and ``suppressed`` is
True. The city row of a report indicator uses the *published* period total (or grand total)
from the aggregate's metadata, never a sum of what we have: ``assetmap.reports.suppress``
protected those totals together with the cells (complementary suppression over the table and
its margins), so "city total minus the published units" leaves at least two withheld cells and
solves none of them; a withheld total makes the city row suppressed too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assetmap.errors import UserError
from assetmap.indicators.model import CITY, CURRENT, Indicator, indicators_or_defaults
from assetmap.tasks import TaskContext, ensure

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from assetmap.project import Project

COLUMNS = ["unit_id", "unit_name", "period", "indicator", "value", "numerator", "denominator", "suppressed"]
ALL_PERIODS = "all"
_Q_RE = re.compile(r"^(\d{4})-?([qQ])([1-4])$")
_M_RE = re.compile(r"^(\d{4})-?(\d{2})$")


def normalise_period(text: str) -> str:
    """'2018Q4', '2018-q4' -> '2018-Q4' (the aggregate layers' labels); '201807' -> '2018-07'."""
    t = str(text).strip()
    m = _Q_RE.match(t)
    if m:
        return f"{m.group(1)}-Q{m.group(3)}"
    m = _M_RE.match(t)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{m.group(1)}-{m.group(2)}"
    return t.lower() if t.lower() in (ALL_PERIODS, CURRENT) else t


def period_sort_key(period: str):
    """Time order: dated labels first ('2017' < '2017-Q1' < '2017-Q2' ...), then 'all', 'current'."""
    return (period in (ALL_PERIODS, CURRENT), period == CURRENT, str(period))


def _unit_frame(project: "Project", ind: Indicator, geometry: bool = False):
    """(frame with unit_id, unit_name, den[, geometry], id field) of the indicator's unit layer."""
    import numpy as np
    import pandas as pd

    info = project.layer(ind.unit_layer)
    id_field = (info.extra or {}).get("id_field")
    if not id_field:
        raise UserError(f"Indicator '{ind.id}': the unit layer '{ind.unit_layer}' has no id field.",
                        f"Import it again with --id-field (assetmap import {project.path} FILE --role areas "
                        "--id-field FIELD --replace).")
    name_field = (info.extra or {}).get("name_field") or id_field
    gdf = project.read_layer(ind.unit_layer)
    for f in (id_field, ind.denominator_field):
        if f and f not in gdf.columns:
            raise UserError(f"Indicator '{ind.id}': the unit layer '{ind.unit_layer}' has no field '{f}'.",
                            "Fields there: " + ", ".join(c for c in gdf.columns if c != gdf.geometry.name) + ".")
    out = pd.DataFrame({"unit_id": gdf[id_field].map(_key).to_numpy(),
                        "unit_name": gdf[name_field].astype(str).to_numpy()})
    if ind.denominator_field:
        out["den"] = pd.to_numeric(gdf[ind.denominator_field], errors="coerce").to_numpy(dtype=float)
    else:
        out["den"] = np.nan
    if geometry:
        import geopandas as gpd

        out = gpd.GeoDataFrame(out, geometry=gdf.geometry.to_numpy(), crs=gdf.crs)
    return out, id_field


def _key(v) -> str:
    """A unit id as text; 5.0 and 5 are the same unit."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _rate(num, den, per, has_den: bool):
    import numpy as np

    num = np.asarray(num, dtype=float)
    if not has_den:
        return num.copy()
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        v = num / den * per
    return np.where(np.isfinite(v) & (den > 0), v, np.nan)


def _rows(units, period, ind, num, den, suppressed, has_den):
    import numpy as np
    import pandas as pd

    return pd.DataFrame({
        "unit_id": units["unit_id"].to_numpy(), "unit_name": units["unit_name"].to_numpy(),
        "period": period, "indicator": ind.id,
        "value": _rate(num, den, ind.per, has_den),
        "numerator": np.asarray(num, dtype=float),
        "denominator": np.asarray(den, dtype=float) if has_den else np.nan,
        "suppressed": np.asarray(suppressed, dtype=bool),
    })


def _city(period, ind, num, den, suppressed: bool, has_den: bool):
    import numpy as np
    import pandas as pd

    num = np.nan if (suppressed or num is None) else float(num)
    return pd.DataFrame({"unit_id": [CITY], "unit_name": ["City-wide"], "period": [period],
                         "indicator": [ind.id], "value": _rate([num], [den], ind.per, has_den),
                         "numerator": [num], "denominator": [float(den) if has_den else np.nan],
                         "suppressed": [bool(suppressed or num is None or num != num)]})


def _report_rate(project, ind, units, periods):
    import numpy as np
    import pandas as pd

    info = project.layer(ind.numerator_layer)
    meta = (info.extra or {}).get("reports")
    if not meta:
        raise UserError(f"Indicator '{ind.id}': '{ind.numerator_layer}' is not an aggregate report layer.",
                        "Choose a layer made by `assetmap reports`.")
    if meta.get("units") != ind.unit_layer:
        raise UserError(f"Indicator '{ind.id}': '{ind.numerator_layer}' counts reports per "
                        f"'{meta.get('units')}', not per '{ind.unit_layer}'.",
                        "Use an aggregate layer made on the indicator's unit layer.")
    field = ind.numerator_field or "count"
    if field != "count":
        raise UserError(f"Indicator '{ind.id}': report indicators are built on the 'count' field "
                        f"(its suppression travels with it), not '{field}'.")
    unit_field = meta["unit_field"]
    cols = [unit_field, "count", "suppressed"] + (["period"] if meta.get("periods") else [])
    agg = project.read_layer(ind.numerator_layer, columns=cols, read_geometry=False)
    agg = pd.DataFrame(agg)
    agg["unit_id"] = agg[unit_field].map(_key)
    if "period" not in agg.columns:
        agg["period"] = ALL_PERIODS
    layer_periods = list(meta.get("periods") or []) + [ALL_PERIODS]
    wanted = [p for p in layer_periods if periods is None or p in periods]
    has_den = bool(ind.denominator_field)
    den = units["den"].to_numpy()
    city_den = float(np.nansum(den)) if has_den else np.nan
    frames = []
    for p in wanted:
        rows = agg[agg["period"] == p].set_index("unit_id")
        rows = rows.reindex(units["unit_id"])
        sup = rows["suppressed"].fillna(False).astype(bool).to_numpy()
        count = np.array(pd.to_numeric(rows["count"], errors="coerce").to_numpy(dtype=float))
        # A withheld count is NULL in the layer; make sure nothing else stands in for it.
        count[sup] = np.nan
        frames.append(_rows(units, p, ind, count, den, sup, has_den))
        total = meta.get("total") if p == ALL_PERIODS else (meta.get("period_totals") or {}).get(p)
        frames.append(_city(p, ind, total, city_den, total is None, has_den))
    return frames


def _points_per_unit(project, ind, units, *, keep=None):
    """Public features of the numerator layer per unit (smallest unit id wins a border point)."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from assetmap.privacy import public_features

    pts = public_features(project.read_layer(ind.numerator_layer))
    if keep is not None:
        pts = keep(pts)
    pts = pts[pts.geometry.notna() & ~pts.geometry.is_empty]
    if pts.empty:
        return pts, np.full(len(units), -1)[:0]
    geom = pts.geometry
    if not geom.geom_type.isin(["Point"]).all():
        geom = geom.representative_point()
    pts = gpd.GeoDataFrame(pts.drop(columns=pts.geometry.name), geometry=geom.to_numpy(), crs=pts.crs)
    if pts.crs != units.crs:
        pts = pts.to_crs(units.crs)
    ids = units["unit_id"]
    numeric = pd.to_numeric(ids, errors="coerce")
    key = numeric.to_numpy() if numeric.notna().all() else ids.to_numpy()  # numeric ids sort as numbers
    zones = gpd.GeoDataFrame({"u": np.arange(len(units)), "key": key},
                             geometry=units.geometry.to_numpy(), crs=units.crs)
    pts = pts.reset_index(drop=True)
    joined = gpd.sjoin(pts[[pts.geometry.name]], zones, predicate="intersects", how="inner")
    # A point on a shared border goes to the smallest unit id, as report counts do.
    joined = joined.sort_values(["key"], kind="stable").groupby(level=0).first()
    out = pd.Series(-1, index=pts.index)
    out.loc[joined.index] = joined["u"].to_numpy()
    return pts, out.to_numpy()


def _feature_count(project, ind, units):
    import numpy as np

    def keep(gdf):
        if ind.filter_field:
            if ind.filter_field not in gdf.columns:
                raise UserError(f"Indicator '{ind.id}': layer '{ind.numerator_layer}' has no field "
                                f"'{ind.filter_field}'.")
            text = gdf[ind.filter_field].astype("string").str.strip()
            gdf = gdf[(text == str(ind.filter_value)).fillna(False).to_numpy()]
        if ind.numerator_field and ind.numerator_field not in gdf.columns:
            raise UserError(f"Indicator '{ind.id}': layer '{ind.numerator_layer}' has no field "
                            f"'{ind.numerator_field}'.")
        return gdf

    pts, unit_of = _points_per_unit(project, ind, units, keep=keep)
    inside = unit_of >= 0
    if ind.numerator_field:
        import pandas as pd

        w = pd.to_numeric(pts[ind.numerator_field], errors="coerce").fillna(0).to_numpy(dtype=float)
    else:
        w = np.ones(len(pts))
    num = np.bincount(unit_of[inside], weights=w[inside], minlength=len(units)) if len(pts) else \
        np.zeros(len(units))
    has_den = bool(ind.denominator_field)
    den = units["den"].to_numpy()
    city_den = float(np.nansum(den)) if has_den else np.nan
    return [_rows(units, CURRENT, ind, num, den, np.zeros(len(units), bool), has_den),
            _city(CURRENT, ind, float(num.sum()), city_den, False, has_den)]


def _survey_coverage(project, ind, units):
    import numpy as np

    pts, unit_of = _points_per_unit(project, ind, units)
    responses = np.bincount(unit_of[unit_of >= 0], minlength=len(units)) if len(pts) else np.zeros(len(units))
    visited = (responses > 0).astype(float)
    ones = np.ones(len(units))
    return [_rows(units, CURRENT, ind, visited, ones, np.zeros(len(units), bool), True),
            _city(CURRENT, ind, float(visited.sum()), float(len(units)), False, True)]


def _hub_access(project, ind, units, id_field):
    import numpy as np

    from assetmap.access.catchments import coverage
    from assetmap.hubs import directory

    if not ind.denominator_field:
        raise UserError(f"Indicator '{ind.id}': access is a share of residents and needs a population field.",
                        "Set the indicator's denominator to the unit layer's population field.")
    service = (ind.params or {}).get("service", "parenting")
    within = float((ind.params or {}).get("within_m", 1609.344))
    # Public hubs only, for units and city alike: per-area coverage by a confidential hub would
    # trace its ring, and a city row that counted it would not add up from the units.
    table = coverage(units, directory.load(project), within, id_field="unit_id", name_field="unit_name",
                     population_field="den", categories=[service])
    den = units["den"].to_numpy()
    covered = table[f"pop_covered_{service}"].to_numpy(dtype=float)
    has_den = True
    return [_rows(units, CURRENT, ind, covered, den, np.zeros(len(units), bool), has_den),
            _city(CURRENT, ind, float(np.nansum(covered)), float(np.nansum(den)), False, has_den)]


def compute_one(project: "Project", ind: Indicator, *, periods: list[str] | None = None) -> "pd.DataFrame":
    import pandas as pd

    ind.checked()
    units, id_field = _unit_frame(project, ind, geometry=ind.method != "report_rate")
    if ind.method == "report_rate":
        frames = _report_rate(project, ind, units, periods)
    elif ind.method == "feature_count":
        frames = _feature_count(project, ind, units)
    elif ind.method == "survey_coverage":
        frames = _survey_coverage(project, ind, units)
    else:
        frames = _hub_access(project, ind, units, id_field)
    if not frames:  # none of the asked periods
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(frames, ignore_index=True)[COLUMNS]


def compute(project: "Project", indicators: list[Indicator] | None = None, *,
            periods: list[str] | None = None, ctx: TaskContext | None = None) -> "pd.DataFrame":
    """Every indicator per unit and period, plus a city-wide row (unit_id 'ALL') per period.

    ``indicators`` defaults to the stored ones (or the defaults when none are stored);
    ``periods`` keeps only those periods of the by-period indicators (labels like '2018-Q4'
    or '2018Q4', and 'all'); snapshot indicators have the period 'current'.
    """
    import pandas as pd

    ctx = ensure(ctx)
    inds = indicators_or_defaults(project) if indicators is None else list(indicators)
    if not inds:
        raise UserError("There are no indicators to compute.",
                        "Indicators are made from report aggregates (`assetmap reports`), assets, hubs or a "
                        "survey layer: add one, then `assetmap indicators defaults P.gpkg`.")
    wanted = None if periods is None else [normalise_period(p) for p in periods]
    frames = []
    for n, ind in enumerate(inds):
        ctx.progress(n / len(inds), f"Computing {ind.name}")
        frames.append(compute_one(project, ind, periods=wanted))
    df = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    if wanted is not None:
        known = set(df["period"])
        unknown = [p for p in wanted if p not in known]
        if unknown:
            shown = sorted(known - {CURRENT}, key=period_sort_key)
            raise UserError(f"No indicator has the period {', '.join(repr(p) for p in unknown)}.",
                            f"Periods: {', '.join(shown) or '(none)'}." )
    ctx.progress(1.0, "Done")
    return df


def indicator_periods(df: "pd.DataFrame", indicator: str) -> list[str]:
    """The indicator's periods in time order ('all' and 'current' last)."""
    return sorted(set(df.loc[df["indicator"] == indicator, "period"]), key=period_sort_key)


def previous_period(df: "pd.DataFrame", indicator: str, period: str) -> str | None:
    """The dated period before ``period`` for this indicator, or None."""
    period = normalise_period(period)
    dated = [p for p in indicator_periods(df, indicator) if p not in (ALL_PERIODS, CURRENT)]
    if period not in dated:
        return None
    i = dated.index(period)
    return dated[i - 1] if i > 0 else None


def change_since(df: "pd.DataFrame", since: str, *, to: str | None = None) -> "pd.DataFrame":
    """Per indicator and unit: value at ``to`` (default each indicator's latest dated period) minus
    the value at ``since``. A change touching a suppressed or missing value is NaN, never guessed.

    Columns: unit_id, unit_name, indicator, period (= to), since, value, since_value, change,
    suppressed (either end withheld).
    """
    import numpy as np
    import pandas as pd

    since = normalise_period(since)
    frames = []
    for ind in df["indicator"].unique():
        dated = [p for p in indicator_periods(df, ind) if p not in (ALL_PERIODS, CURRENT)]
        end = normalise_period(to) if to is not None else (dated[-1] if dated else None)
        if since not in dated or end not in dated:
            continue
        sub = df[df["indicator"] == ind]
        a = sub[sub["period"] == end].set_index("unit_id")
        b = sub[sub["period"] == since].set_index("unit_id").reindex(a.index)
        frames.append(pd.DataFrame({
            "unit_id": a.index.to_numpy(), "unit_name": a["unit_name"].to_numpy(), "indicator": ind,
            "period": end, "since": since, "value": a["value"].to_numpy(dtype=float),
            "since_value": b["value"].to_numpy(dtype=float),
            "change": a["value"].to_numpy(dtype=float) - b["value"].to_numpy(dtype=float),
            "suppressed": a["suppressed"].to_numpy(bool) | b["suppressed"].fillna(True).to_numpy(bool)}))
    if not frames:
        return pd.DataFrame(columns=["unit_id", "unit_name", "indicator", "period", "since", "value",
                                     "since_value", "change", "suppressed"])
    out = pd.concat(frames, ignore_index=True)
    out.loc[out["suppressed"], "change"] = np.nan
    return out


def ranked(df: "pd.DataFrame", indicator: str, period: str, *, by: str = "value",
           since: str | None = None, ascending: bool = False) -> "pd.DataFrame":
    """The units (not the city row) of one indicator and period, ranked by value or by change
    since ``since`` (default the previous period). Units without a number (suppressed, no
    population) come last, unranked (rank NaN)."""
    import numpy as np

    if by not in ("value", "change"):
        raise UserError(f"Can't rank by '{by}'.", "Rank by 'value' or 'change'.")
    period = normalise_period(period)
    sub = df[(df["indicator"] == indicator) & (df["period"] == period) & (df["unit_id"] != CITY)].copy()
    if sub.empty:
        raise UserError(f"Indicator '{indicator}' has no period '{period}'.",
                        f"Periods: {', '.join(indicator_periods(df, indicator)) or '(none)'}.")
    base = since or previous_period(df, indicator, period)
    if base is not None:
        ch = change_since(df[df["indicator"] == indicator], base, to=period).set_index("unit_id")
        sub["change"] = ch["change"].reindex(sub["unit_id"]).to_numpy(dtype=float)
    else:
        sub["change"] = np.nan
    sub = sub.sort_values(by, ascending=ascending, na_position="last", kind="stable")
    known = sub[by].notna().to_numpy()
    sub["rank"] = np.where(known, np.cumsum(known), np.nan)
    return sub.reset_index(drop=True)
