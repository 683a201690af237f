"""Offline basemap from an MBTiles file: the page asks for mbtiles://tiles/z/x/y.png, the app's
scheme handler answers from the file, tiles load (checked in the page), a missing tile is a
plain "not found", and no request leaves the machine."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineUrlRequestInterceptor

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from assetmap.ui.basemap import register_scheme
from tests.mapview.mbtiles_fixture import make_stl_mbtiles

# Chromium takes custom schemes only before the QApplication exists (pytest-qt makes it later).
register_scheme()

pytestmark = pytest.mark.gui


class Recorder(QWebEngineUrlRequestInterceptor):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info):  # noqa: N802 (Qt API)
        self.urls.append(info.requestUrl().toString())


@pytest.fixture()
def requests():
    rec = Recorder()
    profile = QWebEngineProfile.defaultProfile()
    profile.setUrlRequestInterceptor(rec)
    yield rec
    profile.setUrlRequestInterceptor(None)


@pytest.fixture()
def tiles(tmp_path):
    return make_stl_mbtiles(tmp_path / "stl.mbtiles", zooms=(9, 10, 11, 12, 13))


def _open(qtbot, project_path):
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    assert w.open_project(project_path)
    drawn = []
    w.canvas.when_drawn(lambda: drawn.append(1))
    qtbot.waitUntil(lambda: bool(drawn), timeout=20000)
    return w


def _loaded(w) -> list[dict]:
    return w.canvas.evaluate("assetmap.basemapTiles()") or []


def test_mbtiles_basemap_tiles_load_offline(qtbot, isolated_home, map_project, tiles, requests, tmp_path):
    from assetmap.ui import basemap
    from assetmap.ui.window_actions import settings

    st = settings()
    st.setValue(basemap.KIND_KEY, "mbtiles")
    st.setValue(basemap.FILE_KEY, str(tiles))
    st.sync()
    w = _open(qtbot, map_project.path)
    qtbot.waitUntil(lambda: len(_loaded(w)) >= 2, timeout=20000)
    loaded = _loaded(w)
    assert all(t["width"] == 256 and t["height"] == 256 for t in loaded), loaded
    assert all(re.fullmatch(r"mbtiles://tiles/\d+/\d+/\d+\.png", t["src"]) for t in loaded), loaded
    assert basemap.handler().served >= len(loaded)
    # the file's own credit shows when the settings give none
    assert "Test tiles drawn by the test suite" in w.canvas.evaluate(
        "document.querySelector('.leaflet-control-attribution').innerText")
    # a tile the file does not have is "not found" to the page, and the page carries on
    missing_before = basemap.handler().missing
    w.canvas.evaluate("(function(){var i=new Image();i.onerror=function(){window._mbMissing=true;};"
                      "i.src='mbtiles://tiles/3/0/0.png';return 1;})()")
    qtbot.waitUntil(lambda: w.canvas.evaluate("window._mbMissing === true"), timeout=10000)
    assert basemap.handler().missing > missing_before
    assert {"neighborhoods", "sites"} <= {lyr["name"] for lyr in w.canvas.state()["layers"]}
    # nothing went to the network: every request was a local file, the tile scheme, the layer
    # scheme (the page and its layers, served from memory: ui/layer_scheme.py) or Qt's own
    schemes = {u.split(":", 1)[0] for u in requests.urls}
    assert "mbtiles" in schemes and not schemes - {"file", "mbtiles", "amlayer", "qrc", "data"}, schemes
    assert not re.search(r"https?://", w.canvas.page_path.read_text())
    shot = Path(os.environ.get("ASSETMAP_SHOT_DIR", str(tmp_path))) / "mbtiles_window.png"
    w.canvas.evaluate("assetmap.zoomBy(1)")
    qtbot.wait(500)
    w.grab().save(str(shot))
    assert shot.stat().st_size > 10000


def test_exported_html_has_no_basemap(qtbot, isolated_home, map_project, tiles, tmp_path):
    """An MBTiles basemap is only in the app: the HTML export stays one offline file."""
    from assetmap.mapview.export import export_html
    from assetmap.ui import basemap
    from assetmap.ui.window_actions import settings

    settings().setValue(basemap.KIND_KEY, "mbtiles")
    settings().setValue(basemap.FILE_KEY, str(tiles))
    html = export_html(map_project, tmp_path / "map.html").read_text()
    assert str(tiles) not in html and "St. Louis test tiles" not in html
    assert not re.search(r"mbtiles://tiles/\d", html) and not re.search(r"https?://", html)


def test_settings_choose_mbtiles_and_refuse_vector(qtbot, isolated_home, map_project, tiles, tmp_path):
    from assetmap.mapview.mbtiles import create
    from assetmap.ui import basemap
    from assetmap.ui.settings_dialog import SettingsDialog
    from assetmap.ui.window_actions import settings

    w = _open(qtbot, map_project.path)
    assert w.canvas.evaluate("assetmap.hasBasemap()") is False
    vector = create(tmp_path / "vector.mbtiles", {(0, 0, 0): b"\x1f\x8b\x08\x00"}, fmt="pbf")
    dlg = SettingsDialog(w)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.mbtiles.setText(str(vector))
    assert dlg.basemap_kind.currentData() == "mbtiles"  # filling in a file chooses that kind
    assert dlg.save() is False
    assert dlg.error.isVisible() and "vector tiles" in dlg.error.text()
    assert "raster" in dlg.error.informativeText()
    dlg.error.close()
    assert settings().value(basemap.KIND_KEY) is None and dlg.isVisible()  # nothing saved
    assert w.canvas.evaluate("assetmap.hasBasemap()") is False

    dlg.mbtiles.setText(str(tiles))
    dlg.attribution.setText("© Test tiles")
    assert dlg.save() is True
    assert settings().value(basemap.KIND_KEY) == "mbtiles"
    assert settings().value(basemap.FILE_KEY) == str(tiles)
    qtbot.waitUntil(lambda: len(_loaded(w)) >= 1, timeout=20000)
    assert "© Test tiles" in w.canvas.evaluate("document.querySelector('.leaflet-control-attribution').innerText")
    # opened again it shows the file; choosing "None" removes the basemap
    again = SettingsDialog(w)
    qtbot.addWidget(again)
    assert again.basemap_kind.currentData() == "mbtiles" and again.mbtiles.text() == str(tiles)
    again.basemap_kind.setCurrentIndex(again.basemap_kind.findData("none"))
    assert again.save() is True
    qtbot.waitUntil(lambda: w.canvas.evaluate("assetmap.hasBasemap()") is False, timeout=10000)
    assert settings().value(basemap.FILE_KEY) == str(tiles)  # kept for next time


def test_broken_mbtiles_setting_leaves_the_map_working(qtbot, isolated_home, map_project, tmp_path):
    from assetmap.ui import basemap
    from assetmap.ui.window_actions import settings

    bad = tmp_path / "broken.mbtiles"
    bad.write_bytes(b"not sqlite" * 50)
    settings().setValue(basemap.KIND_KEY, "mbtiles")
    settings().setValue(basemap.FILE_KEY, str(bad))
    w = _open(qtbot, map_project.path)
    assert "broken.mbtiles" in w.statusBar().currentMessage()
    assert w.canvas.evaluate("assetmap.hasBasemap()") is False
    assert {lyr["name"] for lyr in w.canvas.state()["layers"]} == set(map_project.layer_names())


def test_settings_walk_has_names(qtbot, isolated_home):
    from assetmap.ui.accessible import missing_accessible_names
    from assetmap.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert not missing_accessible_names(dlg)
    assert dlg.browse.accessibleName() and dlg.basemap_kind.accessibleName()
    qtbot.keyClick(dlg.basemap_kind, Qt.Key.Key_Tab)


def test_app_registers_the_scheme_itself(isolated_home, map_project, tiles, tmp_path):
    """`assetmap open P --screenshot` in a fresh process (no test registering anything): the
    scheme is registered by ensure_qt_app and the tiles are in the picture."""
    from PySide6.QtGui import QColor, QImage

    from tests.conftest import run_cli

    conf = isolated_home / ".config" / "assetmap"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "assetmap.conf").write_text(f"[basemap]\nkind=mbtiles\nmbtiles={tiles}\n")
    shot = tmp_path / "shot.png"
    r = run_cli("open", map_project.path, "--screenshot", shot)
    assert r.returncode == 0, r.stderr[-2000:]
    img = QImage(str(shot))
    # the test tiles' paper colour (236, 232, 218) fills the map around the city
    paper = sum(1 for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)
                if QColor(img.pixel(x, y)).getRgb()[:3] == (236, 232, 218))
    assert paper > 200, paper
