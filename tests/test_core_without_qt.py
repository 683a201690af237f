"""The core stays Qt-free: only assetmap/ui may import PySide6."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import assetmap

PKG = Path(assetmap.__file__).parent


def test_no_pyside_import_outside_ui():
    offenders = []
    for py in PKG.rglob("*.py"):
        rel = py.relative_to(PKG)
        if rel.parts[0] == "ui":
            continue
        tree = ast.parse(py.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []


def test_core_modules_import_and_run_with_qt_blocked(tmp_path):
    """Import every core module with PySide6 made unimportable, and run an import."""
    mods = [m.name for m in pkgutil.walk_packages([str(PKG)], "assetmap.") if not m.name.startswith("assetmap.ui") and not m.name.endswith("__main__")]
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "import importlib\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "from assetmap.project import Project\n"
        f"p = Project.create({str(tmp_path / 'x.gpkg')!r})\n"
        "print('ok', len(p.layers()))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok 0"


def test_cli_startup_does_not_load_heavy_libraries():
    code = ("import sys\nfrom assetmap.cli import build_parser\nbuild_parser()\n"
            "heavy = [m for m in ('geopandas', 'PySide6', 'pandas', 'pyogrio', 'folium') if m in sys.modules]\n"
            "print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr
