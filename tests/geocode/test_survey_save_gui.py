"""The survey panel, driven through its real widgets: a typed address with no location is placed
from the project's locator on Save, and the status line says how (or that it was not found)."""

import pytest

from assetmap.survey.store import SurveyStore
from tests.geocode.test_survey_save import _columns, _known, address_form, offline  # noqa: F401

pytest.importorskip("pytestqt")
pytestmark = pytest.mark.gui


def _panel(qtbot, project):
    from assetmap.ui.survey.panel import SurveyPanel

    p = SurveyPanel(project, "places", surveyor="Rosa")
    qtbot.addWidget(p)
    p.resize(700, 900)
    p.show()
    return p


def _fill(qtbot, panel, site, address):
    for name, text in (("site", site), ("address", address)):
        edit = panel.entry.rows[name].editor.edit
        edit.setFocus()
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_panel_places_typed_address_on_save(qtbot, gproject, isolated_home, tmp_path, offline):  # noqa: F811
    store = SurveyStore(gproject, device_id="laptop")
    store.install_form(address_form(tmp_path))
    number, lat, lon = _known(gproject)
    panel = _panel(qtbot, gproject)
    _fill(qtbot, panel, "Library", f"{number} North Grand Blvd")
    uuid = panel.save()
    assert uuid is not None
    assert "placed from its address (exact, score 100)" in panel.status.text()
    assert store.get(uuid).answers["location"] == pytest.approx((lat, lon))
    assert _columns(gproject, uuid) == ("exact", 100, 0)
    assert panel.entry.rows["address"].editor.value() is None          # ready for the next entry

    _fill(qtbot, panel, "Somewhere", "5 Nowhere Rd")
    uuid2 = panel.save()
    assert uuid2 is not None, panel.entry.problems()
    text = panel.status.text()
    assert "without a location" in text and "5 Nowhere Rd" in text and "not found" in text
    saved = store.get(uuid2)
    assert saved.answers["address"] == "5 Nowhere Rd" and "location" not in saved.answers
    assert not panel.last_geocode.placed

    # Nothing typed: the location is still required.
    _fill(qtbot, panel, "Nothing", "")
    assert panel.save() is None
    assert "location" in panel.entry.problems()


def test_panel_without_locator_keeps_location_required(qtbot, areas_project, isolated_home, tmp_path):
    SurveyStore(areas_project, device_id="laptop").install_form(address_form(tmp_path))
    panel = _panel(qtbot, areas_project)
    _fill(qtbot, panel, "Library", "100 Main St")
    assert panel.save() is None
    assert "location" in panel.entry.problems()


def test_panel_places_typed_addresses_inside_a_repeat(qtbot, areas_project, isolated_home, tmp_path,
                                                      offline):  # noqa: F811
    """A repeat with its own location and a marked address question: each visited site typed with an
    address and no point is placed on Save; one not found is saved without its point and named."""
    import sqlite3

    from PySide6.QtCore import Qt

    from tests.geocode.test_survey_repeat_geocode import CHILD, main_st, rounds_form

    store = SurveyStore(areas_project, device_id="laptop")
    store.install_form(rounds_form(tmp_path))
    lat, lon = main_st(areas_project, tmp_path)
    from assetmap.ui.survey.panel import SurveyPanel

    panel = SurveyPanel(areas_project, "rounds", surveyor="Rosa")
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    entry = panel.entry
    qtbot.keyClicks(entry.rows["site"].editor.edit, "Library")
    visits = entry.repeat_sections["visits"]
    for who, address in (("Ana", "120 Main Street"), ("Cy", "5 Nowhere Rd")):
        qtbot.mouseClick(visits.add_button, Qt.MouseButton.LeftButton)
        inst = visits.instances[-1]
        qtbot.keyClicks(inst.rows["who"].editor.edit, who)
        qtbot.keyClicks(inst.rows["where_typed"].editor.edit, address)
    uuid = panel.save()
    assert uuid is not None, entry.problems()
    text = panel.status.text()
    assert "Repeated entries placed from their address: 1 of 2." in text
    assert "Not found, saved without a location: visits[2] “5 Nowhere Rd”" in text
    saved = store.get(uuid).answers["visits"]
    assert saved[0]["spot"] == pytest.approx((lat, lon + 2e-4)) and "spot" not in saved[1]
    con = sqlite3.connect(areas_project.path)
    rows = con.execute(f'SELECT who, geocode_match, geocode_score FROM "{CHILD}" WHERE parent_uuid=? '
                       "ORDER BY position", (uuid,)).fetchall()
    con.close()
    assert rows == [("Ana", "exact", 100), ("Cy", "unmatched", 0)]
    assert [(p.where, p.placed) for p in panel.last_repeat_geocode] == [("visits[1]", True), ("visits[2]", False)]

    # Nothing typed in a visit: its location is still required.
    qtbot.keyClicks(entry.rows["site"].editor.edit, "Park")
    qtbot.mouseClick(visits.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(visits.instances[-1].rows["who"].editor.edit, "Bo")
    assert panel.save() is None
    assert "visits[1]/spot" in entry.problems()
