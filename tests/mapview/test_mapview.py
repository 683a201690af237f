"""Qt-free map logic: classification against independent computations, styles, GeoJSON
for display (privacy, rounding), offline standalone HTML, undoable layer commands."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from assetmap.errors import UserError
from assetmap.layers.style import COLOUR_BLIND_SAFE, RAMP_NAMES, Style, ramp_colors
from assetmap.mapview import classify, layer_geojson, leaflet_style
from assetmap.mapview.classify import class_index


def _density(project):
    g = project.read_layer("neighborhoods")
    return g, g["pop_per_sqmi"].dropna().to_numpy(dtype=float)


def _jenks_oracle(values, k):
    """Exact minimum within-class sum of squares by dynamic programming (independent of mapclassify)."""
    x = np.sort(values)
    n = len(x)
    c1, c2 = np.concatenate([[0], np.cumsum(x)]), np.concatenate([[0], np.cumsum(x * x)])

    def ssd(i, j):  # x[i:j]
        s, s2, m = c1[j] - c1[i], c2[j] - c2[i], j - i
        return s2 - s * s / m

    cost = np.full((k + 1, n + 1), np.inf)
    cut = np.zeros((k + 1, n + 1), dtype=int)
    cost[0, 0] = 0
    for c in range(1, k + 1):
        for j in range(c, n + 1):
            for i in range(c - 1, j):
                v = cost[c - 1, i] + ssd(i, j)
                if v < cost[c, j]:
                    cost[c, j], cut[c, j] = v, i
    bounds, j = [], n
    for c in range(k, 0, -1):
        bounds.append(x[j - 1])
        j = cut[c, j]
    return sorted(bounds), cost[k, n]


def test_natural_breaks_are_optimal(demo_copy):
    _, vals = _density(demo_copy)
    breaks = classify(vals, "natural_breaks", 5)
    oracle, best = _jenks_oracle(vals, 5)
    idx = np.array([class_index(v, breaks) for v in vals])
    ours = sum(((vals[idx == c] - vals[idx == c].mean()) ** 2).sum() for c in range(len(breaks)))
    assert ours == pytest.approx(best, rel=1e-9)
    assert breaks == pytest.approx(oracle)


def test_equal_interval_and_quantiles(demo_copy):
    _, vals = _density(demo_copy)
    eq = classify(vals, "equal_interval", 4)
    lo, hi = vals.min(), vals.max()
    assert eq == pytest.approx([lo + (hi - lo) * i / 4 for i in range(1, 5)])
    q = classify(vals, "quantiles", 4)
    counts = np.bincount([class_index(v, q) for v in vals], minlength=4)
    assert counts.max() - counts.min() <= 2  # quartiles: equal counts up to ties
    assert classify(vals, "manual", breaks=[5000, 1000]) == [1000, 5000, pytest.approx(hi)]
    with pytest.raises(UserError):
        classify([], "quantiles")


def test_ramps_colour_blind_safe_first():
    safe = [n in COLOUR_BLIND_SAFE for n in RAMP_NAMES]
    assert safe == sorted(safe, reverse=True) and safe[0]
    cols = ramp_colors("YlGnBu", 5)
    assert len(set(cols)) == 5 and all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in cols)
    assert Style().ramp in COLOUR_BLIND_SAFE
    with pytest.raises(UserError):
        ramp_colors("Rainbow", 3)


def test_graduated_spec_and_legend(demo_copy):
    g, vals = _density(demo_copy)
    spec = leaflet_style(Style(kind="graduated", field="pop_per_sqmi", scheme="equal_interval", k=3), g)
    assert len(spec["breaks"]) == len(spec["colors"]) == 3
    assert spec["breaks"][-1] == pytest.approx(vals.max())
    labels = [e["label"] for e in spec["legend"]]
    assert len(labels) == 3 + (1 if g["pop_per_sqmi"].isna().any() else 0)
    with pytest.raises(UserError, match="no field"):
        leaflet_style(Style(kind="graduated", field="nope"), g)
    with pytest.raises(UserError):
        Style(kind="graduated", field="x", scheme="manual", breaks=[3, 2]).validate()


def test_categorized_spec(map_project):
    g = map_project.read_layer("sites")
    spec = leaflet_style(Style(kind="categorized", field="kind", symbols={"school": "square"}), g)
    # only the categories of features that may be shown: the confidential shelter's is left out
    assert set(spec["categories"]) == set(g.loc[g.confidential == 0, "kind"]) == {"school", "clinic", "faith"}
    assert "shelter" not in {e["label"] for e in spec["legend"]}
    assert len(set(spec["categories"].values())) == len(spec["categories"])
    assert spec["legend"][-1]["label"] == "other"
    assert {e["label"]: e["symbol"] for e in spec["legend"]}["school"] == "square"


def test_geojson_public_rounded_and_ids(map_project):
    sites = map_project.read_layer("sites")
    fc = json.loads(layer_geojson(sites))
    assert len(fc["features"]) == 5
    assert "shelter" not in {f["properties"]["kind"] for f in fc["features"]}
    assert [f["id"] for f in fc["features"]] == [int(i) for i in sites.index[sites.confidential == 0]]
    areas = map_project.read_layer("neighborhoods")
    text = layer_geojson(areas)
    decimals = [len(m) for m in re.findall(r"-?\d+\.(\d+)", text.split('"geometry"')[1][:5000])]
    assert max(decimals) <= 6
    assert len(json.loads(text)["features"]) == len(areas)


def test_standalone_html_offline(map_project, tmp_path):
    from assetmap.mapview.export import export_html

    map_project.set_meta("attribution", "City of St. Louis")
    out = export_html(map_project, tmp_path / "m.html", ["sites", "neighborhoods"], "Assets")
    html = out.read_text()
    assert not re.search(r"https?://", html)
    assert "<script src" not in html and "<link" not in html
    assert "L.map" in html or "Leaflet" in html
    assert "City of St. Louis" in html and "shelter" not in html
    assert html.index('assetmap.setLayer("neighborhoods"') < html.index('assetmap.setLayer("sites"')
    with pytest.raises(UserError, match="no layer named 'bogus'"):
        export_html(map_project, tmp_path / "x.html", ["bogus"])


def test_layer_commands_undo(map_project):
    from assetmap.commands import CommandStack
    from assetmap.mapview.commands import RemoveLayer, SetLayerOrder, UpdateLayerInfo

    from assetmap.session import ORDER, LayerChanged

    seen = []
    stack = CommandStack()
    # what the window hears of the metadata edits (the reorder's own events are not "info")
    stack.hub.subscribe(LayerChanged, lambda e: ORDER in e.what or seen.append(((e.name,), "info")))
    info = map_project.layer("neighborhoods")
    info.visible, info.opacity = False, 0.3
    stack.push(UpdateLayerInfo(map_project, info, "hide"))
    assert not map_project.layer("neighborhoods").visible
    stack.undo()
    back = map_project.layer("neighborhoods")
    assert back.visible and back.opacity == 1.0
    before = map_project.layer_names()
    stack.push(SetLayerOrder(map_project, list(reversed(before))))
    assert map_project.layer_names() == list(reversed(before))
    stack.undo()
    assert map_project.layer_names() == before
    n = len(map_project.read_layer("sites"))
    stack.push(RemoveLayer(map_project, "sites"))
    assert not map_project.has_layer("sites")
    stack.undo()
    assert len(map_project.read_layer("sites")) == n and map_project.layer_names() == before
    assert seen == [(("neighborhoods",), "info"), (("neighborhoods",), "info")]
