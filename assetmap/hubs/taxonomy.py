"""The built-in service taxonomy (resources/taxonomy/services.csv), extendable per project.

A category is a short code (``parenting``); users may type the code or the
label. Project-specific categories live in ``assetmap_hub_categories``.
"""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

PROJECT_TABLE = "assetmap_hub_categories"
# Stable ids for our terms in HSDS exports (uuid5 in this namespace, from the code).
TAXONOMY_NAME = "assetmap services"
TAXONOMY_ID = "6f1c9e3a-3d0b-5a8e-9c57-2b1f4e8d7a10"


def builtin() -> dict[str, dict]:
    from assetmap.resources import resource

    with open(resource("taxonomy", "services.csv"), newline="", encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def categories(project: "Project | None" = None) -> dict[str, dict]:
    """code -> {code, label, description}: built-in, then the project's own."""
    out = dict(builtin())
    if project is not None:
        out.update(project_categories(project))
    return out


def project_categories(project: "Project") -> dict[str, dict]:
    with project.sql_read() as con:  # a GeoPackage, or a shared project on PostGIS
        if not con.has_table(PROJECT_TABLE):
            return {}
        rows = con.execute(f"SELECT code, label, description FROM {PROJECT_TABLE}").fetchall()
    return {r[0]: {"code": r[0], "label": r[1], "description": r[2]} for r in rows}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def add_category(project: "Project", label: str, description: str = "", code: str | None = None) -> str:
    """Add a category to the project's taxonomy (one SQLite transaction)."""
    code = slug(code or label)
    if not code:
        raise UserError("A category needs a name.", "For example: 'Diaper bank'.")
    with project.sql_write() as con:
        if not con.has_table(PROJECT_TABLE):
            con.create_table(f"CREATE TABLE {PROJECT_TABLE} (fid INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, "
                             "label TEXT NOT NULL, description TEXT NOT NULL DEFAULT '')",
                             "service categories added in this project")
        con.execute(con.replace_sql(PROJECT_TABLE, 3), (code, label.strip(), description))
    return code


def match(text: str, cats: dict[str, dict] | None = None) -> str:
    """The category code a code or label names, or ''."""
    cats = cats if cats is not None else categories()
    key = slug(text)
    for code, row in cats.items():
        if key in (code, slug(row["label"])):
            return code
    return ""


def matcher(cats: dict[str, dict] | None = None):
    """``match`` with ``cats`` fixed: a function text -> category code ('' for none) that finds
    each distinct text once (an import asks about the same few terms for every service)."""
    cats = cats if cats is not None else categories()
    first: dict[str, str] = {}
    for code, row in cats.items():   # the first category naming a key wins, as in match
        first.setdefault(code, code)
        first.setdefault(slug(row["label"]), code)
    seen: dict[str, str] = {}

    def find(text: str) -> str:
        if text not in seen:
            seen[text] = first.get(slug(text), "")
        return seen[text]
    return find


def resolve_category(text: str, project: "Project | None" = None, cats: dict[str, dict] | None = None) -> str:
    cats = cats if cats is not None else categories(project)
    code = match(text, cats)
    if not code:
        raise UserError(f"'{text}' is not a service category.",
                        "Use one of: " + ", ".join(sorted(cats)) + " (or add one with `assetmap hubs categories P.gpkg --add LABEL`).")
    return code


def term_id(code: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.UUID(TAXONOMY_ID), code))


def attribute_id(service_id: str, code: str) -> str:
    """Stable id of the attribute tying a service to our term: re-exports stay identical."""
    import uuid

    return str(uuid.uuid5(uuid.UUID(TAXONOMY_ID), f"{service_id}/{code}"))
