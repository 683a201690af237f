"""The headless PNG draws suppressed DV units hatched: a suppressed unit's interior holds both
the white ground and dark hatch lines, an unsuppressed one is a flat ramp colour. Aggregated and
drawn from a GeoPackage and from PostGIS (`backend`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.shared_data import STL  # noqa: E402

DATA = STL / "slmpd_part1_2017.csv"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


@pytest.mark.skipif(not DATA.exists(), reason="real incident data not present")
def test_png_hatches_suppressed_units(tmp_path, qapp, backend):
    from assetmap.cli import main

    p = tmp_path / "P.gpkg"
    shutil.copy(DEMO, p)
    p = backend.target(p)  # the file, or the project published to PostGIS (aggregated there in SQL)
    assert main(["reports", str(p), str(DATA), "--kind", "dv", "--areas", "neighborhoods",
                 "--filter-col", "description", "--filter-contains", "DOMESTIC"]) in (0, None)
    out = tmp_path / "m.png"
    assert main(["map", str(p), str(out), "--layers", "dv_by_neighborhoods",
                 "--width", "8", "--height", "6", "--dpi", "80"]) in (0, None)
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    def hatchy(c):
        return max(abs(c.red() - 85), abs(c.green() - 85), abs(c.blue() - 85)) <= 20

    grey = sum(1 for x in range(int(img.width() * 0.6)) for y in range(img.height()) if hatchy(img.pixelColor(x, y)))
    assert grey > 2850  # outlines alone give ~2300 such pixels; the hatch of the withheld units adds ~1200
