"""File › Import of a file whose columns look like case records: the app explains and offers the
two ways on (aggregate as sensitive reports, or import anyway with the choice recorded), as the
CLI's refusal and --allow-case-records do; Cancel leaves the project byte for byte as it was."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import open_main_window, wait_drawn

CASES = ("complaint,description,lat,lon\n"
         "19-001,DOMESTIC ASSAULT 3RD,38.62,-90.25\n"
         "19-002,CHILD ABUSE - NEGLECT,38.61,-90.24\n"
         "19-003,LARCENY,38.60,-90.23\n")


@pytest.fixture()
def window(qtbot, isolated_home, demo_copy):
    return open_main_window(qtbot, demo_copy.path, (1000, 700))


def _refusal(qtbot, w, csv):
    from assetmap.ui.window_actions import import_files

    task = import_files(w, [csv], role="assets")
    with qtbot.waitSignal(task.finished, timeout=120000) as sig:
        pass
    assert sig.args == [False]
    qtbot.waitUntil(lambda: getattr(task, "error_box", None) is not None and task.error_box.isVisible())
    return task, task.error_box


def _button(box, text):
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_import_anyway_is_recorded_and_undone(window, qtbot, tmp_path):
    w = window
    csv = tmp_path / "calls.csv"
    csv.write_text(CASES)
    task, box = _refusal(qtbot, w, csv)
    text = box.text()
    assert task.error.columns and all(c in text for c in task.error.columns)  # each column named
    assert "complaint" in text and "never stored as points" in text
    assert "Traceback" not in text + box.informativeText()
    assert "calls" not in w.project.layer_names()
    _button(box, "Import anyway").click()
    qtbot.waitUntil(lambda: getattr(task, "retry", None) is not None)
    with qtbot.waitSignal(task.retry.finished, timeout=120000) as sig:
        pass
    assert sig.args == [True], task.retry.error
    wait_drawn(w, qtbot)
    info = w.project.layer("calls")
    assert set(info.extra["case_records_acknowledged"]["columns"]) == set(task.error.columns)
    assert w.stack.undo_text.startswith("import calls.csv")
    w.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: "calls" not in w.project.layer_names())


def test_cancel_leaves_the_project_as_it_was(window, qtbot, tmp_path):
    w = window
    csv = tmp_path / "calls.csv"
    csv.write_text(CASES)
    before = hashlib.sha256(w.project.path.read_bytes()).hexdigest()
    task, box = _refusal(qtbot, w, csv)
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert getattr(task, "retry", None) is None
    assert hashlib.sha256(w.project.path.read_bytes()).hexdigest() == before


def test_import_as_reports_opens_the_reports_wizard(window, qtbot, tmp_path):
    w = window
    csv = tmp_path / "calls.csv"
    csv.write_text(CASES)
    opened = []
    w.actions_by_name["import reports"].triggered.disconnect()
    w.actions_by_name["import reports"].triggered.connect(lambda *_: opened.append(1))
    _task, box = _refusal(qtbot, w, csv)
    _button(box, "Import as sensitive reports…").click()
    assert opened == [1]


def test_other_errors_keep_the_plain_error_box(window, qtbot, tmp_path):
    from assetmap.ui.window_actions import import_files

    bad = tmp_path / "nothing.csv"
    bad.write_text("name,lat,lon\nx,,\n")
    task = import_files(window, [bad], role="assets")
    with qtbot.waitSignal(task.finished, timeout=120000):
        pass
    qtbot.waitUntil(lambda: getattr(task, "error_box", None) is not None)
    assert "usable location" in task.error_box.text() + task.error_box.informativeText()
    assert not any(b.text().replace("&", "") == "Import anyway" for b in task.error_box.buttons())
