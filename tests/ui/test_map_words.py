"""The map's own words (legend entries written by the core, popup and legend texts of the page)
are listed for translation, translated to Spanish, and read in Spanish in a Spanish window."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]


def _literal_calls(path: Path, func: str, context: str | None = None) -> set[str]:
    """String literals passed to ``func(...)`` (or ``func(context, ...)``) in a Python file."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name != func or not args:
            continue
        if context is None:
            out.add(args[0])
        elif len(args) == 2 and args[0] == context:
            out.add(args[1])
    return out


def _listed() -> set[str]:
    return _literal_calls(ROOT / "assetmap" / "ui" / "map_words.py", "translate", "MapWords")


def _core_words() -> set[str]:
    from assetmap.indicators.dashboard import NO_RESIDENTS, WITHHELD_VALUE
    from assetmap.mapview.report_styles import ALL_LABEL, HOTSPOT_LABELS

    found = set()
    for path in (ROOT / "assetmap").rglob("*.py"):
        if "ui" not in path.relative_to(ROOT / "assetmap").parts:
            found |= _literal_calls(path, "word")
    # Words passed to word() through a name: the constants behind them.
    return found | set(HOTSPOT_LABELS.values()) | {ALL_LABEL, NO_RESIDENTS, WITHHELD_VALUE}


def test_every_word_of_the_core_and_the_page_is_listed_for_translation():
    from assetmap.mapview.words import PAGE_WORDS
    from assetmap.ui.map_words import page_words

    core = _core_words()
    assert {"no data", "Hot spot, 99 % confidence", "{0} reports: suppressed"} <= core  # the scan works
    assert core - _listed() == set()
    page = set()
    for js in (ROOT / "resources" / "js").glob("assetmap_*.js"):
        page |= set(re.findall(r'api\.word\("([^"]+)"\)', js.read_text()))
    assert {"Legend", "Per 1,000 people"} <= page
    assert page - set(PAGE_WORDS) == set()  # the page asks only for words it is sent
    assert set(PAGE_WORDS) - _listed() == set()
    assert page_words() == {}  # English: the page keeps its own words


def test_every_map_word_has_a_spanish_translation():
    from assetmap.ui.i18n import ts_file

    done = {}
    for ctx in ET.parse(ts_file("es")).getroot():
        if ctx.findtext("name") == "MapWords":
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr.get("type") != "unfinished" and tr.text:
                    done[msg.findtext("source")] = tr.text
    assert _listed() - set(done) == set()
    # Format strings keep their placeholders.
    for src, es in done.items():
        assert re.findall(r"\{\d\}", src) == re.findall(r"\{\d\}", es), (src, es)


@pytest.fixture()
def spanish(qapp):
    from assetmap.ui import i18n

    assert i18n.install(qapp, "es") == "es"
    yield
    i18n.install(qapp, "en")


def test_exported_html_speaks_the_language_of_the_app(spanish, map_project, tmp_path):
    from assetmap.mapview.export import export_html

    html = export_html(map_project, tmp_path / "m.html").read_text()
    assert 'assetmap.setWords(' in html and '"Legend":"Leyenda"' in html.replace(" ", "")


def test_core_legend_words_follow_the_language(spanish):
    from assetmap.layers.style import Style
    from assetmap.mapview.leaflet_style import legend_entries
    from assetmap.mapview.report_styles import period_label

    style = Style(kind="categorized", field="kind", categories={"school": "#000000"})
    assert [e["label"] for e in legend_entries(style)] == ["school", "otro"]
    assert period_label("all") == "Todos los períodos (total)"


def test_the_map_window_legend_reads_in_spanish(qtbot, isolated_home, demo_copy, spanish):
    from assetmap.layers.style import Style
    from tests.ui.conftest import open_main_window

    info = demo_copy.layer("neighborhoods")
    info.style = Style(kind="graduated", field="pop_per_sqmi", k=5, ramp="YlGnBu").to_dict()
    demo_copy.update_layer_info(info)
    w = open_main_window(qtbot, demo_copy.path)
    legend = w.canvas.state()["legend"]
    assert "sin datos" in legend and "no data" not in legend  # the neighbourhoods without population
    assert w.canvas.evaluate("document.querySelector('.am-legend').getAttribute('aria-label')") == "Leyenda"
    # A report layer with periods: its legend names the period and the withheld counts in Spanish.
    dv = next(n for n in w.project.layer_names() if n.startswith("dv_"))
    w.layers_panel.item(dv).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "Período" in w.canvas.state()["legend"], timeout=10000)
    assert "Período: Todos los períodos (total)" in w.canvas.state()["legend"]
    assert "Period:" not in w.canvas.state()["legend"]
