"""File › Open shared project (PostGIS)…: the dialog, what it remembers, and the window on a shared project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from assetmap.errors import UserError
from assetmap.postgis.publish import publish
from assetmap.postgis.url import target_of

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"
PASSWORD = "s3cr:et@/x"  # characters a URL must encode; the test server trusts loopback, so any works


@pytest.fixture(autouse=True)
def _delete_web_pages(qapp):
    """As tests/ui/conftest.py: web pages go before QtWebEngine's profile does at exit."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWebEngineWidgets import QWebEngineView

    for w in qapp.allWidgets():
        if isinstance(w, QWebEngineView):
            w.page().deleteLater()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture
def shared_url(tmp_path, pg_url):
    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    publish(path, pg_url)
    return pg_url


def _fill(dialog, url, password=PASSWORD):
    t = target_of(url)
    dialog.host.setText(t.host)
    dialog.port.setValue(t.port)
    dialog.database.setText(t.database)
    dialog.schema.setText(t.schema)
    dialog.user.setText(t.user)
    dialog.password.setText(password)


def _settings_text(home: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in home.rglob("*.conf"))


def test_dialog_refuses_bad_fields_and_stays_open(qtbot, isolated_home):
    from assetmap.ui.shared_project_dialog import SharedProjectDialog

    seen = []
    d = SharedProjectDialog(check=lambda url: seen.append(url))
    qtbot.addWidget(d)
    d.show()
    d.try_open()  # everything empty: refused at once, before any connection
    assert not d.checking and d.message.isVisible() and "server" in d.message.text() and d.url is None and not seen
    assert d.password.echoMode() == d.password.EchoMode.Password

    def refuse(url):
        raise UserError("Can't connect to postgresql://pat:***@db.example.org:5432/p: timeout", "Check the host")

    d._check = refuse
    _fill(d, "postgresql://pat@db.example.org:5432/p")
    d.try_open()
    qtbot.waitUntil(lambda: not d.checking)
    assert d.isVisible() and "Can't connect" in d.message.text() and d.url is None
    assert PASSWORD not in d.message.text()
    d.grab().save(str(isolated_home / "shared_dialog.png"))


