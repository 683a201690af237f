"""The CSV for partners: long format, suppressed values blank, no count anywhere."""

from __future__ import annotations

import csv

import pandas as pd

from tests.indicators.conftest import DV_LAYER, MAL_LAYER


def test_csv_long_format_with_blank_suppressed_values(demo, tmp_path):
    import geopandas as gpd

    from assetmap.indicators import compute, default_indicators
    from assetmap.indicators.export import write_csv

    df = compute(demo, default_indicators(demo))
    out = write_csv(df, tmp_path / "indicators.csv")
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["unit_id", "unit", "period", "indicator", "value", "suppressed"]
    assert len(rows) == len(df)
    withheld = [r for r in rows if r["suppressed"] == "true"]
    assert len(withheld) > 500
    assert all(r["value"] == "" for r in withheld)
    assert all(r["value"] != "" for r in rows if r["suppressed"] == "false" and r["unit_id"] == "ALL")
    # Every cell the aggregate layers withhold is withheld in the CSV, by unit and period.
    by_key = {(r["indicator"], r["unit_id"], r["period"]): r for r in rows}
    for ind, layer in (("dv_rate", DV_LAYER), ("maltreatment_rate", MAL_LAYER)):
        agg = gpd.read_file(demo.path, layer=layer, ignore_geometry=True)
        for a in agg[agg["suppressed"].astype(bool)].itertuples():
            r = by_key[(ind, str(a.NHD_NUM), a.period)]
            assert r["suppressed"] == "true" and r["value"] == ""


def test_no_withheld_count_can_be_read_back_from_the_csv(demo, tmp_path, independent_counts):
    """value x population / 1000 gives back published counts only; for a withheld cell there is
    nothing to multiply, and the city total is the published one."""
    from assetmap.indicators import compute, default_indicators
    from assetmap.indicators.export import write_csv

    df = compute(demo, default_indicators(demo))
    out = write_csv(df, tmp_path / "i.csv")
    text = out.read_text(encoding="utf-8")
    assert "numerator" not in text and "denominator" not in text and "count" not in text
    back = pd.read_csv(out, dtype={"unit_id": str})
    assert back.loc[back["suppressed"], "value"].isna().all()
    pop = demo.read_layer("neighborhoods").set_index("NHD_NUM")["population"].astype(float)
    counts = independent_counts["DOMESTIC"]
    dv = back[(back["indicator"] == "dv_rate") & (back["unit_id"] != "ALL") & (back["period"] != "all")]
    withheld_true = [counts.get((int(r.unit_id), r.period), 0) for r in dv[dv["suppressed"]].itertuples()]
    assert any(1 <= c <= 10 for c in withheld_true)  # there really were small counts to hide
    for r in dv[~dv["suppressed"] & dv["value"].notna()].itertuples():
        assert round(r.value * pop[int(r.unit_id)] / 1000) == counts.get((int(r.unit_id), r.period), 0)


def test_csv_refuses_another_extension(demo, tmp_path):
    import pytest

    from assetmap.errors import UserError
    from assetmap.indicators import compute, default_indicators
    from assetmap.indicators.export import write_csv

    df = compute(demo, default_indicators(demo), periods=["all"])
    with pytest.raises(UserError, match=r"\.csv"):
        write_csv(df, tmp_path / "x.xlsx")
    assert not list(tmp_path.glob("x*"))
