from assetmap.layers.style import COLOUR_BLIND_SAFE, Style, default_for_aggregate
from assetmap.mapview.classify import classify


def test_aggregate_default_prefers_rate_and_marks_suppression():
    s = default_for_aggregate(["count", "suppressed", "period", "rate_per_1000"])
    assert s.kind == "graduated" and s.field == "rate_per_1000"
    assert s.ramp in COLOUR_BLIND_SAFE
    assert s.suppressed_label == "1–10" and s.suppressed_fill == "hatch"
    assert default_for_aggregate(["count", "suppressed"]).field == "count"
    # Round-trips through the stored JSON.
    assert Style.from_dict(s.to_dict()) == s


def test_breaks_ignore_suppressed_units():
    counts = [None, None, 12, 40, 95, 300, None]
    bins = classify(counts, "natural_breaks", k=3)
    assert min(bins) >= 12  # a suppressed unit never becomes a zero class
    assert bins[-1] == 300


def test_aggregate_layer_spec_is_choropleth_with_hatched_suppressed_entry():
    import pandas as pd

    from assetmap.layers import LayerInfo
    from assetmap.layers.roles import LayerRole
    from assetmap.mapview.layers import layer_style
    from assetmap.mapview.leaflet_style import leaflet_style

    frame = pd.DataFrame({"count": [None, 14, 30, 77, None, 120],
                          "suppressed": [True, False, False, False, True, False]})
    info = LayerInfo(name="dv_by_neighborhoods", role=LayerRole.AGGREGATE, display_name="DV",
                     style={"field": "count", "suppressed_label": "1–10", "suppressed_fill": "hatch"})
    spec = leaflet_style(layer_style(info, list(frame.columns)), frame)
    assert spec["kind"] == "graduated" and spec["field"] == "count"
    assert spec["suppressedLabel"] == "1–10" and spec["suppressedFill"] == "hatch"
    assert min(spec["breaks"]) >= frame["count"].dropna().min()
    labels = [e["label"] for e in spec["legend"]]
    assert "1–10" in labels and "no data" not in labels
    assert [e for e in spec["legend"] if e["label"] == "1–10"][0]["fill"] == "hatch"


def test_a_rate_missing_where_nobody_lives_gets_its_own_no_data_entry():
    """Withheld units (hatched "1–10") and units with no rate that are not withheld (no residents)
    are both drawn, so the legend explains both; the withheld ones are never called "no data"."""
    import pandas as pd

    from assetmap.layers import LayerInfo
    from assetmap.layers.roles import LayerRole
    from assetmap.mapview.layers import layer_style
    from assetmap.mapview.leaflet_style import leaflet_style

    frame = pd.DataFrame({"count": [None, 14, 30, 0, 120], "rate_per_1000": [None, 2.5, 4.0, None, 9.0],
                          "suppressed": [True, False, False, False, False]})
    info = LayerInfo(name="dv_by_neighborhoods", role=LayerRole.AGGREGATE, display_name="DV",
                     style={"field": "rate_per_1000", "suppressed_label": "1–10", "suppressed_fill": "hatch"})
    legend = leaflet_style(layer_style(info, list(frame.columns)), frame)["legend"]
    extra = [(e["label"], e.get("fill")) for e in legend[-2:]]
    assert extra == [("1–10", "hatch"), ("no data", None)]
    # Only withheld units without a value: no "no data" entry.
    frame.loc[3, "rate_per_1000"] = 0.0
    labels = [e["label"] for e in leaflet_style(layer_style(info, list(frame.columns)), frame)["legend"]]
    assert labels[-1] == "1–10" and "no data" not in labels
