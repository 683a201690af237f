"""A survey response and its history entries as values, and a response read back from its layer row."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from assetmap.survey import schema as S
from assetmap.survey.form import Form

SELECT_RESPONSE = "SELECT uuid, surveyor, device_id, created_at, modified_at, revision, deleted, confidential, answers"


@dataclass
class Response:
    uuid: str
    form_id: str
    answers: dict[str, Any]
    surveyor: str
    device_id: str
    created_at: str
    modified_at: str
    revision: int
    deleted: bool = False
    confidential: bool = False
    # What this save did with the form's typed address (assetmap.geocode.survey.AddressPlacement);
    # set by ``SurveyStore.save`` only, not stored as such.
    geocode: Any = field(default=None, compare=False, repr=False)
    # The same for addresses inside repeats (AddressPlacement with ``where``, e.g. "members[2]").
    repeat_geocode: list = field(default_factory=list, compare=False, repr=False)

    def location(self, form: Form) -> tuple[float, float] | None:
        q = S.geopoint_question(form)
        value = self.answers.get(q.name) if q else None
        return tuple(value) if value else None


@dataclass
class HistoryEntry:
    revision: int
    action: str  # create, edit, delete, restore, merge, resolve, import
    surveyor: str
    device_id: str
    at: str
    changes: dict[str, list] = field(default_factory=dict)  # field -> [before, after]
    note: str = ""

    def text(self) -> str:
        what = ", ".join(f"{k}: {v[0]!r} → {v[1]!r}" for k, v in self.changes.items()) or "no change"
        note = f" ({self.note})" if self.note else ""
        return f"r{self.revision} {self.at} {self.action} by {self.surveyor}{note}: {what}"


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    out = {}
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if _norm(a) != _norm(b):
            out[key] = [_norm(a), _norm(b)]
    return out


def _norm(v: Any) -> Any:
    return list(v) if isinstance(v, tuple) else v


def read_current(con: sqlite3.Connection, form: Form, uuid: str | None) -> Response | None:
    if uuid is None:
        return None
    row = con.execute(f'{SELECT_RESPONSE} FROM "{S.layer_name(form.form_id)}" WHERE uuid=?', (uuid,)).fetchone()
    return from_row(form, row) if row else None


def from_row(form: Form, r: tuple) -> Response:
    """The response in a row selected with ``SELECT_RESPONSE``."""
    return Response(r[0], form.form_id, S.load_answers(form, r[8]), r[1] or "", r[2] or "", r[3] or "", r[4] or "",
                    int(r[5] or 0), bool(r[6]), bool(r[7]))
