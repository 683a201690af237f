"""Survey responses in the project GeoPackage: every acknowledged save is on disk.

A form's layer (``survey_<form_id>``, role ``assets``) is created once through
``Project.edit()`` so its metadata and style are right; after that each save is
one plain SQLite transaction (the feature row + a history row) with
``synchronous=FULL``, so when ``save`` returns the response survives a power cut
or a killed process. Deleting keeps the row (``deleted=1``) with its answers but
no geometry, so nothing draws it and ``restore`` can bring it back.
See ``schema.py`` for the tables, ``response_write.py`` for the rows a save writes and
``form_install.py`` for a form's layer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid as uuidlib
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

from assetmap.errors import UserError
from assetmap.events import Signal
from assetmap.survey import form_install, save_prep
from assetmap.survey import schema as S
from assetmap.survey.device import default_device_id
from assetmap.survey.form import Form, form_from_dict
from assetmap.survey.response import SELECT_RESPONSE, HistoryEntry, Response, from_row, read_current
from assetmap.survey.response import diff  # noqa: F401  (re-exported)
from assetmap.survey.response_write import insert_copies, insert_copy, log  # noqa: F401  (re-exported)
from assetmap.survey.response_write import write

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project


class SurveyStore:
    """Responses of the forms installed in one project (or field package)."""

    def __init__(self, project: "Project", device_id: str | None = None):
        self.project = project
        self._device_id = device_id
        self._forms: dict[str, Form] | None = None
        self._geo: dict[str, tuple[int, Any]] = {}
        self._geocoder = None  # save_prep's SaveGeocoder, kept so the locators load once per store
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
            form_install.install(self.project, tx, form, layer)
        else:
            with self.project.edit() as tx:
                form_install.install(self.project, tx, form, layer)
        self._forms = None
        return layer

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
        sql = f'{SELECT_RESPONSE} FROM "{S.layer_name(form_id)}" WHERE 1=1'
        args: list[Any] = []
        if surveyor is not None:
            sql += " AND surveyor=?"
            args.append(surveyor)
        if not include_deleted:
            sql += " AND deleted=0"
        with self._read() as con:
            rows = con.execute(sql + " ORDER BY created_at, fid", args).fetchall()
        return [from_row(form, r) for r in rows]

    def find(self, uuid: str) -> Response | None:
        with self._read() as con:
            for form in self._load_forms().values():
                found = read_current(con, form, uuid)
                if found is not None:
                    return found
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
        answers, blobs = save_prep.with_photos(form, answers, media)
        answers, placement, geo_cols = save_prep.place_address(self, form, answers, uuid)
        inner = save_prep.place_repeat_addresses(self, form, answers, uuid)
        answers = inner.answers if inner is not None else answers
        # An address that was looked up and not found: saved without a location, even a required one.
        answers = save_prep.validated(form, answers,
                                      allow_no_location=placement is not None and not placement.placed,
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
