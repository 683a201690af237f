"""Connecting to a shared project: URL parsing, schema choice, clear errors."""

from __future__ import annotations

import re
from typing import Any

from assetmap.errors import UserError

DEFAULT_SCHEMA = "assetmap"
_SEARCH_PATH = re.compile(r"-c\s*search_path\s*=\s*([A-Za-z_][A-Za-z0-9_$]*)")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def schema_of(url: str) -> str:
    """The project schema: ``options=-csearch_path=NAME`` in the URL, else 'assetmap'."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(url)
    except Exception as exc:  # psycopg raises ProgrammingError for a malformed URL
        raise UserError(f"'{redact(url)}' is not a valid PostgreSQL URL ({exc}).",
                        "Write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE") from exc
    m = _SEARCH_PATH.search(str(params.get("options") or ""))
    return m.group(1) if m else DEFAULT_SCHEMA


def check_identifier(name: str, what: str = "name") -> str:
    if not _IDENT.match(name):
        raise UserError(f"'{name}' can't be used as a PostgreSQL {what}.",
                        "Use letters, digits and underscores, starting with a letter.")
    return name


def connect(url: str, schema: str | None = None, autocommit: bool = False, **kwargs: Any):
    """A psycopg connection whose search_path is the project schema then public (PostGIS)."""
    import psycopg

    schema = check_identifier(schema or schema_of(url), "schema name")
    try:
        con = psycopg.connect(url, autocommit=autocommit, connect_timeout=10, **kwargs)
    except psycopg.OperationalError as exc:
        raise UserError(f"Can't connect to {redact(url)}: {str(exc).strip()}",
                        "Check the host, port, user name and password, and that the server is running.") from exc
    # set_config keeps the connection's transaction state as the caller asked for.
    con.execute("SELECT set_config('search_path', %s, false)", (f'"{schema}", public',))
    if not autocommit:
        con.commit()
    return con


def require_postgis(con, url: str) -> None:
    """Refuse a database without the PostGIS extension before anything is written to it."""
    row = con.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
    if row is None:
        raise UserError(f"The database {redact(url)} does not have the PostGIS extension.",
                        "Ask its administrator to run CREATE EXTENSION postgis; in that database "
                        "(the package is postgresql-postgis or postgresql-VERSION-postgis-3), then try again.")
