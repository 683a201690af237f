"""Survey submissions on a shared server: idempotent, so any client may resend anything.

Each response carries its own UUID (made on the device), so a resent or retried
submission never creates a second row. A newer edit (later ``modified_at``)
replaces the stored one; an exact or older resend changes nothing. The fields
mirror a survey response record: uuid, surveyor, device_id, created_at,
modified_at, form_id, answers (JSON), geometry (a point, SRID of the project).
``surveyor`` defaults to the database user, which row-level security checks
(see roles.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

TABLE = "survey_submissions"

CREATE_SQL = """
CREATE TABLE IF NOT EXISTS survey_submissions (
  uuid uuid PRIMARY KEY,
  surveyor text NOT NULL DEFAULT current_user,
  device_id text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  modified_at timestamptz NOT NULL,
  form_id text NOT NULL,
  answers jsonb NOT NULL DEFAULT '{{}}'::jsonb,
  geom geometry(Point, {srid}),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS survey_submissions_geom_gist ON survey_submissions USING GIST (geom);
CREATE INDEX IF NOT EXISTS survey_submissions_surveyor ON survey_submissions (surveyor);
"""

# xmax = 0 only on a freshly inserted row version: tells insert from update in one round trip.
UPSERT_SQL = """
INSERT INTO survey_submissions AS s (uuid, surveyor, device_id, created_at, modified_at, form_id, answers, geom)
VALUES (%(uuid)s, coalesce(%(surveyor)s, current_user), %(device_id)s, %(created_at)s, %(modified_at)s,
        %(form_id)s, %(answers)s::jsonb,
        CASE WHEN %(x)s::float8 IS NULL THEN NULL
             ELSE ST_SetSRID(ST_MakePoint(%(x)s::float8, %(y)s::float8), {srid}) END)
ON CONFLICT (uuid) DO UPDATE SET
  device_id = EXCLUDED.device_id, modified_at = EXCLUDED.modified_at, form_id = EXCLUDED.form_id,
  answers = EXCLUDED.answers, geom = EXCLUDED.geom, received_at = now()
WHERE s.modified_at < EXCLUDED.modified_at
RETURNING (xmax = 0) AS inserted
"""


@dataclass
class Submission:
    uuid: str
    form_id: str
    created_at: datetime
    modified_at: datetime
    answers: dict[str, Any] = field(default_factory=dict)
    surveyor: str | None = None      # None: the database user submitting it
    device_id: str = ""
    x: float | None = None
    y: float | None = None

    def params(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "surveyor": self.surveyor, "device_id": self.device_id,
                "created_at": self.created_at, "modified_at": self.modified_at, "form_id": self.form_id,
                "answers": json.dumps(self.answers, sort_keys=True), "x": self.x, "y": self.y}


def project_srid(con) -> int:
    """The SRID of the project CRS (survey points are stored in it), 4326 without a project."""
    from assetmap.postgis.publish import resolve_srid

    if con.execute("SELECT to_regclass('assetmap_project')").fetchone()[0] is None:
        return 4326
    row = con.execute("SELECT value FROM assetmap_project WHERE key='crs'").fetchone()
    return resolve_srid(con, row[0]) if row else 4326


def ensure_table(con, srid: int | None = None) -> None:
    """Create the submissions table in the project schema (the connection's search_path)."""
    srid = int(srid if srid is not None else project_srid(con))
    for statement in CREATE_SQL.format(srid=srid).split(";"):
        if statement.strip():
            con.execute(statement)


class SurveySink:
    """Submits responses on one connection (autocommit: each submission is its own transaction)."""

    def __init__(self, con, srid: int = 4326):
        self.con = con
        self._sql = UPSERT_SQL.format(srid=int(srid))

    def submit(self, sub: Submission) -> str:
        """Store one response; 'inserted', 'updated' or 'unchanged'. Returns only once committed."""
        with self.con.transaction():
            row = self.con.execute(self._sql, sub.params()).fetchone()
        if row is None:
            return "unchanged"
        return "inserted" if row[0] else "updated"
