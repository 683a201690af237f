"""The Spanish .ts stays one well-formed TS document that lrelease compiles: a merge that leaves a
stray ``</TS>`` or a ``<name>`` outside its ``<context>`` makes lrelease fail, and then the whole
app silently shows English."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from assetmap.ui.i18n import ts_file


def test_spanish_ts_is_well_formed_and_compiles(tmp_path):
    ts = ts_file("es")
    root = ET.parse(ts).getroot()  # raises on junk after the document or a broken tag
    assert root.tag == "TS"
    assert all(c.tag == "context" and c.find("name") is not None for c in root)
    tool = shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "es.qm"
    done = subprocess.run([tool, str(ts), "-qm", str(qm)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    assert t.load(str(qm))
    # one string from the start of the file and one from its end: the whole file was read
    assert t.translate("MainWindow", "&File") == "&Archivo"
    assert t.translate("Sensitivity", "Confidential: never drawn, exported or packaged.") == \
        "Confidencial: nunca se dibuja, exporta ni empaqueta."
    assert t.translate("ToolStatus", "Tool: %1") == "Herramienta: %1"  # the map tools, appended last


def test_no_translation_is_filed_under_another_class(tmp_path):
    """A merge that drops a ``<context>`` boundary files one class's strings under its neighbour:
    they then never translate. Each message must sit in a context where the code asks for it
    (pyside6-lupdate's reading of the code, into a scratch file; the real .ts is not regenerated)."""
    import collections
    from pathlib import Path

    tool = shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate not installed")
    pkg = Path(__file__).resolve().parents[2] / "assetmap"
    ref = tmp_path / "ref.ts"
    subprocess.run([tool, *map(str, sorted(pkg.rglob("*.py"))), "-ts", str(ref)], check=True, capture_output=True)
    asked = collections.defaultdict(set)
    for c in ET.parse(ref).getroot():
        for m in c.findall("message"):
            asked[m.find("source").text].add(c.find("name").text)
    misfiled = [(c.find("name").text, m.find("source").text)
                for c in ET.parse(ts_file("es")).getroot() for m in c.findall("message")
                if m.find("source").text in asked and c.find("name").text not in asked[m.find("source").text]]
    assert not misfiled, misfiled[:10]
