"""Territory plans in the project GeoPackage (plain SQLite, no GDAL).

Tables (attribute tables registered in ``gpkg_contents``):

- ``assetmap_territory_plans(plan_id, name UNIQUE, areas_layer, fields JSON,
  queen, version, created_at, updated_at)``: ``version`` goes up by one on
  every write to the plan, for optimistic locking by a later multi-user sync;
- ``assetmap_territory_teams(plan_id, team, name, colour, locked)``;
- ``assetmap_territory_assignments(plan_id, unit_id, team)``: one row per
  assigned unit; an unassigned unit has no row.

Every function is one small transaction in the project's own SQL dialect (``project.sql_write()``:
SQLite on a GeoPackage, PostgreSQL on a shared project; see ``assetmap.project.interface``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

# Okabe-Ito (without black), then Paul Tol's muted scheme: both stay distinguishable
# with the common colour-vision deficiencies.
DEFAULT_COLOURS = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499",
]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS assetmap_territory_plans (
  plan_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  areas_layer TEXT NOT NULL,
  fields TEXT NOT NULL DEFAULT '[]',
  queen INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS assetmap_territory_teams (
  fid INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES assetmap_territory_plans(plan_id) ON DELETE CASCADE,
  team INTEGER NOT NULL,
  name TEXT NOT NULL,
  colour TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0,
  UNIQUE (plan_id, team)
);
CREATE TABLE IF NOT EXISTS assetmap_territory_assignments (
  fid INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES assetmap_territory_plans(plan_id) ON DELETE CASCADE,
  unit_id TEXT NOT NULL,
  team INTEGER NOT NULL,
  UNIQUE (plan_id, unit_id)
);
"""
_TABLES = {
    "assetmap_territory_plans": "assetmap territory plans",
    "assetmap_territory_teams": "assetmap territory teams",
    "assetmap_territory_assignments": "assetmap territory assignments (unit -> team)",
}


@dataclass
class Team:
    team: int
    name: str
    colour: str
    locked: bool = False


@dataclass
class PlanRecord:
    name: str
    areas_layer: str
    teams: list[Team]
    assignments: dict[str, int] = field(default_factory=dict)
    fields: list[str] = field(default_factory=list)
    queen: bool = False
    version: int = 1
    plan_id: int | None = None


def default_teams(k: int) -> list[Team]:
    if k < 1:
        raise UserError(f"A plan needs at least one team (got {k}).", "Use --teams 2 or more.")
    return [Team(i, f"Team {i + 1}", DEFAULT_COLOURS[i % len(DEFAULT_COLOURS)]) for i in range(k)]


def _has_schema(con: sqlite3.Connection) -> bool:
    return con.has_table("assetmap_territory_plans")


def _ensure_schema(con: sqlite3.Connection) -> None:
    """The plan tables, made in the connection's dialect, or completed (idempotent)."""
    if not _has_schema(con):
        for stmt, desc in zip((s for s in _SCHEMA.split(";") if s.strip()), _TABLES.values()):
            con.create_table(stmt, desc)
        return
    # Published from a GeoPackage to PostGIS: SQLite's rowid numbered plans, and publish copies no UNIQUE.
    con.ensure_identity("assetmap_territory_plans", "plan_id")
    con.ensure_unique("assetmap_territory_plans", ("name",))


def _now() -> str:
    from assetmap.project.store import utc_now

    return utc_now()


def plan_names(project: "Project") -> list[str]:
    with project.sql_read() as con:
        if not _has_schema(con):
            return []
        return [r[0] for r in con.execute("SELECT name FROM assetmap_territory_plans ORDER BY plan_id")]


def _plan_row(con: sqlite3.Connection, project: "Project", name: str) -> sqlite3.Row:
    row = None
    if _has_schema(con):
        con.row_factory = sqlite3.Row
        row = con.execute("SELECT * FROM assetmap_territory_plans WHERE name=?", (name,)).fetchone()
    if row is None:
        have = ", ".join(plan_names(project)) or "(none yet)"
        raise UserError(f"{project.path} has no territory plan named '{name}'.",
                        f"Plans in this project: {have}. Create one with `assetmap territories new`.")
    return row


def load_plan(project: "Project", name: str) -> PlanRecord:
    with project.sql_read() as con:
        row = _plan_row(con, project, name)
        pid = row["plan_id"]
        teams = [Team(r["team"], r["name"], r["colour"], bool(r["locked"])) for r in con.execute(
            "SELECT * FROM assetmap_territory_teams WHERE plan_id=? ORDER BY team", (pid,))]
        assignments = {r["unit_id"]: r["team"] for r in con.execute(
            "SELECT unit_id, team FROM assetmap_territory_assignments WHERE plan_id=?", (pid,))}
    return PlanRecord(name=row["name"], areas_layer=row["areas_layer"], teams=teams,
                      assignments=assignments, fields=json.loads(row["fields"]), queen=bool(row["queen"]),
                      version=row["version"], plan_id=pid)


def check_plan_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise UserError(f"'{name}' can't be used as a plan name.", "Give a name of 1 to 100 characters.")
    return name


