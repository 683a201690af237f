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
