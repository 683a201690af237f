"""The reports wizard on a shared project: its fields come from the server (there is no file to read)
and Finish runs the same core function as `assetmap reports`, which places the points in SQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("pytestqt")

from assetmap.postgis.publish import publish  # noqa: E402
from assetmap.project.backends import open_any  # noqa: E402
from tests.postgis.conftest import STL  # noqa: E402

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


def test_wizard_on_a_shared_project(qtbot, tmp_path, pg_url):
    from assetmap.ui.reports_wizard import ReportsWizard

    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    publish(path, pg_url)
    dv = tmp_path / "dv.csv"
    df = pd.read_csv(STL / "slmpd_part1_2017.csv", dtype=str, keep_default_na=False)
    df[df["description"].str.contains("DOMESTIC")].to_csv(dv, index=False)
    project = open_any(pg_url)
    w = ReportsWizard(project)
    qtbot.addWidget(w)
    population = [w.units_page.population.itemText(i) for i in range(w.units_page.population.count())]
    assert "population" in population and "NHD_NAME" not in population  # numeric fields, read from the server
    w.file_page.path.setText(str(dv))
    w.file_page.kind.setCurrentIndex(w.file_page.kind.findData("dv"))
    w.geocode_page.initializePage()
    result = w.run()
    info = open_any(pg_url).layer(result.layer)
    assert info.extra["reports"]["computed_in"] == "postgis" and result.in_units > 100
