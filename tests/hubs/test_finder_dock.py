"""The finder dock: results in distance order, the spot kept in memory only."""

from __future__ import annotations

import struct

import pytest

pytest.importorskip("PySide6.QtWidgets")

SPOT = (-90.24173, 38.61259)


def _check(dock, codes):
    from PySide6.QtCore import Qt

    for i in range(dock.services.count()):
        item = dock.services.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in codes:
            item.setCheckState(Qt.CheckState.Checked)


def test_spot_search_sheet_and_forget(qtbot, demo_with_hubs, tmp_path):
    from assetmap.access.finder import find_resources
    from assetmap.ui.hubs_finder import FinderDock

    before = demo_with_hubs.path.read_bytes()
    dock = FinderDock(demo_with_hubs)
    qtbot.addWidget(dock)
    assert dock.origin.count() == 88
    _check(dock, {"parenting", "health"})
    dock.set_spot(*SPOT)
    res = dock.find()
    expected = find_resources(demo_with_hubs, res.categories, spot=SPOT)
    assert res.categories == ["parenting", "health"]
    assert [r.name for r in res.resources] == [r.name for r in expected.resources]   # nearest first
    text = dock.results.toPlainText()
    assert "the chosen spot" in text and "Carondelet" not in text
    assert str(SPOT[0])[:7] not in text and str(SPOT[1])[:6] not in text
    dock.ask_pdf_path = lambda: str(tmp_path / "sheet.pdf")
    assert dock.save_sheet() == str(tmp_path / "sheet.pdf")
    dock.forget_spot()
    assert dock._spot is None and dock.origin.findData("__spot__") < 0 and not dock.sheet_button.isEnabled()
    assert demo_with_hubs.path.read_bytes() == before
    needles = [f"{v:.4f}".encode() for v in SPOT] + [struct.pack("<d", v) for v in SPOT]
    for f in tmp_path.rglob("*"):
        if f.is_file():
            assert not any(n in f.read_bytes() for n in needles), f


def test_neighbourhood_search(qtbot, demo_with_hubs):
    from assetmap.ui.hubs_finder import FinderDock

    dock = FinderDock(demo_with_hubs)
    qtbot.addWidget(dock)
    dock.origin.setCurrentIndex(dock.origin.findData("Downtown"))
    assert dock.find() is None and "at least one service" in dock.results.toPlainText()
    _check(dock, {"health"})
    dock.per_service.setValue(1)
    res = dock.find()
    assert [r.name for r in res.resources] == ["Gateway Arch"]


def test_area_names_of_mixed_types_are_listed(qtbot, demo_with_hubs, monkeypatch):
    """A partnership's own areas file: numbered, some blank, names read as a nullable string column."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import box

    import assetmap.access.catchments as catchments
    from assetmap.ui.hubs_finder import FinderDock

    gdf = gpd.GeoDataFrame({"id": [1, 2, 3, 4], "name": pd.array(["Tract 7", None, "Bevo", pd.NA], dtype="string")},
                           geometry=[box(i, 0, i + 1, 1) for i in range(4)], crs="EPSG:4326")
    mixed = gdf.assign(name=pd.Series([12, float("nan"), "Bevo", "Tract 7"], dtype=object))
    for frame in (gdf, mixed):
        monkeypatch.setattr(catchments, "areas_layer", lambda project, f=frame: (f, "id", "name", None))
        dock = FinderDock(demo_with_hubs)
        qtbot.addWidget(dock)
        names = [dock.origin.itemText(i) for i in range(dock.origin.count())]
        expected = sorted({str(v) for v in frame["name"].dropna()})
        assert names == expected and "nan" not in names and "<NA>" not in names
