"""A response's layer row, repeat rows and history row, written inside the caller's transaction.

Shared by the store (a save, delete, restore or import), merge (a package's responses and a
resolved conflict) and pack (responses copied into a field package as they are).
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from assetmap.project.store import utc_now
from assetmap.survey import schema as S
from assetmap.survey.form import Form
from assetmap.survey.response import Response, diff

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.survey.store import SurveyStore


def write(con: sqlite3.Connection, store: SurveyStore, form: Form, *, uuid: str, answers: dict[str, Any],
          surveyor: str, device_id: str, action: str, current: Response | None = None,
          deleted: bool | None = None, note: str = "", created_at: str | None = None,
          revision: int | None = None, extra: dict[str, Any] | None = None,
          repeat_geocodes: dict[str, list] | None = None) -> Response:
    """Insert or update one response and its history row, inside the caller's transaction.

    ``extra``: more layer columns to set (the geocode match of a typed address);
    ``repeat_geocodes``: the same for addresses inside repeats, per instance (``repeat_store.write``)."""
    now = utc_now()
    deleted = current.deleted if deleted is None and current else bool(deleted)
    changes = diff(current.answers if current else {}, answers)
    if current is not None and current.deleted != deleted:
        changes["deleted"] = [current.deleted, deleted]
    rev = revision if revision is not None else (current.revision + 1 if current else 1)
    flat = S.flat_row(form, answers)
    resp = Response(uuid, form.form_id, dict(answers), current.surveyor if current else surveyor,
                    device_id if not current else current.device_id, created_at or (current.created_at if current else now),
                    now, rev, deleted, bool(flat["confidential"]))
    values = {"uuid": uuid, "surveyor": resp.surveyor, "device_id": resp.device_id, "created_at": resp.created_at,
              "modified_at": now, "revision": rev, "deleted": int(deleted), "answers": S.dump_answers(answers),
              **flat, **(extra or {})}
    _put(con, store, form, values, insert=current is None, repeat_geocodes=repeat_geocodes)
    if form.repeats():  # a removed member's photo goes with it
        from assetmap.survey import repeat_media

        repeat_media.prune(con, form, uuid, answers)
    log(con, uuid, form.form_id, rev, action, surveyor, device_id, changes, note, at=now)
    return resp


def log(con: sqlite3.Connection, uuid: str, form_id: str, revision: int, action: str, surveyor: str,
        device_id: str, changes: dict, note: str = "", at: str | None = None) -> None:
    con.execute(f"INSERT INTO {S.HISTORY} (uuid, form_id, revision, action, surveyor, device_id, at, changes, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uuid, form_id, revision, action, surveyor, device_id, at or utc_now(),
                 json.dumps(changes, ensure_ascii=False), note))


def insert_copy(con: sqlite3.Connection, store: SurveyStore, form: Form, resp: Response) -> None:
    """Insert ``resp`` exactly as it is (uuid, revision, times, authors) into ``store``'s file."""
    values = {"uuid": resp.uuid, "surveyor": resp.surveyor, "device_id": resp.device_id,
              "created_at": resp.created_at, "modified_at": resp.modified_at, "revision": resp.revision,
              "deleted": int(resp.deleted), "answers": S.dump_answers(resp.answers), **S.flat_row(form, resp.answers)}
    _put(con, store, form, values, insert=True)


def insert_copies(con: sqlite3.Connection, store: SurveyStore, form: Form, responses: list[Response]) -> None:
    """``insert_copy`` for many responses at once: one statement, one extent and count update."""
    if not responses:
        return
    layer = S.layer_name(form.form_id)
    flat = S.flattener(form)
    geom_col = con.geometry(layer)[0]
    rows, xs, ys = [], [], []
    for resp in responses:
        xy = None if resp.deleted else _xy(con, store, form, resp.answers)
        if xy is not None:
            xs.append(xy[0])
            ys.append(xy[1])
        rows.append({"uuid": resp.uuid, "surveyor": resp.surveyor, "device_id": resp.device_id,
                     "created_at": resp.created_at, "modified_at": resp.modified_at, "revision": resp.revision,
                     "deleted": int(resp.deleted), "answers": S.dump_answers(resp.answers), **flat(resp.answers),
                     geom_col: None if xy is None else con.point(*xy)})
    cols = list(rows[0])
    con.executemany(f'INSERT INTO "{layer}" ({", ".join(map(_q, cols))}) VALUES ({", ".join("?" * len(cols))})',
                    [[r[c] for c in cols] for r in rows])
    con.execute("UPDATE assetmap_layers SET feature_count = feature_count + ? WHERE name=?", (len(rows), layer))
    if form.repeats():  # a field package's members too, not only its households
        from assetmap.survey import repeat_store

        repeat_store.write_many(con, form, [(resp.uuid, resp.answers) for resp in responses])
    if xs:
        for x, y in ((min(xs), min(ys)), (max(xs), max(ys))):
            con.note_extent(layer, x, y)


def _put(con: sqlite3.Connection, store: SurveyStore, form: Form, values: dict[str, Any], insert: bool,
         repeat_geocodes: dict[str, list] | None = None) -> None:
    layer = S.layer_name(form.form_id)
    xy = None if values["deleted"] else _xy(con, store, form, S.load_answers(form, values["answers"]))
    if xy is not None:
        con.note_extent(layer, xy[0], xy[1])  # GDAL and QGIS read a layer's extent from gpkg_contents
    values = dict(values, **{con.geometry(layer)[0]: None if xy is None else con.point(*xy)})
    cols = list(values)
    if insert:
        con.execute(f'INSERT INTO "{layer}" ({", ".join(map(_q, cols))}) VALUES ({", ".join("?" * len(cols))})',
                    list(values.values()))
        con.execute("UPDATE assetmap_layers SET feature_count = feature_count + 1 WHERE name=?", (layer,))
    else:
        sets = ", ".join(f"{_q(c)}=?" for c in cols if c != "uuid")
        con.execute(f'UPDATE "{layer}" SET {sets} WHERE uuid=?',
                    [v for c, v in values.items() if c != "uuid"] + [values["uuid"]])
    if form.repeats():
        from assetmap.survey import repeat_store

        repeat_store.write(con, form, values["uuid"], S.load_answers(form, values["answers"]), repeat_geocodes)


def _q(col: str) -> str:
    return f'"{col}"'


def _xy(con: sqlite3.Connection, store: SurveyStore, form: Form,
        answers: dict[str, Any]) -> tuple[float, float, int] | None:
    """(x, y, srid) of the answers' location in the layer's CRS, or None without one."""
    q = S.geopoint_question(form)
    point = answers.get(q.name) if q else None
    if not point:
        return None
    lat, lon = float(point[0]), float(point[1])
    srs_id, transform = store.geo(con, form.form_id)
    x, y = transform(lon, lat) if transform else (lon, lat)
    return x, y, srs_id
