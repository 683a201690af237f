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
