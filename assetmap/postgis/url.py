"""The ``postgresql://`` URL of a shared project, from the fields a person fills in, and back.

The Open-shared-project dialog (assetmap.ui.shared_project_dialog) remembers only what
``public_fields`` returns: the password never goes into settings, recent-file lists,
window titles or logs (``redact`` is what those show).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from assetmap.errors import UserError
from assetmap.postgis.connect import DEFAULT_SCHEMA, check_identifier, redact, schema_of

DEFAULT_PORT = 5432


@dataclass
class SharedTarget:
    host: str
    database: str
    user: str
    password: str = ""
    port: int = DEFAULT_PORT
    schema: str = DEFAULT_SCHEMA

    def url(self) -> str:
        """The URL assetmap commands take; user and password percent-encoded (``@``, ``:``, ``/`` are safe)."""
        host, database, user = self.host.strip(), self.database.strip(), self.user.strip()
        missing = [n for n, v in (("server", host), ("database", database), ("user name", user)) if not v]
        if missing:
            raise UserError(f"The shared project needs a {' and a '.join(missing)}.",
                            "Ask your database administrator for them.")
        try:
            port = int(self.port)
        except (TypeError, ValueError):
            raise UserError(f"'{self.port}' is not a port number.", "Use the server's port, usually 5432.") from None
        if not 0 < port < 65536:
            raise UserError(f"{port} is not a port number.", "Use the server's port, usually 5432.")
        schema = check_identifier(self.schema.strip() or DEFAULT_SCHEMA, "schema name")
        auth = quote(user, safe="")
        if self.password:
            auth += ":" + quote(self.password, safe="")
        host_part = f"[{host}]" if ":" in host else host
        url = f"postgresql://{auth}@{host_part}:{port}/{quote(database, safe='')}"
        if schema != DEFAULT_SCHEMA:
            url += f"?options=-csearch_path%3D{schema}"
        return url

    def public_fields(self) -> dict[str, str]:
        """What may be remembered between sessions: everything but the password."""
        return {"host": self.host, "port": str(self.port), "database": self.database, "user": self.user,
                "schema": self.schema}


def target_of(url: str) -> SharedTarget:
    """The fields of a ``postgresql://`` URL (to fill the dialog from one pasted or given)."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise UserError(f"'{redact(url)}' is not a postgresql:// URL.",
                        "Write it as postgresql://USER@HOST:PORT/DATABASE")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise UserError(f"'{redact(url)}' has a bad port number.", "Use the server's port, usually 5432.") from None
    return SharedTarget(host=parts.hostname or "", database=unquote(parts.path.lstrip("/")),
                        user=unquote(parts.username or ""), password=unquote(parts.password or ""),
                        port=port, schema=schema_of(url))
