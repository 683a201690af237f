"""Layer data to the map page as binary, through the ``amlayer://`` URL scheme.

The canvas puts a layer's geometry buffer and attribute JSON (``mapview.flat``) here under
fresh keys and tells the page their URLs; the page fetches them as an ArrayBuffer and JSON.
That replaces a GeoJSON literal passed through ``runJavaScript`` (text the page has to parse).
Each entry is handed out once and then dropped: nothing stays in memory, nothing is written.

The map page itself is served from here too (``amlayer://map/page/N``): Chromium does not let
a file:// page fetch() from a custom scheme (the request never leaves the renderer), but a page
of the scheme may fetch from its own origin, and may still load Leaflet by file URL
(LocalAccessAllowed).

Chromium accepts a custom scheme only before the QApplication exists: ``register_scheme()`` is
called from ``app.ensure_qt_app`` (and by tests/ui/conftest.py before pytest-qt makes its app).
When it was not (another host made the application first), ``available()`` is False and the
canvas sends GeoJSON instead; the page draws both the same way.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtWebEngineCore import (QWebEngineProfile, QWebEngineUrlRequestJob, QWebEngineUrlScheme,
                                     QWebEngineUrlSchemeHandler)

log = logging.getLogger(__name__)

SCHEME = b"amlayer"
_in_time = False


def register_scheme() -> None:
    """Declare ``amlayer://`` to Chromium; it only counts before the QApplication is created."""
    global _in_time
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    if QCoreApplication.instance() is not None:
        return  # too late: Chromium would ignore it and every fetch would fail
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Local like file: (the page may not reach remote URLs, may load Leaflet by file URL), and
    # fetch() allowed on it.
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed
                    | QWebEngineUrlScheme.Flag.SecureScheme | QWebEngineUrlScheme.Flag.CorsEnabled
                    | QWebEngineUrlScheme.Flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    _in_time = True


def available() -> bool:
    return _in_time


class LayerDataHandler(QWebEngineUrlSchemeHandler):
    """Answers ``amlayer://map/data/KEY`` once with what was put under KEY, ``amlayer://map/page/KEY``
    with a page (every time); anything else: not found."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: dict[str, tuple[bytes, bytes]] = {}
        self._pages: dict[str, bytes] = {}
        self._keys = itertools.count(1)
        self.served: list[str] = []   # keys handed out (tests: a restyle fetches nothing)

    def put(self, data: bytes, mime: bytes, prefix: str = "") -> str:
        key = f"{prefix}{next(self._keys)}"
        self._items[key] = (data, mime)
        return f"{SCHEME.decode()}://map/data/{key}"

    def put_page(self, html: bytes) -> str:
        key = f"{next(self._keys)}/map.html"  # the page keeps its file name
        self._pages[key] = html
        return f"{SCHEME.decode()}://map/page/{key}"

    def drop(self, prefix: str) -> None:
        """Forget what was put for a layer that is replaced or removed before the page read it."""
        for key in [k for k in self._items if k.startswith(prefix)]:
            del self._items[key]

    def pending(self, prefix: str = "") -> int:
        return sum(1 for k in self._items if k.startswith(prefix))

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt API)
        url = job.requestUrl()
        kind, _, key = url.path().lstrip("/").partition("/")
        item = None
        if url.host() == "map" and kind == "data":
            item = self._items.pop(key, None)
        elif url.host() == "map" and kind == "page" and key in self._pages:
            item = (self._pages[key], b"text/html")
        if item is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if kind == "data":
            self.served.append(key)
        data, mime = item
        buf = QBuffer(job)  # the job owns the buffer: it lives as long as the reply is read
        buf.setData(QByteArray(data))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buf)


_handler: LayerDataHandler | None = None


def handler(profile: QWebEngineProfile | None = None) -> LayerDataHandler:
    """The one handler, installed on the map's (default) profile on first use."""
    global _handler
    if _handler is None:
        _handler = LayerDataHandler()
        (profile or QWebEngineProfile.defaultProfile()).installUrlSchemeHandler(SCHEME, _handler)
    return _handler
