"""One project interface: outside the backends nothing asks which backend it has.

The backends are ``assetmap/project/`` (GeoPackage, the interface, the registry) and
``assetmap/postgis/``. Everywhere else (feature packages, CLI, UI) code uses
``assetmap.project.interface.AnyProject`` and its connections' dialect methods. This walks
every module's syntax tree for the ways code used to tell the backends apart (issue 16 counted
about 40 of them in 14 files) and asserts there are none left.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "assetmap"
BACKENDS = ("project", "postgis")
# Attributes only one backend has; asking for them (hasattr/getattr) is asking which backend it is.
BACKEND_ATTRS = {"url", "schema", "layer_fields", "is_postgis", "con", "dsn"}
# Functions and names whose only job was to tell the backends apart.
BACKEND_TESTS = {"is_pg", "is_shared", "is_postgres_url"}
BACKEND_CLASSES = {"PostgisProject", "PgCon", "GpkgConnection", "Project", "ProjectEdit", "PostgisEdit"}
# Attributes that meant "on PostGIS" (``store.shared``, ``con.is_postgis``).
BACKEND_FLAGS = {"shared", "is_postgis"}


def _modules(include_backends: bool = False):
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if not include_backends and rel.parts[0] in BACKENDS:
            continue
        yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def backend_branches(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) of every place in ``tree`` that tells the backends apart."""
    found = []
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}  # a method named shared() is not a flag
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = _name(node.func)
            if fn in ("hasattr", "getattr") and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
                    and node.args[1].value in BACKEND_ATTRS:
                found.append((node.lineno, f"{fn}(…, {node.args[1].value!r})"))
            elif fn in BACKEND_TESTS:
                found.append((node.lineno, f"{fn}(…)"))
            elif fn == "isinstance" and len(node.args) == 2:
                classes = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
                named = {_name(c) for c in classes} & (BACKEND_CLASSES - {"Project"})
                if named:
                    found.append((node.lineno, f"isinstance(…, {sorted(named)[0]})"))
        elif isinstance(node, ast.Attribute) and node.attr in BACKEND_FLAGS and isinstance(node.ctx, ast.Load) \
                and id(node) not in called:
            found.append((node.lineno, f".{node.attr}"))
    return found


def postgis_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and (
                node.module == "assetmap.postgis" or node.module.startswith("assetmap.postgis.")):
            found.append((node.lineno, f"from {node.module} import …"))
        elif isinstance(node, ast.ImportFrom) and node.module == "assetmap" and \
                any(a.name == "postgis" for a in node.names):
            found.append((node.lineno, "from assetmap import postgis"))
        elif isinstance(node, ast.Import) and any(a.name.startswith("assetmap.postgis") for a in node.names):
            found.append((node.lineno, "import assetmap.postgis"))
    return found


def test_no_backend_branches_outside_the_backends():
    branches = {f"{rel}:{line}": what for rel, tree in _modules() for line, what in backend_branches(tree)}
    assert branches == {}


# Feature packages: what the issue names, plus the other Qt-free packages that take a project.
FEATURES = ("survey", "territories", "hubs", "reports", "indicators", "access", "geocode", "join", "risk",
            "importers", "exporters", "mapview", "layers")


@pytest.mark.parametrize("package", FEATURES)
def test_feature_packages_do_not_import_the_postgis_backend(package):
    hits = {f"{rel}:{line}": what for rel, tree in _modules() if rel.parts[0] == package
            for line, what in postgis_imports(tree)}
    assert hits == {}


def test_the_walk_finds_what_it_looks_for():
    """The counter is not blind: the old code's patterns are each found (and plain code is not)."""
    old = '''
def f(project, con, store):
    if hasattr(project, "url"):
        pass
    if hasattr(project, "layer_fields"):
        pass
    if getattr(con, "is_postgis", False):
        pass
    if sqlcompat.is_pg(con):
        pass
    if store.shared:
        pass
    if is_postgres_url(target):
        pass
    if isinstance(project, PostgisProject):
        pass
    return getattr(w.project, "url", None) or w.project.path
'''
    assert len(backend_branches(ast.parse(old))) == 8
    plain = '''
def f(project, con):
    with project.sql_write() as con:
        con.execute(con.replace_sql("t", 2), (1, 2))
    return project.layer_fields("a"), isinstance(project, Project), project.recent_entry
'''
    assert backend_branches(ast.parse(plain)) == []
    assert len(postgis_imports(ast.parse("from assetmap.postgis import sqlcompat\nimport assetmap.postgis.x\n"
                                         "from assetmap import postgis\n"))) == 3
