"""The basemap under the layers: none (default), online XYZ tiles, or an offline MBTiles file.

MBTiles tiles reach the page through the ``mbtiles://`` URL scheme: the page asks for
``mbtiles://tiles/{z}/{x}/{y}.png`` and ``TileSchemeHandler`` answers from the file, so nothing
goes over the network. Chromium only accepts a custom scheme registered before the
QApplication exists: ``register_scheme()`` is called from ``app.ensure_qt_app`` (and by the
tests before pytest-qt makes its application)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWebEngineCore import (QWebEngineProfile, QWebEngineUrlRequestJob, QWebEngineUrlScheme,
                                     QWebEngineUrlSchemeHandler)

from assetmap.mapview.mbtiles import MBTiles, parse_tile_path

log = logging.getLogger(__name__)

SCHEME = b"mbtiles"
KIND_KEY, XYZ_KEY, FILE_KEY, CREDIT_KEY = "basemap/kind", "basemap/xyz_url", "basemap/mbtiles", "basemap/attribution"
KINDS = ("none", "xyz", "mbtiles")


def register_scheme() -> None:
    """Declare ``mbtiles://`` to Chromium; must run before the QApplication is created."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Local like file:, so the page (a local file that may not reach remote URLs) can use it.
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed
                    | QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers ``mbtiles://tiles/z/x/y.ext`` from the current MBTiles file; no tile → not found."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source: MBTiles | None = None
        self.served = 0
        self.missing = 0

    def set_source(self, source: MBTiles | None) -> None:
        if self.source is not None and self.source is not source:
            self.source.close()
        self.source = source

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt API)
        url = job.requestUrl()
        zxy = parse_tile_path(url.path()) if url.host() == "tiles" else None
        data = None
        if zxy is not None and self.source is not None:
            try:
                data = self.source.tile(*zxy)
            except Exception:  # a damaged file must not take the window down: the tile is just missing
                log.exception("basemap tile %s", url.toString())
        if data is None:
            self.missing += 1
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self.served += 1
        # The job owns the buffer: it lives exactly as long as the reply is being read.
        buf = QBuffer(job)
        buf.setData(QByteArray(data))
        buf.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(self.source.info.mime.encode(), buf)


_handler: TileSchemeHandler | None = None


def handler(profile: QWebEngineProfile | None = None) -> TileSchemeHandler:
    """The one handler, installed on the map's (default) profile on first use."""
    global _handler
    if _handler is None:
        _handler = TileSchemeHandler()
        (profile or QWebEngineProfile.defaultProfile()).installUrlSchemeHandler(SCHEME, _handler)
    return _handler


def tile_url(source: MBTiles) -> str:
    return f"{SCHEME.decode()}://tiles/{{z}}/{{x}}/{{y}}.{source.info.format}"


def show_mbtiles(canvas, path: str | Path, attribution: str = "") -> MBTiles:
    """Draw the MBTiles file under the layers (raises UserError for a file it can't use)."""
    source = MBTiles(path)
    info = source.info
    handler(canvas.page().profile()).set_source(source)
    opts = {"minZoom": 0, "maxNativeZoom": info.maxzoom, "minNativeZoom": info.minzoom}
    if info.bounds:
        w, s, e, n = info.bounds
        opts["bounds"] = [[s, w], [n, e]]
    credit = attribution or info.attribution
    canvas.run_js(f"assetmap.setBasemap({json.dumps(tile_url(source))},{json.dumps(credit)},{json.dumps(opts)})")
    return source


def chosen(st) -> tuple[str, str, str, str]:
    """(kind, xyz url, mbtiles path, credit) from the settings; older settings have only a URL."""
    url, path = str(st.value(XYZ_KEY) or ""), str(st.value(FILE_KEY) or "")
    kind = str(st.value(KIND_KEY) or ("xyz" if url else "none"))
    return (kind if kind in KINDS else "none"), url, path, str(st.value(CREDIT_KEY) or "")


def apply_basemap(canvas, st=None) -> str | None:
    """Show the basemap the settings ask for; returns a message when the MBTiles file can't be used
    (the map then has no basemap: the layers still draw)."""
    from assetmap.errors import UserError

    if st is None:
        from assetmap.ui.window_actions import settings

        st = settings()
    kind, url, path, credit = chosen(st)
    if kind == "mbtiles" and path:
        try:
            show_mbtiles(canvas, path, credit)
            return None
        except UserError as exc:
            log.warning("basemap: %s", exc)
            canvas.set_basemap(None)
            return str(exc)
    canvas.set_basemap(url if kind == "xyz" and url else None, credit)
    return None