def save_plan(project: "Project", plan: PlanRecord, overwrite: bool = False) -> PlanRecord:
    """Write a whole plan (new, or replacing one of the same name with ``overwrite``)."""
    check_plan_name(plan.name)
    project._check_writable()
    with project.sql_write() as con:
        _ensure_schema(con)
        old = con.execute("SELECT plan_id, version FROM assetmap_territory_plans WHERE name=?",
                          (plan.name,)).fetchone()
        version = 1
        if old is not None:
            if not overwrite:
                raise UserError(f"{project.path} already has a territory plan named '{plan.name}'.",
                                "Choose another --plan name, or delete the old plan first.")
            version = old[1] + 1
            _delete(con, old[0])
        # plan_id only when given: SQLite and PostgreSQL both number the plan when it is left out.
        given = plan.plan_id if old is None else None
        con.execute(
            f"INSERT INTO assetmap_territory_plans ({'plan_id, ' if given is not None else ''}name, areas_layer, "
            "fields, queen, version, created_at, updated_at) VALUES (" + "?, " * (given is not None) +
            "?, ?, ?, ?, ?, ?, ?)",
            ((given,) if given is not None else ()) + (plan.name, plan.areas_layer, json.dumps(plan.fields),
                                                        int(plan.queen), version, _now(), _now()))
        pid = con.execute("SELECT plan_id FROM assetmap_territory_plans WHERE name=?", (plan.name,)).fetchone()[0]
        con.executemany("INSERT INTO assetmap_territory_teams (plan_id, team, name, colour, locked) VALUES (?, ?, ?, ?, ?)",
                        [(pid, t.team, t.name, t.colour, int(t.locked)) for t in plan.teams])
        con.executemany("INSERT INTO assetmap_territory_assignments (plan_id, unit_id, team) VALUES (?, ?, ?)",
                        [(pid, u, t) for u, t in plan.assignments.items()])
    return replace(plan, plan_id=pid, version=version)


def _delete(con: sqlite3.Connection, pid: int) -> None:
    con.execute("DELETE FROM assetmap_territory_assignments WHERE plan_id=?", (pid,))
    con.execute("DELETE FROM assetmap_territory_teams WHERE plan_id=?", (pid,))
    con.execute("DELETE FROM assetmap_territory_plans WHERE plan_id=?", (pid,))


def delete_plan(project: "Project", name: str) -> None:
    with project.sql_read() as con:
        pid = _plan_row(con, project, name)["plan_id"]
    with project.sql_write() as con:
        _delete(con, pid)


def rename_plan(project: "Project", old: str, new: str) -> None:
    new = check_plan_name(new)
    with project.sql_read() as con:
        _plan_row(con, project, old)
    if new != old and new in plan_names(project):
        raise UserError(f"{project.path} already has a territory plan named '{new}'.", "Choose another name.")
    with project.sql_write() as con:
        con.execute("UPDATE assetmap_territory_plans SET name=?, version=version+1, updated_at=? "
                    "WHERE name=?", (new, _now(), old))


def write_assignments(project: "Project", plan_id: int, changes: dict[str, int | None],
                      expected_version: int | None = None) -> int:
    """Apply unit -> team (None: unassigned) changes; return the plan's new version.

    On a shared project, ``expected_version`` (the version the editor started from) makes a
    colleague's save in between a clear conflict instead of a silent mix of both edits."""
    with project.sql_write() as con:
        _check_version(con, plan_id, expected_version)
        con.executemany("DELETE FROM assetmap_territory_assignments WHERE plan_id=? AND unit_id=?",
                        [(plan_id, u) for u, t in changes.items() if t is None])
        con.executemany(con.replace_sql("assetmap_territory_assignments", 3),
                        [(plan_id, u, t) for u, t in changes.items() if t is not None])
        return _bump(con, plan_id)


def write_team(project: "Project", plan_id: int, team: Team, expected_version: int | None = None) -> int:
    with project.sql_write() as con:
        _check_version(con, plan_id, expected_version)
        con.execute(con.replace_sql("assetmap_territory_teams", 5),
                    (plan_id, team.team, team.name, team.colour, int(team.locked)))
        return _bump(con, plan_id)


def _check_version(con, plan_id: int, expected: int | None) -> None:
    """Shared projects only: refuse a write based on an old version (the row stays locked until commit,
    so two saves at once are ordered and the second sees the first)."""
    if expected is None or not con.concurrent_editors:
        return
    has_by = "updated_by" in con.columns("assetmap_territory_plans")
    row = con.execute(f"SELECT name, version, updated_at, {'updated_by' if has_by else chr(39) * 2} "
                      "FROM assetmap_territory_plans WHERE plan_id=? FOR UPDATE", (plan_id,)).fetchone()
    if row is None or row[1] == expected:
        return  # a deleted plan is _bump's message
    name, version, at, by = row
    raise UserError(f"Plan '{name}' was changed{f' by {by}' if by else ''}{f' at {at}' if at else ''} while you "
                    f"were editing it (you started from version {expected}; it is now version {version}). "
                    "Your change was not saved.", "Reopen the plan to see their changes, then make yours again.")


def _bump(con: sqlite3.Connection, plan_id: int) -> int:
    con.execute("UPDATE assetmap_territory_plans SET version=version+1, updated_at=? WHERE plan_id=?",
                (_now(), plan_id))
    if "updated_by" in con.columns("assetmap_territory_plans"):  # added on a shared database (versioning.py)
        con.execute("UPDATE assetmap_territory_plans SET updated_by=current_user WHERE plan_id=?", (plan_id,))
    row = con.execute("SELECT version FROM assetmap_territory_plans WHERE plan_id=?", (plan_id,)).fetchone()
    if row is None:   # raising rolls the whole transaction back
        raise UserError("This territory plan has been deleted, so the change can't be saved.",
                        "Undo the deletion first, or open another plan.")
    return row[0]
