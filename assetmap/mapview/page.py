"""The Leaflet page: the app's (files loaded by file URL, data added later from Python)
and the standalone export (Leaflet, our script and the data inlined).

Neither holds a network address: the Leaflet source mentions its home page in a comment
and the SVG namespace in a string, so inlining strips the comment and writes the
namespace with an escaped slash (the same string to JavaScript).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from assetmap.resources import resource

_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
{css}
</head><body>
<div id="map" role="application" aria-label="Map"></div>
{scripts}
</body></html>
"""


def _read(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def offline_js(text: str) -> str:
    """Leaflet's source made free of URL text without changing what it does."""
    text = re.sub(r"/\*\s*@preserve.*?\*/", "/* Leaflet 1.9.4, BSD-2-Clause, (c) Volodymyr Agafonkin */",
                  text, count=1, flags=re.S)
    text = text.replace("http://", "http:\\/\\/").replace("https://", "https:\\/\\/")
    return text


def offline_css(text: str) -> str:
    # Only comments in leaflet.css name URLs (bug trackers).
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_app_page(directory: Path, title: str = "assetmap map") -> Path:
    """Write the app's page into ``directory``; it loads Leaflet and our script by file URL."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    leaflet = resource("leaflet")
    js = resource("js")
    css = "\n".join(f'<link rel="stylesheet" href="{p.as_uri()}">'
                    for p in (leaflet / "leaflet.css", js / "assetmap_map.css"))
    scripts = "\n".join([
        f'<script src="{(leaflet / "leaflet.js").as_uri()}"></script>',
        '<script src="qrc:///qtwebchannel/qwebchannel.js"></script>',
        f'<script src="{(js / "assetmap_flat.js").as_uri()}"></script>',
        f'<script src="{(js / "assetmap_map.js").as_uri()}"></script>',
        f'<script src="{(js / "assetmap_aggregates.js").as_uri()}"></script>',
    ])
    path = directory / "map.html"
    path.write_text(_HEAD.format(title=_escape_html(title), css=css, scripts=scripts), encoding="utf-8")
    return path


def _script_json(obj: Any) -> str:
    # "</" would end the inline <script> early.
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def standalone_html(layers: list[dict[str, Any]], title: str = "", attribution: str = "",
                    bounds: list[list[float]] | None = None) -> str:
    """One self-contained offline HTML file.

    ``layers``: top first, each {name, title, geojson (text), spec, visible, opacity}.
    """
    css = "<style>\n" + offline_css(_read("leaflet", "leaflet.css")) + "\n" + _read("js", "assetmap_map.css") \
        + "\n</style>"
    from assetmap.mapview.words import page_words

    calls = [f"assetmap.init({_script_json({'title': title, 'attribution': attribution})});"]
    words = page_words()  # the language of the app that exports it (none headless: English)
    if words:
        calls.append(f"assetmap.setWords({_script_json(words)});")
    for lyr in reversed(layers):
        opts = {"visible": lyr.get("visible", True), "opacity": lyr.get("opacity", 1.0)}
        geojson = lyr["geojson"].replace("</", "<\\/")
        calls.append(f"assetmap.setLayer({_script_json(lyr['name'])},{_script_json(lyr['title'])},"
                     f"{geojson},{_script_json(lyr['spec'])},{_script_json(opts)});")
    calls.append(f"assetmap.setOrder({_script_json([lyr['name'] for lyr in layers])});")
    if bounds:
        calls.append(f"assetmap.fitBounds({_script_json(bounds)});")
    else:
        calls.append("assetmap.zoomAll();")
    scripts = "\n".join([
        "<script>" + offline_js(_read("leaflet", "leaflet.js")) + "</script>",
        "<script>" + offline_js(_read("js", "assetmap_flat.js")) + "</script>",
        "<script>" + offline_js(_read("js", "assetmap_map.js")) + "</script>",
        "<script>" + offline_js(_read("js", "assetmap_aggregates.js")) + "</script>",
        "<script>\n" + "\n".join(calls) + "\n</script>",
    ])
    return _HEAD.format(title=_escape_html(title or "assetmap map"), css=css, scripts=scripts)
