"""Roles enforced by the database: ``assetmap admin init-roles``.

- ``surveyor``: reads the layers; inserts and edits only its own survey
  submissions (row-level security: ``surveyor = current_user``), never deletes.
- ``team_lead``: reads everything; edits the territory plan tables.
- ``planner``: reads every layer, project table and aggregate (also tables
  added later, through default privileges); writes nothing.
No role can read raw reports: none are ever stored (aggregation keeps them in a
temporary table that never commits, see aggregate.py).
Group roles are NOLOGIN; people are login roles that are members of one.
"""

from __future__ import annotations

from assetmap.errors import UserError
from assetmap.postgis.connect import check_identifier, connect, redact, schema_of
from assetmap.postgis.survey_sink import ensure_table

ROLES = ("surveyor", "team_lead", "planner")
PLAN_TABLE_PREFIX = "assetmap_territory_"
BASE_TABLES = ("assetmap_project", "assetmap_layers", "assetmap_pg_layers")


def _tables(cur, schema: str) -> list[str]:
    return [r[0] for r in cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema=%s AND table_type='BASE TABLE' "
        "ORDER BY table_name", (schema,))]


def _complete_published_tables(cur) -> None:
    """Keys and unique indexes publish does not copy, made here by the owner, so that people in the
    roles (who may not ALTER tables) can add plans and merge surveys."""
    from assetmap.postgis.sqlcompat import PgCon

    pg = PgCon(cur, None)
    if pg.has_table(f"{PLAN_TABLE_PREFIX}plans"):
        pg.ensure_identity(f"{PLAN_TABLE_PREFIX}plans", "plan_id")
        pg.ensure_unique(f"{PLAN_TABLE_PREFIX}plans", ("name",))
    if pg.has_table("assetmap_survey_forms"):
        from assetmap.postgis.survey_db import ensure_survey_tables
        from assetmap.survey.schema import _SCHEMA

        ensure_survey_tables(pg, _SCHEMA)


def init_roles(url: str) -> dict:
    """Create the group roles and every grant and policy; safe to run again after changes."""
    from psycopg import errors, sql

    schema = check_identifier(schema_of(url), "schema name")
    con = connect(url)
    try:
        with con.transaction(), con.cursor() as cur:
            tables = _tables(cur, schema)
            if "assetmap_project" not in tables:
                raise UserError(f"{redact(url)} has no assetmap project in schema '{schema}'.",
                                "Publish one first: assetmap publish PROJECT.gpkg URL")
            ensure_table(cur)
            from assetmap.postgis.versioning import ensure_version_columns

            ensure_version_columns(cur)
            _complete_published_tables(cur)
            tables = _tables(cur, schema)
            layers = [r[0] for r in cur.execute("SELECT name FROM assetmap_pg_layers")]
            for role in ROLES:
                exists = cur.execute("SELECT 1 FROM pg_roles WHERE rolname=%s", (role,)).fetchone()
                if not exists:
                    try:
                        cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                    except errors.InsufficientPrivilege as exc:
                        raise UserError(f"{redact(url)}: this user may not create roles.",
                                        "Run init-roles as the database owner or a user with CREATEROLE.") from exc
            s = sql.Identifier(schema)
            everyone = sql.SQL(", ").join(map(sql.Identifier, ROLES))
            cur.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM PUBLIC, {}").format(s, everyone))
            cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, everyone))
            cur.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO planner, team_lead").format(s))
            cur.execute(sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA {} GRANT SELECT ON TABLES TO planner, "
                                "team_lead").format(s))
            for t in tables:
                if t.startswith(PLAN_TABLE_PREFIX):
                    cur.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO team_lead").format(sql.Identifier(t)))
            readable = [t for t in tables if t in layers or t in BASE_TABLES]
            if readable:
                cur.execute(sql.SQL("GRANT SELECT ON {} TO surveyor").format(
                    sql.SQL(", ").join(map(sql.Identifier, readable))))
            cur.execute("GRANT SELECT, INSERT, UPDATE ON survey_submissions TO surveyor")
            cur.execute("ALTER TABLE survey_submissions ENABLE ROW LEVEL SECURITY")
            cur.execute("ALTER TABLE survey_submissions FORCE ROW LEVEL SECURITY")
            for name in ("surveyor_own_rows", "readers_all_rows", "owner_all_rows"):
                cur.execute(sql.SQL("DROP POLICY IF EXISTS {} ON survey_submissions").format(sql.Identifier(name)))
            cur.execute("CREATE POLICY surveyor_own_rows ON survey_submissions FOR ALL TO surveyor "
                        "USING (surveyor = current_user) WITH CHECK (surveyor = current_user)")
            cur.execute("CREATE POLICY readers_all_rows ON survey_submissions FOR SELECT TO planner, team_lead "
                        "USING (true)")
            # FORCE applies the policies to the table owner too; give the owner (the admin) everything.
            cur.execute("CREATE POLICY owner_all_rows ON survey_submissions FOR ALL TO CURRENT_USER "
                        "USING (true) WITH CHECK (true)")
    finally:
        con.close()
    return {"schema": schema, "roles": list(ROLES)}
