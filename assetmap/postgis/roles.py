"""Roles enforced by the database: ``assetmap admin init-roles``.

- ``surveyor``: reads the *public* layers only (internal ones, made from sensitive
  reports, stay with the office: ``layers.sensitivity``); inserts and edits only its own
  survey submissions (row-level security: ``surveyor = current_user``), never deletes.
- every role but the owner: rows flagged ``confidential`` (DV shelters) and every row that
  points at them (addresses, phones, schedules of a confidential location) are invisible,
  by row-level security forced on each such table.
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
        from assetmap.survey.schema import _INDEXES

        pg.execute(_INDEXES)  # made by the owner now: only an owner may create it later


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
            # Planners make report layers (docs/postgis.md): new tables, and their metadata rows.
            cur.execute(sql.SQL("GRANT CREATE ON SCHEMA {} TO planner").format(s))
            cur.execute("GRANT INSERT, UPDATE, DELETE ON assetmap_layers, assetmap_pg_layers TO planner")
            # Team leads merge field packages (docs/postgis.md): the survey tables and form layers.
            survey = [t for t in tables if (t.startswith("assetmap_survey_") or t.startswith("survey_"))
                      and t != "survey_submissions"]
            if survey:
                cur.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE ON {} TO team_lead").format(
                    sql.SQL(", ").join(map(sql.Identifier, survey))))
                cur.execute("GRANT UPDATE ON assetmap_layers TO team_lead")  # feature counts
                from assetmap.postgis.sqlcompat import PgCon
                from assetmap.survey.repeat_store import child_tables

                children = child_tables(PgCon(cur, None))  # a merge rewrites a household's members
                if children:
                    cur.execute(sql.SQL("GRANT DELETE ON {} TO team_lead").format(
                        sql.SQL(", ").join(map(sql.Identifier, children))))
            cur.execute(sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO team_lead, planner").format(s))
            for t in tables:
                if t.startswith(PLAN_TABLE_PREFIX):
                    cur.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO team_lead").format(sql.Identifier(t)))
            public = _public_layers(cur)
            readable = [t for t in tables if (t in layers and t in public) or t in BASE_TABLES]
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
            _hide_confidential_rows(cur, schema, tables)
    finally:
        con.close()
    return {"schema": schema, "roles": list(ROLES)}


def grant_new_layer(cur, name: str, sensitivity: str) -> None:
    """Whoever makes a layer on a shared project (the owner or a planner) lets the office read it,
    and volunteers too when it is public; nothing when the roles were never set up."""
    from psycopg import sql

    have = {r[0] for r in cur.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(ROLES),))}
    readers = [r for r in ("planner", "team_lead") if r in have]
    if sensitivity == "public" and "surveyor" in have:
        readers.append("surveyor")
    if readers:
        cur.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
            sql.Identifier(name), sql.SQL(", ").join(map(sql.Identifier, readers))))


def _public_layers(cur) -> set[str]:
    from psycopg.rows import dict_row

    from assetmap.layers.sensitivity import resolve
    from assetmap.postgis.project import _info

    rows = cur.connection.cursor(row_factory=dict_row).execute("SELECT * FROM assetmap_layers").fetchall()
    return {i.name for i in resolve(_info(r) for r in rows) if i.sensitivity == "public"}


_TRUE = "lower(coalesce({}::text, '')) IN ('1', 'true', 'yes', 'y', 't')"


def _columns(cur, schema: str, table: str) -> set[str]:
    return {r[0] for r in cur.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_schema=%s AND table_name=%s", (schema, table))}


def _hide_confidential_rows(cur, schema: str, tables: list[str]) -> None:
    """Row-level security: confidential rows, and the rows that point at them, for the owner only."""
    from psycopg import sql

    cols = {t: _columns(cur, schema, t) for t in tables}
    # The ids to hide, computed with the owner's rights (the function runs as its owner), so the
    # policies of the tables that point at them don't depend on what the reader may see.
    def ident(t):
        return sql.Identifier(t).as_string(cur)

    locs = [t for t in ("hubs", "assetmap_hsds_locations") if t in cols and {"id", "confidential"} <= cols[t]]
    loc = " UNION ".join(f"SELECT id::text FROM {ident(t)} WHERE " + _TRUE.format("confidential")
                         for t in locs) or "SELECT NULL::text WHERE false"
    sal_t, svc_t = "assetmap_hsds_service_at_location", "assetmap_hsds_services"
    svc = "SELECT NULL::text WHERE false"
    if svc_t in cols and "confidential" in cols[svc_t]:
        svc = f"SELECT id::text FROM {svc_t} WHERE " + _TRUE.format("confidential")
    sal = "SELECT NULL::text WHERE false"
    if sal_t in cols:
        # a service offered only at confidential places would reveal that they exist
        svc += (f" UNION SELECT service_id::text FROM {sal_t} GROUP BY service_id "
                f"HAVING bool_and(location_id::text IN (SELECT id FROM loc))")
        sal = (f"SELECT id::text FROM {sal_t} WHERE location_id::text IN (SELECT id FROM loc) "
               f"OR service_id::text IN (SELECT id FROM svc)")
    body = (f"WITH loc(id) AS ({loc}), svc(id) AS ({svc}), sal(id) AS ({sal}) "
            "SELECT id FROM loc UNION SELECT id FROM svc UNION SELECT id FROM sal")
    own_ids = {"hubs", "assetmap_hsds_locations", svc_t, sal_t}
    cur.execute(sql.SQL("CREATE OR REPLACE FUNCTION assetmap_hidden_ids() RETURNS SETOF text LANGUAGE sql "
                        "STABLE SECURITY DEFINER SET search_path = {}, public AS {}").format(
        sql.Identifier(schema), sql.Literal(body)))
    cur.execute("REVOKE ALL ON FUNCTION assetmap_hidden_ids() FROM PUBLIC")
    cur.execute(sql.SQL("GRANT EXECUTE ON FUNCTION assetmap_hidden_ids() TO {}").format(
        sql.SQL(", ").join(map(sql.Identifier, ROLES))))
    for t, c in cols.items():
        refs = [r for r in ("location_id", "service_id", "service_at_location_id", "link_id") if r in c]
        if t in own_ids and "id" in c:
            refs.append("id")
        if ("confidential" not in c and not refs) or t == "survey_submissions":  # that one has its own
            continue
        hide = []
        if "confidential" in c:
            hide.append(_TRUE.format("confidential"))
        hide += [f"{r}::text IN (SELECT assetmap_hidden_ids())" for r in refs]
        table = sql.Identifier(t)
        cur.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(table))
        cur.execute(sql.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(table))
        for name in ("not_confidential", "roles_all_rows", "owner_all_rows"):
            cur.execute(sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(name), table))
        # Permissive "all rows" (table grants still decide who reads or writes at all), narrowed by a
        # restrictive policy that no other policy can widen.
        cur.execute(sql.SQL("CREATE POLICY roles_all_rows ON {} FOR ALL TO {} USING (true) WITH CHECK (true)").format(
            table, sql.SQL(", ").join(map(sql.Identifier, ROLES))))
        cur.execute(sql.SQL("CREATE POLICY not_confidential ON {} AS RESTRICTIVE FOR ALL TO {} USING (NOT ({})) "
                            "WITH CHECK (NOT ({}))").format(
            table, sql.SQL(", ").join(map(sql.Identifier, ROLES)),
            sql.SQL(" OR ".join(f"coalesce({h}, false)" for h in hide)),
            sql.SQL(" OR ".join(f"coalesce({h}, false)" for h in hide))))
        cur.execute(sql.SQL("CREATE POLICY owner_all_rows ON {} FOR ALL TO CURRENT_USER USING (true) "
                            "WITH CHECK (true)").format(table))
