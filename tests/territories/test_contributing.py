"""CONTRIBUTING.md's "Add a territory statistic", done literally: its descriptor pasted at the
end of the statistics module, its Spanish entry put in the translations (and compiled), its
example test run; the new statistic then shows in the panel, translated."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from assetmap.territories import statistics
from tests.contributing_page import PAGE, blocks

TS = PAGE.parent / "resources" / "i18n" / "assetmap_es.ts"


@pytest.fixture()
def page_statistic():
    (lang, code), *_ = blocks("Add a territory statistic")
    assert lang == "python"
    exec(code, dict(vars(statistics)))   # "register it at the end" of statistics.py
    yield statistics.get("area_sq_mi")
    statistics.unregister("area_sq_mi")


def test_add_a_territory_statistic_as_the_page_says(page_statistic, stl_project, stl_frame):
    _, (lang, test_code) = [b for b in blocks("Add a territory statistic") if b[0] == "python"]
    example: dict = {}
    exec(test_code, example)
    example["test_area_in_square_miles"](stl_project, stl_frame)


def test_its_spanish_label_reaches_the_panel(page_statistic, stl_project, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, Qt, QTranslator

    from assetmap.territories import store
    from assetmap.ui.territories_panel import TerritoriesPanel

    (xml,) = [code for lang, code in blocks("Add a territory statistic") if lang == "xml"]
    ts = TS.read_text(encoding="utf-8")
    marker = "<name>StatsTableModel</name>\n"
    assert marker in ts
    ts = ts.replace(marker, marker + xml, 1)   # "inside <context> StatsTableModel"
    ET.fromstring(ts.encode("utf-8"))   # still well-formed
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    (tmp_path / "es.ts").write_text(ts, encoding="utf-8")
    subprocess.run([lrelease, str(tmp_path / "es.ts"), "-qm", str(tmp_path / "es.qm")], check=True,
                   capture_output=True)
    tr = QTranslator()
    assert tr.load(str(tmp_path / "es.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        store.save_plan(stl_project, store.PlanRecord("Mine", "neighborhoods", store.default_teams(2),
                                                      {"1": 0}, fields=["population"]))
        w = TerritoriesPanel(stl_project)
        qtbot.addWidget(w)
        m = w.table_model
        headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
        assert "Superficie (mi²)" in headers and "Equipo" in headers
    finally:
        QCoreApplication.removeTranslator(tr)
