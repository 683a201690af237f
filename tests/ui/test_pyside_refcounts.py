"""The installed PySide6 keeps None's reference count: PySide6 6.12.0 drops one reference to
None on every Qt call that returns nothing, and on Python 3.11 (where None is not immortal) the
app then dies with "Fatal Python error: none_dealloc" after some tens of thousands of calls —
the per-team maps of one plan were enough. pyproject.toml keeps Python 3.11 below 6.12."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_void_qt_calls_keep_none_alive():
    # In a fresh interpreter: the UI test modules pin extra references to work around PySide
    # bool bugs (tests/ui/pyside_bool.py), which must not hide this one.
    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QPainterPath
        path = QPainterPath()
        before = sys.getrefcount(None)
        for _ in range(5000):
            path.lineTo(QPointF(1.0, 2.0))
            path.moveTo(0.0, 0.0)
        print(before - sys.getrefcount(None))
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert abs(int(r.stdout.strip())) < 100, f"None lost {r.stdout.strip()} references in 10,000 Qt calls"


def test_territory_maps_command_exits_cleanly(tmp_path):
    """The command that first showed it: six team maps, then a clean exit (not 134)."""
    import shutil
    from pathlib import Path

    from tests.conftest import run_cli

    p = tmp_path / "t.gpkg"
    shutil.copy(Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg", p)
    r = run_cli("territories", "balance", p, "--areas", "neighborhoods", "--teams", "6", "--by", "population",
                "--seed", "1", "--plan", "six")
    assert r.returncode == 0, r.stderr
    r = run_cli("territories", "maps", p, tmp_path / "maps", "--plan", "six")
    assert r.returncode == 0, r.stderr[-2000:]
    assert len(list((tmp_path / "maps").glob("*.pdf"))) == 6
