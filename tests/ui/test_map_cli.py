"""`assetmap map` (HTML, PNG, PDF) headless, and `assetmap demo --screenshot`.

The map commands run on a GeoPackage project and on the same project published to PostGIS
(``backend``, tests/backends.py), like the rest of the CLI suite."""

from __future__ import annotations

import re

from assetmap.cli import main
from assetmap.layers.style import Style, ramp_colors
from tests.conftest import run_cli


def _styled(project):
    info = project.layer("neighborhoods")
    info.style = Style(kind="graduated", field="pop_per_sqmi", k=5, ramp="YlGnBu").to_dict()
    project.update_layer_info(info)
    return project


def test_map_html_png_pdf(map_project, tmp_path, qapp, backend):
    from PySide6.QtGui import QImage

    target = backend.target(_styled(map_project))
    html = tmp_path / "m.html"
    assert main(["map", target, str(html), "--layers", "neighborhoods", "--title", "Thursday"]) == 0
    text = html.read_text()
    assert not re.search(r"https?://", text) and "Thursday" in text and '"sites"' not in text
    png = tmp_path / "m.png"
    assert main(["map", target, str(png), "--dpi", "60", "--title", "Thursday"]) == 0
    img = QImage(str(png))
    assert (img.width(), img.height()) == (660, 510)
    colours = {img.pixelColor(x, y).getRgb()[:3] for x in range(0, img.width(), 3) for y in range(0, img.height(), 3)}
    # All five classes of the ramp are on the sheet (map and legend), as the layer shows them:
    # its fill opacity over white (the legend's swatches too).
    from PySide6.QtGui import QColor

    from assetmap.mapview.layers import LayerCache

    project = backend.open(target)
    info = project.layer("neighborhoods")
    alpha = LayerCache(project).spec(info)["fillOpacity"] * info.opacity
    for c in ramp_colors("YlGnBu", 5):
        want = [round(alpha * v + (1 - alpha) * 255) for v in QColor(c).getRgb()[:3]]
        assert any(max(abs(a - b) for a, b in zip(want, got)) <= 3 for got in colours), c
    pdf = tmp_path / "m.pdf"
    assert main(["map", target, str(pdf)]) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"Thursday" not in data


def test_render_reports_legend_and_sources(map_project, qapp, backend):
    from PySide6.QtGui import QImage, QPainter

    from assetmap.mapview.export import pick_layers
    from assetmap.ui.map_export import render

    _styled(map_project)
    map_project.set_meta("attribution", "City of St. Louis open data")
    project = backend.open(backend.target(map_project))
    img = QImage(800, 600, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    out = render(p, project, pick_layers(project, None), "T", 800, 600, 72)
    p.end()
    assert "Neighbourhoods (pop per sqmi)" in out["legend"] and "City of St. Louis open data" in out["attribution"]
    assert "Sites" in out["legend"]


def test_map_bad_input_exits_2(map_project, tmp_path, capsys, backend):
    target = backend.target(map_project)
    before = backend.state(target)
    assert main(["map", target, str(tmp_path / "m.svg")]) == 2
    assert main(["map", target, str(tmp_path / "m.html"), "--layers", "bogus"]) == 2
    assert "bogus" in capsys.readouterr().err
    assert not (tmp_path / "m.html").exists()
    assert backend.state(target) == before


def test_demo_screenshot(isolated_home, tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "shot.png"
    r = run_cli("demo", "--screenshot", shot)
    assert r.returncode == 0, r.stderr
    img = QImage(str(shot))
    assert img.width() >= 800
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
    # The demo opens the mission project: its visible DV-call rates are drawn in every natural-breaks
    # class of the reports' ramp (YlOrRd, higher is worse), above the neighbourhoods.
    assert set(ramp_colors("YlOrRd", 5)) <= colours


def test_open_screenshot(map_project, isolated_home, tmp_path, backend):
    """`assetmap open P --screenshot` on either backend: the styled neighbourhoods are drawn."""
    from PySide6.QtGui import QImage

    target = backend.target(_styled(map_project))
    shot = tmp_path / "open.png"
    r = run_cli("open", target, "--screenshot", shot)
    assert r.returncode == 0, r.stderr
    img = QImage(str(shot))
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
    assert set(ramp_colors("YlGnBu", 5)) <= colours
