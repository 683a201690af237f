"""Optimistic version check for plans: two team leads editing one plan get a clear conflict.

A plan row carries ``version``; every save says which version it started from and
bumps it in the same statement. If someone saved in between, no row matches and
the caller gets a UserError naming who saved and when, instead of silently
overwriting their work.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from assetmap.errors import UserError

PLANS = "assetmap_territory_plans"


def ensure_version_columns(cur, table: str = PLANS) -> None:
    """Add ``updated_by`` so a conflict can say who saved (no-op without a plans table)."""
    from psycopg import sql

    if cur.execute("SELECT to_regclass(%s)", (table,)).fetchone()[0] is None:
        return
    cur.execute(sql.SQL("ALTER TABLE {} ADD COLUMN IF NOT EXISTS updated_by text NOT NULL DEFAULT ''").format(
        sql.Identifier(table)))


def update_versioned(con, plan_id: int, expected_version: int, changes: dict[str, Any],
                     table: str = PLANS, key: str = "plan_id") -> int:
    """Apply ``changes`` to one plan if it is still at ``expected_version``; returns the new version."""
    from psycopg import sql

    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    has_by = con.execute("SELECT 1 FROM information_schema.columns WHERE table_name=%s AND column_name="
                         "'updated_by' AND table_schema = current_schema()", (table,)).fetchone()
    sets = [sql.SQL("{} = {}").format(sql.Identifier(k), sql.Placeholder()) for k in changes]
    sets += [sql.SQL("version = version + 1"), sql.SQL("updated_at = {}").format(sql.Literal(now))]
    if has_by:
        sets.append(sql.SQL("updated_by = current_user"))
    q = sql.SQL("UPDATE {} SET {} WHERE {} = %s AND version = %s RETURNING version").format(
        sql.Identifier(table), sql.SQL(", ").join(sets), sql.Identifier(key))
    with con.transaction():
        row = con.execute(q, [*changes.values(), plan_id, expected_version]).fetchone()
        if row is not None:
            return int(row[0])
        who = "updated_by" if has_by else "''"
        current = con.execute(sql.SQL("SELECT name, version, updated_at, {} FROM {} WHERE {} = %s").format(
            sql.SQL(who), sql.Identifier(table), sql.Identifier(key)), (plan_id,)).fetchone()
    if current is None:
        raise UserError(f"The plan you are editing (id {plan_id}) was deleted by someone else.",
                        "Save your work as a new plan.")
    name, version, at, by = current
    by_text = f" by {by}" if by else ""
    at_text = f" at {at}" if at else ""
    raise UserError(
        f"Plan '{name}' was changed{by_text}{at_text} while you were editing it "
        f"(you started from version {expected_version}; it is now version {version}). Your change was not saved.",
        "Reload the plan to see their changes, then make yours again.")
