"""`assetmap map` (HTML, PNG, PDF) headless, and `assetmap demo --screenshot`."""

from __future__ import annotations

import re

import pytest

from assetmap.cli import main
from assetmap.layers.style import Style, ramp_colors
from tests.conftest import run_cli


def _styled(project):
    info = project.layer("neighborhoods")
    info.style = Style(kind="graduated", field="pop_per_sqmi", k=5, ramp="YlGnBu").to_dict()
    project.update_layer_info(info)
    return project


def test_map_html_png_pdf(map_project, tmp_path, qapp):
    from PySide6.QtGui import QImage

    _styled(map_project)
    html = tmp_path / "m.html"
    assert main(["map", str(map_project.path), str(html), "--layers", "neighborhoods", "--title", "Thursday"]) == 0
    text = html.read_text()
    assert not re.search(r"https?://", text) and "Thursday" in text and '"sites"' not in text
    png = tmp_path / "m.png"
    assert main(["map", str(map_project.path), str(png), "--dpi", "60", "--title", "Thursday"]) == 0
    img = QImage(str(png))
    assert (img.width(), img.height()) == (660, 510)
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 3) for y in range(0, img.height(), 3)}
    # All five classes of the ramp are on the sheet (map and legend).
    assert set(ramp_colors("YlGnBu", 5)) <= colours
    pdf = tmp_path / "m.pdf"
    assert main(["map", str(map_project.path), str(pdf)]) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"Thursday" not in data


def test_render_reports_legend_and_sources(map_project, qapp):
    from PySide6.QtGui import QImage, QPainter

    from assetmap.mapview.export import pick_layers
    from assetmap.ui.map_export import render

    _styled(map_project)
    map_project.set_meta("attribution", "City of St. Louis open data")
    img = QImage(800, 600, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    out = render(p, map_project, pick_layers(map_project, None), "T", 800, 600, 72)
    p.end()
    assert "Neighbourhoods (pop_per_sqmi)" in out["legend"] and "City of St. Louis open data" in out["attribution"]
    assert "Sites" in out["legend"]


def test_map_bad_input_exits_2(map_project, tmp_path, capsys):
    assert main(["map", str(map_project.path), str(tmp_path / "m.svg")]) == 2
    assert main(["map", str(map_project.path), str(tmp_path / "m.html"), "--layers", "bogus"]) == 2
    assert "bogus" in capsys.readouterr().err
    assert not (tmp_path / "m.html").exists()


def test_demo_screenshot(isolated_home, tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "shot.png"
    r = run_cli("demo", "--screenshot", shot)
    assert r.returncode == 0, r.stderr
    img = QImage(str(shot))
    assert img.width() >= 800
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
    # The neighbourhoods are drawn in the natural-breaks classes (darkest and lightest present).
    assert {"#253494", "#ffffcc"} <= colours
