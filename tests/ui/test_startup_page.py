"""Start-up: the map page loads while the window is built and its layers are read (on a worker,
the event loop running), and the map on it is made only once the view is shown, at its size."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from tests.ui.conftest import wait_drawn


def test_while_page_loads_runs_on_a_worker_with_the_event_loop_running(qtbot):
    from assetmap.ui.map_canvas import MapCanvas
    from assetmap.ui.page_wait import while_page_loads

    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    assert not canvas.is_ready
    seen = {}
    QTimer.singleShot(0, lambda: seen.setdefault("timer", threading.current_thread().name))

    def work():
        seen["thread"] = threading.current_thread().name
        import time

        deadline = time.monotonic() + 20
        while not canvas._loaded and time.monotonic() < deadline:   # the page loads meanwhile
            time.sleep(0.01)
        seen["loaded"] = canvas._loaded

    while_page_loads(canvas, work)
    assert seen["thread"] == "assetmap-prefetch" and seen["timer"] == "MainThread"
    assert seen["loaded"] is True
    assert not canvas.is_ready                       # loaded, but the map is made when shown
    # Whatever the work raises is dropped (what it warmed is done again, and reported, after).
    while_page_loads(canvas, lambda: 1 / 0)
    canvas.resize(640, 480)
    canvas.show()
    qtbot.waitUntil(lambda: canvas.is_ready, timeout=20000)
    ran = []
    while_page_loads(canvas, lambda: ran.append(threading.current_thread().name))
    assert ran == ["MainThread"]                     # ready: no worker, no loop


@pytest.mark.parametrize("size", [(1280, 800), (900, 700)])
def test_project_opened_hidden_is_drawn_at_the_size_it_is_shown_at(qtbot, isolated_home, size):
    from assetmap.demo import demo_project_path
    from assetmap.mapview.layers import LayerCache
    from assetmap.ui.main_window import MainWindow

    reads = []
    real = LayerCache.prefetch

    def prefetch(self, names):
        reads.append(threading.current_thread().name)
        real(self, names)

    w = MainWindow()
    qtbot.addWidget(w)
    LayerCache.prefetch = prefetch
    try:
        assert w.open_project(demo_project_path(fresh=True))   # as `assetmap demo` does: before show
    finally:
        LayerCache.prefetch = real
    assert reads == ["assetmap-prefetch"] and set(w.cache._frames) == set(w.project.layer_names())
    assert w.canvas._loaded and not w.canvas.is_ready        # the page loaded while the layers were read
    w.resize(*size)
    w.show()
    wait_drawn(w, qtbot)
    state = w.canvas.state()
    z = w.canvas.zoomFactor()
    assert state["size"] == pytest.approx([w.canvas.width() / z, w.canvas.height() / z], abs=1)
    # Every layer's canvas has the map's size (a map made hidden had 0 x 0 canvases and drew nothing),
    # and the layers are fitted beside the legend as "zoom to all" fits them.
    sizes = w.canvas.evaluate("Array.from(document.querySelectorAll('canvas')).map(c => c.width * c.height)")
    assert sizes and all(s > 0 for s in sizes)
    # Fitted at the size it is shown at: "zoom to all" now changes nothing.
    w.canvas.zoom_all()
    wait_drawn(w, qtbot)
    again = w.canvas.state()
    assert (again["zoom"], again["center"]) == (state["zoom"], pytest.approx(state["center"], abs=1e-9))
    img = w.canvas.grab().toImage()
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 20                                                # drawn, not a blank map


def test_screenshot_is_the_drawn_map_not_the_frame_before(qtbot, isolated_home, tmp_path):
    from PySide6.QtGui import QImage

    from assetmap.demo import demo_project_path
    from assetmap.ui.app import grab_when_drawn
    from tests.ui.conftest import open_main_window

    w = open_main_window(qtbot, demo_project_path(fresh=True))
    grabs = []
    real = w.grab
    w.grab = lambda *a: grabs.append(1) or real(*a)
    done = []
    w.canvas.set_visible("neighborhoods", False)              # a change the screenshot must show
    grab_when_drawn(w, str(tmp_path / "shot.png"), lambda: done.append(1))
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    qtbot.wait(500)
    later = real().toImage().convertToFormat(QImage.Format.Format_RGB32)
    saved = QImage(str(tmp_path / "shot.png")).convertToFormat(QImage.Format.Format_RGB32)
    assert saved == later
    assert len(grabs) >= 2                                     # two grabs in a row agreed