def test_a_slow_server_does_not_freeze_the_dialog_and_can_be_cancelled(qtbot, isolated_home):
    """The connection check runs on a worker: the event loop keeps turning while the server is
    silent, Open is disabled meanwhile, and Cancel leaves the dialog open with nothing chosen."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from assetmap.ui.shared_project_dialog import SharedProjectDialog

    release = threading.Event()

    def silent_server(url):
        release.wait(10)  # a server that does not answer (until the test lets it)

    d = SharedProjectDialog(check=silent_server)
    qtbot.addWidget(d)
    d.show()
    _fill(d, "postgresql://pat@db.example.org:5432/p")
    ticks = []
    timer = QTimer(d)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    d.try_open()
    open_button = d.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert d.checking and not open_button.isEnabled()
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)  # the window answers while connecting
    progress = d._task.dialog
    qtbot.waitUntil(progress.isVisible, timeout=5000)  # the user sees it connecting, with Cancel
    from PySide6.QtWidgets import QPushButton

    cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not d.checking, timeout=5000)
    assert d.url is None and d.isVisible() and d.result() != d.DialogCode.Accepted and open_button.isEnabled()
    timer.stop()


def test_dialog_opens_a_published_project_and_never_saves_the_password(qtbot, isolated_home, shared_url):
    from assetmap.ui.shared_project_dialog import SharedProjectDialog

    d = SharedProjectDialog()
    qtbot.addWidget(d)
    _fill(d, shared_url)
    d.try_open()
    qtbot.waitUntil(lambda: not d.checking, timeout=20000)
    assert d.result() == d.DialogCode.Accepted, d.message.text()
    assert target_of(d.url).password == PASSWORD and target_of(d.url).schema == target_of(shared_url).schema
    text = _settings_text(isolated_home)
    assert target_of(shared_url).schema in text and "127.0.0.1" in text  # the fields are remembered ...
    assert PASSWORD not in text and "s3cr" not in text  # ... the password is not, in any form
    again = SharedProjectDialog()
    qtbot.addWidget(again)
    assert again.host.text() == "127.0.0.1" and again.schema.text() == target_of(shared_url).schema
    assert again.password.text() == PASSWORD  # same session: not asked twice (kept in memory only)
    # A schema with no project in it is refused with the reason, in the dialog.
    again.schema.setText("nothing_here")
    again.try_open()
    qtbot.waitUntil(lambda: not again.checking, timeout=20000)
    assert again.url is None and "no assetmap project" in again.message.text()


def test_main_window_draws_a_shared_project(qtbot, isolated_home, shared_url, tmp_path):
    from assetmap.ui import window_actions
    from assetmap.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    assert "open shared" in w.actions_by_name
    assert w.open_project(shared_url)
    drawn = []
    w.canvas.when_drawn(lambda: drawn.append(1))
    qtbot.waitUntil(lambda: bool(drawn), timeout=20000)
    layers = {lyr["name"]: lyr for lyr in w.canvas.state()["layers"]}
    assert layers["neighborhoods"]["count"] == 88
    assert set(layers) == set(w.project.layer_names())
    assert w.project.url == shared_url and "postgresql://" in w.windowTitle()
    assert window_actions.recent_projects() == []  # a URL (maybe with a password) is never in the recent list
    # The panels work on the server: a territory painted in the window is in the database.
    from assetmap.postgis import open_any
    from assetmap.territories import store
    from assetmap.territories.store import PlanRecord, default_teams, save_plan

    panel = w.features.territories
    assert w.features.hubs is not None and panel is not None and w.survey is not None
    save_plan(w.project, PlanRecord(name="north", areas_layer="neighborhoods", teams=default_teams(2)))
    panel.reload_plans("north")
    panel.team_combo.setCurrentIndex(1)
    for i in range(panel.unit_list.count()):
        item = panel.unit_list.item(i)
        item.setSelected(item.data(Qt.ItemDataRole.UserRole) in ("5", "6"))
    assert panel.assign_selected() == 2
    assert store.load_plan(open_any(shared_url), "north").assignments == {"5": 1, "6": 1}
    w.stack.undo()  # undo goes to the server too
    assert store.load_plan(open_any(shared_url), "north").assignments == {}
    w.grab().save(str(tmp_path / "shared_window.png"))
    # Exporting the map reads the shared project from the server (not a file named like the URL).
    out = tmp_path / "shared_map.png"
    task = window_actions.export_map(w, out, layers=["neighborhoods"], width_in=4, height_in=3, dpi=50)
    with qtbot.waitSignal(task.finished, timeout=60000) as sig:
        pass
    assert sig.args == [True], task.error
    assert out.stat().st_size > 1000
    # A wrong URL is an error box, not a crash, and the window keeps the project it had.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.accept()
    QTimer.singleShot(500, close_box)
    assert not w.open_project(shared_url.replace("search_path%3D", "search_path%3Dnope_"))
    assert w.project.url == shared_url


def test_assetmap_open_url_draws_the_shared_project(shared_url, isolated_home, tmp_path):
    """`assetmap open postgresql://…` in a real subprocess: the window draws and the URL stays out of settings."""
    from PySide6.QtGui import QImage

    from tests.conftest import run_cli

    from urllib.parse import quote

    url = shared_url.replace("postgres@", f"postgres:{quote(PASSWORD, safe='')}@")
    shot = tmp_path / "shot.png"
    r = run_cli("open", url, "--screenshot", shot)
    assert r.returncode == 0, r.stderr
    img = QImage(str(shot))
    assert img.width() >= 800
    assert "s3cr" not in _settings_text(isolated_home) and "s3cr" not in r.stdout + r.stderr
    r = run_cli("open", shared_url.replace("search_path%3D", "search_path%3Dnope_"))
    assert r.returncode == 2 and "no assetmap project" in r.stderr  # before any window opens
