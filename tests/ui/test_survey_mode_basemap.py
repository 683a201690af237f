"""Survey mode shows the offline MBTiles basemap when Settings name one."""

from __future__ import annotations

import pytest

import tests.ui.pyside_bool  # noqa: F401  (see the module)
from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore
from assetmap.ui.basemap import register_scheme
from tests.mapview.mbtiles_fixture import make_stl_mbtiles
from tests.ui.test_survey_mode import open_window

register_scheme()  # Chromium takes custom schemes only before the QApplication exists
pytestmark = pytest.mark.gui


def test_survey_mode_uses_the_mbtiles_basemap(qtbot, demo_copy, tmp_path, isolated_home):
    from assetmap.survey.pack import make_package
    from assetmap.ui import basemap
    from assetmap.ui.window_actions import settings

    tiles = make_stl_mbtiles(tmp_path / "stl.mbtiles", zooms=(9, 10, 11, 12, 13))
    st = settings()
    st.setValue(basemap.KIND_KEY, "mbtiles")
    st.setValue(basemap.FILE_KEY, str(tiles))
    st.sync()
    SurveyStore(demo_copy, device_id="office").install_form(builtin_form())
    pkg = make_package(demo_copy, tmp_path / "rosa.gpkg", surveyor="Rosa", areas=["17", "39"]).path
    w = open_window(qtbot, pkg)
    qtbot.waitUntil(lambda: len(w.canvas.evaluate("assetmap.basemapTiles()") or []) >= 1, timeout=20000)
    assert all(t["src"].startswith("mbtiles://") for t in w.canvas.evaluate("assetmap.basemapTiles()"))
