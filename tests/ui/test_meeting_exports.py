"""Meeting-ready map sheets: for 1, 3 and 8 layers on A4 and Letter, no text box of the PDF overlaps
another or leaves the page (pdfplumber reads the boxes); display names and source names only."""

from __future__ import annotations

import itertools

import pytest

PAPERS = {"A4 portrait": (8.27, 11.69), "Letter landscape": (11.0, 8.5)}
KINDS = ["school", "clinic", "faith-based organisation", "youth club", "Head Start centre",
         "family resource centre", "library", "recreation centre with a very long name indeed"]


@pytest.fixture()
def eight_layers(map_project):
    """The demo (2 report layers + neighbourhoods) + sites, and four more point layers with
    long names and many categories: more legend than fits beside the map."""
    import geopandas as gpd

    from assetmap.layers import LayerInfo, LayerRole

    areas = map_project.read_layer("neighborhoods")
    pts = areas.geometry.representative_point().values
    for n in range(4):
        sel = pts[n * 16:(n + 1) * 16]
        gdf = gpd.GeoDataFrame({"kind": [KINDS[i % len(KINDS)] for i in range(len(sel))]}, geometry=sel,
                               crs=areas.crs)
        map_project.write_layer(gdf, LayerInfo(
            f"partner_sites_{n}", LayerRole.ASSETS, f"Partner sites surveyed in round {n + 1} by the volunteers",
            style={"kind": "categorized", "field": "kind"}, opacity=0.5))
    names = [i.name for i in map_project.layers()]
    assert len(names) == 8
    return map_project


def _boxes(pdf_path):
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            yield page, page.extract_words(use_text_flow=False, keep_blank_chars=False)


def _overlap(a, b, tol=0.5):
    return (min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > tol
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > tol)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("count", [1, 3, 8])
def test_no_text_overlaps_or_leaves_the_page(eight_layers, tmp_path, qapp, paper, count):
    from assetmap.ui.map_export import export_image

    project = eight_layers
    layers = [i.name for i in project.layers()][-count:]  # the 8: hidden report layers too
    out = tmp_path / f"map_{count}.pdf"
    w, h = PAPERS[paper]
    export_image(project, out, layers, "Where families in St. Louis find help: our partnership's map", w, h, 150)
    texts = []
    for page, words in _boxes(out):
        assert words
        for word in words:
            assert word["x0"] >= 0 and word["top"] >= 0, word
            assert word["x1"] <= page.width and word["bottom"] <= page.height, word
        for a, b in itertools.combinations(words, 2):
            assert not _overlap(a, b), (a["text"], b["text"])
        texts.append(" ".join(wd["text"] for wd in words))
    text = " ".join(texts)
    assert str(tmp_path) not in text and "/work/" not in text  # sources by name, never a path
    assert "partner_sites" not in text  # display names, never table names
    if count == 8:
        assert "Partner" in text and "round" in text


def test_classes_start_at_published_values(demo_copy, qapp):
    from assetmap.layers import LayerRole
    from assetmap.mapview.layers import LayerCache

    cache = LayerCache(demo_copy)
    for info in demo_copy.layers_by_role(LayerRole.AGGREGATE):
        spec = cache.spec(info)
        first = spec["legend"][0]["label"]
        assert not first.startswith("≤")
        from assetmap.mapview.report_styles import break_rows

        rows = break_rows(cache.frame(info.name), spec["period"])  # the rows the classes are made from
        published = rows.loc[~rows["suppressed"].astype(bool), spec["field"]].dropna()
        lowest = published[published > 0].min()
        assert first.split(", ")[-1].split(" – ")[0] == f"{lowest:,.2f}".rstrip("0").rstrip(".")
        assert first.startswith("0, ") == bool((published == 0).any())


def test_a_legend_too_long_for_the_sheet_continues_on_a_legend_page(eight_layers, tmp_path, qapp):
    import geopandas as gpd

    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.ui.map_export import export_image

    project = eight_layers
    areas = project.read_layer("neighborhoods")
    pts = areas.geometry.representative_point().values
    for n in range(4):  # 4 more layers of 22 categories each
        gdf = gpd.GeoDataFrame({"kind": [f"{KINDS[i % 8]} {i}" for i in range(22)]}, geometry=pts[:22], crs=areas.crs)
        project.write_layer(gdf, LayerInfo(f"more_{n}", LayerRole.ASSETS, f"More partner sites {n + 1}",
                                           style={"kind": "categorized", "field": "kind"}))
    names = [i.name for i in project.layers()]
    pdf = tmp_path / "long.pdf"
    out = export_image(project, pdf, names, "Everything we know", 8.27, 11.69, 150)
    pages = list(_boxes(out))
    assert len(pages) >= 2
    assert "legend (continued)" in " ".join(w["text"] for w in pages[1][1])
    for page, words in pages:
        for word in words:
            assert word["x0"] >= 0 and word["x1"] <= page.width and word["bottom"] <= page.height
        for a, b in itertools.combinations(words, 2):
            assert not _overlap(a, b), (a["text"], b["text"])
    every = " ".join(w["text"] for _, words in pages for w in words)
    for n in range(4):
        assert f"More partner sites {n + 1}" in every.replace("\n", " ")
    # A PNG has one page: it names the layers it could not fit, and nothing runs off.
    from PySide6.QtGui import QImage, QPainter

    from assetmap.mapview.export import pick_layers
    from assetmap.ui.map_export import render

    img = QImage(827, 1169, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    result = render(p, project, pick_layers(project, names), "Everything", 827, 1169, 100)
    p.end()
    assert any(label.startswith("+ ") and "more layer(s)" in label for label in result["legend"])
