"""Survey responses in the project GeoPackage: every acknowledged save is on disk.

A form's layer (``survey_<form_id>``, role ``assets``) is created once through
``Project.edit()`` so its metadata and style are right; after that each save is
one plain SQLite transaction (the feature row + a history row) with
``synchronous=FULL``, so when ``save`` returns the response survives a power cut
or a killed process. Deleting keeps the row (``deleted=1``) with its answers but
no geometry, so nothing draws it and ``restore`` can bring it back.
See ``schema.py`` for the tables.
"""

from __future__ import annotations

import json
import mimetypes
import os
import sqlite3
import uuid as uuidlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from assetmap.errors import UserError
from assetmap.events import Signal
from assetmap.project.store import utc_now
from assetmap.survey import schema as S
from assetmap.survey.form import Form, form_from_dict, form_to_dict

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

_SELECT = "SELECT uuid, surveyor, device_id, created_at, modified_at, revision, deleted, confidential, answers"


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


def default_device_id() -> str:
    """A random id made once per machine and user, kept under the user's config folder."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "assetmap"
    path = base / "device_id"
    try:
        text = path.read_text().strip()
        if text:
            return text
    except OSError:
        pass
    new = str(uuidlib.uuid4())
    try:
        base.mkdir(parents=True, exist_ok=True)
        path.write_text(new + "\n")
    except OSError:
        pass  # a read-only home: the id then lasts for this run only
    return new


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list]:
    out = {}
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if _norm(a) != _norm(b):
            out[key] = [_norm(a), _norm(b)]
    return out


def _norm(v: Any) -> Any:
    return list(v) if isinstance(v, tuple) else v


class SurveyStore:
    """Responses of the forms installed in one project (or field package)."""

    def __init__(self, project: "Project", device_id: str | None = None):
        self.project = project
        self._device_id = device_id
        self._forms: dict[str, Form] | None = None
        self._geo: dict[str, tuple[int, Any]] = {}
        self._geocoder = None
        # Emitted with the response's UUID after each committed save, delete or restore.
        self.changed = Signal()

    @property
    def device_id(self) -> str:
        if self._device_id is None:
            self._device_id = default_device_id()
        return self._device_id

    # ------------------------------------------------------------------ forms
    def install_form(self, form: Form, tx=None) -> str:
        """Store ``form`` in the project and make its layer; returns the layer name.

        Installing a newer version of an installed form keeps its responses and adds
        columns for new questions. ``tx``: a ``Project.edit()`` already open (a merge installs
        a package's forms in the transaction that merges its responses)."""
        layer = S.layer_name(form.form_id)
        if tx is not None:
            self._install(tx, form, layer)
        else:
            with self.project.edit() as tx:
                self._install(tx, form, layer)
        self._forms = None
        return layer

    def _install(self, tx, form: Form, layer: str) -> None:
        """The form's layer and row, in ``tx`` and in its backend's dialect."""
        import geopandas as gpd
        from shapely.geometry import Point

        from assetmap.layers import LayerInfo, LayerRole

        with tx.sql() as con:
            S.ensure_tables(con)
            row = con.execute(f"SELECT layer FROM {S.FORMS} WHERE form_id=?", (form.form_id,)).fetchone()
            if row is None and tx.layer_exists(layer):
                raise UserError(f"{self.project.path} already has a layer named '{layer}' that is not a survey.",
                                "Rename or remove that layer, then install the form again.")
            columns = self._columns(form)
            if row is None:
                dummy = {c: [{"int": 0, "float": 0.0}.get(kind, "x")] for c, kind in columns.items()}
                gdf = gpd.GeoDataFrame(dummy, geometry=[Point(0, 0)], crs=self.project.crs)
                info = LayerInfo(layer, LayerRole.ASSETS, form.title or form.form_id, source=f"survey form {form.form_id}",
                                 style=_style(form), extra=_extra(form))
                info = tx.write_layer(gdf, info)
                # GDAL can't make an empty table of a known geometry type: write one row, drop it.
                con.execute(f'DELETE FROM "{layer}"')
                con.reset_extent(layer)
                con.ensure_identity(layer, "fid")
                con.ensure_unique(layer, ("uuid",))
                info.feature_count, info.geometry_type = 0, "Point"
                tx.update_layer_info(info)
            else:
                have = set(con.columns(layer))
                for col, kind in columns.items():
                    if col not in have:
                        con.add_column(layer, col, kind)
                info = self.project.layer(layer)
                info.style, info.extra = _style(form), _extra(form)
                info.display_name = form.title or info.display_name
                tx.update_layer_info(info)
            if form.repeats():  # one attribute table per repeat, visible at once in QGIS
                from assetmap.survey import repeat_store

                repeat_store.ensure(con, form)
            con.execute(con.replace_sql(S.FORMS, 6),
                        (form.form_id, form.version or "", form.title or "", layer,
                         json.dumps(form_to_dict(form)), utc_now()))

    @staticmethod
    def _columns(form: Form) -> dict[str, str]:
        cols = {"uuid": "str", "surveyor": "str", "device_id": "str", "created_at": "str",
                "modified_at": "str", "revision": "int", "deleted": "int", "confidential": "int",
                "answers": "str"}
        for name, col in S.column_map(form).items():
            cols.setdefault(col, S.column_kind(form.question(name)))
        if S.label_column(form):
            cols[S.label_column(form)] = "str"
        from assetmap.geocode.survey import GEOCODE_COLUMNS, address_question

        if address_question(form) is not None:
            for col, kind in GEOCODE_COLUMNS.items():
                cols.setdefault(col, kind)
        return cols

    def forms(self) -> list[Form]:
        return list(self._load_forms().values())

    def _load_forms(self) -> dict[str, Form]:
        if self._forms is None:
            with self._read() as con:
                if not S.has_table(con, S.FORMS):
                    rows = []
                else:
                    rows = con.execute(f"SELECT json FROM {S.FORMS} ORDER BY installed_at, form_id").fetchall()
            self._forms = {f.form_id: f for f in (form_from_dict(json.loads(r[0])) for r in rows)}
        return self._forms

    def form(self, form_id: str) -> Form:
        forms = self._load_forms()
        if form_id not in forms:
            have = ", ".join(forms) or "none yet"
            raise UserError(f"{self.project.path} has no survey form '{form_id}' (installed: {have}).",
                            "Install it first: assetmap survey install PROJECT.gpkg --builtin (or FORM.xlsx).")
        return forms[form_id]

    def layer(self, form_id: str) -> str:
        self.form(form_id)
        return S.layer_name(form_id)

    # ------------------------------------------------------------------ reading
    def responses(self, form_id: str, surveyor: str | None = None, include_deleted: bool = False) -> list[Response]:
        form = self.form(form_id)
        sql = f'{_SELECT} FROM "{S.layer_name(form_id)}" WHERE 1=1'
        args: list[Any] = []
        if surveyor is not None:
            sql += " AND surveyor=?"
            args.append(surveyor)
        if not include_deleted:
            sql += " AND deleted=0"
        with self._read() as con:
            rows = con.execute(sql + " ORDER BY created_at, fid", args).fetchall()
        return [_response(form, r) for r in rows]

    def find(self, uuid: str) -> Response | None:
        with self._read() as con:
            for form in self._load_forms().values():
                row = con.execute(f'{_SELECT} FROM "{S.layer_name(form.form_id)}" WHERE uuid=?', (uuid,)).fetchone()
                if row:
                    return _response(form, row)
        return None

    def get(self, uuid: str) -> Response:
        found = self.find(uuid)
        if found is None:
            raise UserError(f"{self.project.path} has no survey response {uuid}.",
                            "List the responses with `assetmap survey export`, or check the id.")
        return found

    def history(self, uuid: str) -> list[HistoryEntry]:
        with self._read() as con:
            if not S.has_table(con, S.HISTORY):
                return []
            rows = con.execute(f"SELECT revision, action, surveyor, device_id, at, changes, note FROM {S.HISTORY} "
                               "WHERE uuid=? ORDER BY id", (uuid,)).fetchall()
        return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6]) for r in rows]

    def media(self, uuid: str, field_name: str) -> tuple[str, str, bytes] | None:
        """(file name, mime type, bytes) of a photo answer."""
        with self._read() as con:
            if not S.has_table(con, S.MEDIA):
                return None
            row = con.execute(f"SELECT filename, mime, data FROM {S.MEDIA} WHERE uuid=? AND field=?",
                              (uuid, field_name)).fetchone()
        return (row[0], row[1], bytes(row[2])) if row else None

    # ------------------------------------------------------------------ writing
    def save(self, form_id: str, answers: dict[str, Any], *, uuid: str | None = None, surveyor: str,
             device_id: str | None = None, media: dict[str, str | os.PathLike] | None = None) -> Response:
        """Create (no ``uuid``, or an unknown one) or update a response; on disk when it returns.

        ``media`` maps photo questions to image files: their bytes are stored in the project
        and the answer becomes the file name."""
        form = self.form(form_id)
        if not surveyor or not str(surveyor).strip():
            raise UserError("Who is entering this response? The surveyor name is empty.",
                            "Enter your name (it is saved with every response).")
        answers = dict(answers)
        blobs = []
        for name, path in (media or {}).items():
            path = Path(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise UserError(f"Can't read the photo {path} ({exc.strerror}).", "Choose the photo again.") from exc
            field, filename = name, path.name
            if "[" in name:  # a photo inside a repeat, named by its instance: members[2]/photo
                from assetmap.survey import repeat_media

                field, filename = repeat_media.place(form, answers, name, path.name)
            else:
                answers[name] = filename
            blobs.append((field, filename, mimetypes.guess_type(path.name)[0] or "", data))
        answers, placement, geo_cols = self._place_address(form, answers, uuid)
        inner = self._place_repeat_addresses(form, answers, uuid)
        answers = inner.answers if inner is not None else answers
        # An address that was looked up and not found: saved without a location, even a required one.
        answers = _validated(form, answers, allow_no_location=placement is not None and not placement.placed,
                             waived=inner.waived if inner is not None else ())
        with self._tx() as con:
            current = read_current(con, form, uuid) if uuid else None
            if current is not None and current.deleted:
                raise UserError(f"Response {uuid} was deleted.", "Restore it before editing it.")
            if current is not None and not blobs and S.dump_answers(current.answers) == S.dump_answers(answers):
                return current  # nothing changed: no new revision for a merge to mistake for an edit
            if geo_cols:
                from assetmap.geocode.survey import ensure_geocode_columns

                ensure_geocode_columns(con, S.layer_name(form.form_id))
            resp = write(con, self, form, uuid=uuid or str(uuidlib.uuid4()), answers=answers,
                         surveyor=surveyor, device_id=device_id or self.device_id,
                         action="edit" if current else "create", current=current, extra=geo_cols,
                         note="; ".join(n for n in (placement.note() if placement is not None else "",
                                                    inner.note() if inner is not None else "") if n),
                         repeat_geocodes=inner.columns if inner is not None else None)
            for name, filename, mime, data in blobs:
                con.execute(S.replace_sql(con, S.MEDIA, 5), (resp.uuid, name, filename, mime, data))
        resp.geocode = placement
        resp.repeat_geocode = inner.placements if inner is not None else []
        self.changed.emit(resp.uuid)
        return resp

    def _place_address(self, form: Form, answers: dict[str, Any], uuid: str | None):
        """Answers with the location placed from the form's typed address, when there is one and no
        location, and the project has a locator (offline); see ``assetmap.geocode.survey``."""
        from assetmap.geocode.survey import MATCH_COLUMN, SaveGeocoder, address_question, place_on_save

        if address_question(form) is None:
            return answers, None, None
        current, current_match = None, None
        if uuid:
            layer = S.layer_name(form.form_id)
            with self._read() as con:
                row = con.execute(f'{_SELECT} FROM "{layer}" WHERE uuid=?', (uuid,)).fetchone()
                if row is not None:
                    current = _response(form, row).answers
                    if MATCH_COLUMN in con.columns(layer):
                        current_match = con.execute(f'SELECT "{MATCH_COLUMN}" FROM "{layer}" WHERE uuid=?',
                                                    (uuid,)).fetchone()[0]
        if self._geocoder is None:
            self._geocoder = SaveGeocoder(self.project)
        return place_on_save(form, answers, current=current, current_match=current_match,
                             matcher=self._geocoder.matcher)

    def _place_repeat_addresses(self, form: Form, answers: dict[str, Any], uuid: str | None):
        """The typed addresses inside repeats with their own location, placed as the top level's
        (``assetmap.geocode.survey.place_repeats_on_save``); None when the form has none."""
        from assetmap.geocode.survey import SaveGeocoder, place_repeats_on_save, repeat_address_questions
        from assetmap.survey import repeat_store

        if not repeat_address_questions(form):
            return None
        current = None
        if uuid:
            with self._read() as con:
                current = repeat_store.stored_instances(con, form, uuid)
        if self._geocoder is None:
            self._geocoder = SaveGeocoder(self.project)
        return place_repeats_on_save(form, answers, current=current, matcher=self._geocoder.matcher)

    def save_imported(self, form_id: str, answers: dict[str, Any], *, uuid: str, surveyor: str,
                      submitted_at: Any = None, source: str = "", version: Any = None,
                      repeat_geocodes: dict[str, list] | None = None) -> str:
        """Save an already validated response from an export, keeping its UUID.

        ``repeat_geocodes``: the match of each repeat instance placed from its address by the
        import (``assetmap.geocode.survey.fill_repeat_locations``).

        Returns 'added', 'updated', 'unchanged' (same answers as stored), 'stale' (the row is
        not newer than the project's copy) or 'conflict' (changed in the export and edited
        here since the last import); stale and conflicting rows are not written, so importing
        an old export never undoes a newer edit (see ``import_base``)."""
        from assetmap.survey import import_base as ib

        form = self.form(form_id)
        when = submitted_at.isoformat() if hasattr(submitted_at, "isoformat") else (submitted_at or None)
        version = version or ib.SourceVersion(when)
        with self._tx() as con:
            current = read_current(con, form, uuid)
            same = current is not None and ib.same_answers(form, current.answers, answers)
            base = ib.taken(con, uuid)
            outcome = ib.decide(current, same, version, base)
            if outcome in ("stale", "conflict"):
                return outcome
            if outcome == "unchanged":
                if base is None or ib.newer(version, base[0]):
                    ib.remember(con, uuid, form_id, source, version, current.revision)
                return outcome
            resp = write(con, self, form, uuid=uuid, answers=answers, surveyor=surveyor, device_id=self.device_id,
                         action="import", current=current, note=source, created_at=when,
                         repeat_geocodes=repeat_geocodes)
            ib.remember(con, uuid, form_id, source, version, resp.revision)
        self.changed.emit(uuid)
        return "updated" if current else "added"

    def delete(self, uuid: str, surveyor: str) -> Response:
        return self._set_deleted(uuid, True, surveyor)

    def restore(self, uuid: str, surveyor: str = "") -> Response:
        return self._set_deleted(uuid, False, surveyor)

    def _set_deleted(self, uuid: str, deleted: bool, surveyor: str) -> Response:
        existing = self.get(uuid)
        form = self.form(existing.form_id)
        with self._tx() as con:
            current = read_current(con, form, uuid)
            if current.deleted == deleted:
                return current
            resp = write(con, self, form, uuid=uuid, answers=current.answers, surveyor=surveyor or current.surveyor,
                         device_id=self.device_id, action="delete" if deleted else "restore",
                         current=current, deleted=deleted)
        self.changed.emit(uuid)
        return resp

    def _read(self):
        return self.project.sql_read()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One durable transaction (``project.sql_write``): committed, and on disk, when the block ends."""
        if getattr(self, "_outer", None) is not None:  # inside a Project.edit() that commits it all
            S.ensure_tables(self._outer)
            yield self._outer
            return
        with self.project.sql_write(S.ensure_tables) as con:
            yield con

    def geo(self, con: sqlite3.Connection, form_id: str) -> tuple[int, Any]:
        """(srs_id of the form's layer, lon/lat -> project CRS transform or None)."""
        if form_id not in self._geo:
            layer = S.layer_name(form_id)
            srs_id = con.geometry(layer)[1]
            transform = None
            crs = self._crs(con)
            if crs != "EPSG:4326":
                from pyproj import Transformer

                transform = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform
            self._geo[form_id] = (srs_id, transform)
        return self._geo[form_id]


    def _crs(self, con) -> str:
        # Through the caller's connection: inside its BEGIN IMMEDIATE a second connection
        # (Project.meta) waits for this one's lock once the transaction has spilled pages
        # to the file, and fails with "database is locked" after 30 s.
        row = con.execute("SELECT value FROM assetmap_project WHERE key='crs'").fetchone()
        return row[0] if row else "EPSG:4326"


# ---------------------------------------------------------------------- shared by store, merge, commands
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



def read_current(con: sqlite3.Connection, form: Form, uuid: str | None) -> Response | None:
    if uuid is None:
        return None
    row = con.execute(f'{_SELECT} FROM "{S.layer_name(form.form_id)}" WHERE uuid=?', (uuid,)).fetchone()
    return _response(form, row) if row else None


def _response(form: Form, r: tuple) -> Response:
    return Response(r[0], form.form_id, S.load_answers(form, r[8]), r[1] or "", r[2] or "", r[3] or "", r[4] or "",
                    int(r[5] or 0), bool(r[6]), bool(r[7]))


def _validated(form: Form, answers: dict[str, Any], allow_no_location: bool = False,
               waived=()) -> dict[str, Any]:
    """The answers to save, checked by the form's rules when the validator is installed.

    ``allow_no_location``: a missing location is not an error (its typed address was not found);
    ``waived``: the same inside repeats, by instance ("members[2]/home")."""
    unknown = [k for k in answers if not form.has_question(k) and form.repeat(k) is None]
    if unknown:
        raise UserError(f"Form '{form.form_id}' has no question named {', '.join(sorted(unknown))}.",
                        "Check the answer names against the form.")
    try:
        from assetmap.survey.validation import evaluate
    except ImportError:
        return answers
    state = evaluate(form, answers)
    if allow_no_location:
        gq = S.geopoint_question(form)
        state.issues = [i for i in state.issues if not (gq and i.question == gq.name and i.kind == "required")]
    if waived:
        state.issues = [i for i in state.issues if not (i.question in waived and i.kind == "required")]
    if not state.ok:
        lines = [f"{getattr(i, 'question', '') or ''}: {getattr(i, 'message', i)}".lstrip(": ") for i in state.issues]
        raise UserError("The response was not saved: " + "; ".join(lines) + ".",
                        "Correct the answers named above and save again.")
    return dict(state.values)


def _style(form: Form) -> dict:
    from assetmap.layers.style import OKABE_ITO, SYMBOLS, Style
    from assetmap.layers.roles import LayerRole

    tq = S.type_question(form)
    style = Style.default_for(LayerRole.ASSETS)
    if tq is None or not tq.choices:
        return style.to_dict()
    style.kind, style.field = "categorized", S.label_column(form)
    # Past every colour-and-symbol pair the legend tells nothing apart (a list of thousands of
    # places took seconds to style): the rest share the "other" colour.
    for i, choice in enumerate(tq.choices[:len(OKABE_ITO) * len(SYMBOLS)]):
        label = choice.label(form.default_language)
        style.categories[label] = OKABE_ITO[i % len(OKABE_ITO)]
        # Past eight types the colours repeat, so the symbol tells them apart.
        style.symbols[label] = SYMBOLS[(i // len(OKABE_ITO)) % len(SYMBOLS)]
    return style.validate().to_dict()


def _extra(form: Form) -> dict:
    tq = S.type_question(form)
    return {"survey_form": form.form_id,
            "type_field": S.column_map(form)[tq.name] if tq else None,
            "label_field": S.label_column(form)}
