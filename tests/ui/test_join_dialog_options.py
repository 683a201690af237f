"""Layer › Join table… with a partnership's real tables: the census sheet of a multi-sheet workbook,
and a CSV in an encoding that is not UTF-8 (chosen in the dialog, as `--sheet` and `--encoding`)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import STL
from tests.ui.conftest import open_main_window, wait_drawn


@pytest.fixture()
def window(qtbot, isolated_home, tmp_path):
    from assetmap.importers import import_file
    from assetmap.project import Project

    project = Project.create(tmp_path / "city.gpkg", crs="EPSG:4326")
    import_file(project, STL / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="neighborhoods")
    return open_main_window(qtbot, project.path, (1100, 760))


@pytest.fixture()
def population():
    pop = pd.read_csv(STL / "population_by_neighborhood.csv", dtype=str)[["NHD_NUM", "pop17"]]
    pop["note"] = "Café de la esquina"  # a word whose bytes differ between encodings
    return pop


def _dialog(w, qtbot, path):
    from assetmap.ui.join_dialog import JoinDialog

    w.actions_by_name["join table"].trigger()
    dlg = w.join_dialog
    assert isinstance(dlg, JoinDialog)
    qtbot.addWidget(dlg)
    dlg.set_table(path)
    return dlg


def _join(dlg, w, qtbot):
    with qtbot.waitSignal(dlg.run().finished, timeout=60000) as sig:
        pass
    assert sig.args == [True]
    wait_drawn(w, qtbot)
    return w.project.read_layer("neighborhoods")


def test_the_census_sheet_of_a_workbook_is_chosen(window, qtbot, tmp_path, population):
    w = window
    book = tmp_path / "census.xlsx"
    with pd.ExcelWriter(book) as xl:
        pd.DataFrame({"About": ["Source: ACS 5-year", "Margins of error at 90 %"]}).to_excel(
            xl, sheet_name="Notes", index=False)
        population.to_excel(xl, sheet_name="Population", index=False)
    dlg = _dialog(w, qtbot, book)
    assert dlg.sheet.isVisibleTo(dlg) and not dlg.encoding.isVisibleTo(dlg)
    assert [dlg.sheet.itemText(i) for i in range(dlg.sheet.count())] == ["Notes", "Population"]
    # The first sheet is notes, not a table: said in the dialog, no key offered.
    assert dlg.table_key.count() == 0 and dlg.problem.isVisibleTo(dlg) and "1 column" in dlg.problem.text()
    dlg.sheet.setCurrentText("Population")
    assert dlg.table_key.currentText() == "NHD_NUM"  # the sheet's own columns, key matched by name
    assert not dlg.problem.isVisibleTo(dlg)
    assert dlg.table_options() == {"sheet": "Population", "encoding": None}
    gdf = _join(dlg, w, qtbot)
    assert "79 of 88 layer rows matched" in dlg.result_box.toPlainText()
    expected = population.set_index("NHD_NUM")["pop17"].astype(float)
    got = gdf.set_index(gdf["NHD_NUM"].astype(int).astype(str))["pop17"].dropna()
    assert len(got) == 79 and all(got[k] == pytest.approx(expected[k]) for k in got.index)
    dlg.grab().save(str(tmp_path / "join_sheet.png"))


@pytest.mark.parametrize("codec", ["mac_roman", "utf-16"])
def test_a_csv_in_another_encoding_is_read_as_chosen(window, qtbot, tmp_path, population, codec):
    w = window
    path = tmp_path / "population.csv"
    path.write_bytes(population.to_csv(index=False).encode(codec))
    dlg = _dialog(w, qtbot, path)
    assert dlg.encoding.isVisibleTo(dlg) and not dlg.sheet.isVisibleTo(dlg)
    dlg.encoding.setCurrentIndex(dlg.encoding.findData(codec))
    assert dlg.table_key.currentText() == "NHD_NUM"
    assert dlg.table_options() == {"sheet": None, "encoding": codec}
    gdf = _join(dlg, w, qtbot)
    assert "79 of 88 layer rows matched" in dlg.result_box.toPlainText()
    assert set(gdf["note"].dropna()) == {"Café de la esquina"}


def test_automatic_encoding_would_have_garbled_mac_roman(tmp_path, population):
    """Why the choice is needed: the default guess reads Mac Roman without error, but wrongly."""
    from assetmap.join import read_table

    path = tmp_path / "population.csv"
    path.write_bytes(population.to_csv(index=False).encode("mac_roman"))
    assert set(read_table(path)["note"]) != {"Café de la esquina"}
    assert set(read_table(path, encoding="mac_roman")["note"]) == {"Café de la esquina"}
