"""A script that makes web views and just exits must exit 0: QtWebEngine releases its profile
when the application goes, and a page still alive then crashed the process (exit 139, "Release
of profile requested but WebEnginePage still not deleted"), as `bench/run.py map_toggle` did."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from assetmap.ui.app import ensure_qt_app
from assetmap.ui.map_canvas import MapCanvas

app = ensure_qt_app(gui=False)


def wait(cond):
    loop, timer = QEventLoop(), QTimer()
    timer.timeout.connect(lambda: cond() and loop.quit())
    timer.start(5)
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    assert cond()


canvas = MapCanvas()               # the app's map, never deleted by this script
canvas.show()
wait(lambda: canvas.is_ready)
view = QWebEngineView()            # a bare view, deleted later the way the map bench did
view.show()
loaded = []
view.loadFinished.connect(loaded.append)
view.setHtml("<p>hello</p>", QUrl("file:///"))
wait(lambda: bool(loaded))
view.deleteLater()
del view
print("done", flush=True)
"""


def test_process_with_live_web_views_exits_0(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu")
    r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=180)
    assert "done" in r.stdout, r.stderr[-2000:]
    assert r.returncode == 0, r.stderr[-2000:]
    assert "still not deleted" not in r.stderr
