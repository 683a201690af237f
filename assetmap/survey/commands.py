"""Survey edits as undoable commands (see ``assetmap.commands``).

Undo never rewrites history: undoing an edit saves the previous answers as a new
revision, undoing a create deletes the response (kept, restorable), and redo
restores or re-saves. Every step is one durable save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assetmap.commands import Command

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.survey.response import Response
    from assetmap.survey.store import SurveyStore


class SaveResponse(Command):
    """A new response."""

    def __init__(self, store: "SurveyStore", form_id: str, answers: dict[str, Any], *, surveyor: str,
                 device_id: str | None = None, media: dict | None = None):
        self.store, self.form_id, self.answers = store, form_id, dict(answers)
        self.surveyor, self.device_id, self.media = surveyor, device_id, media
        self.uuid: str | None = None
        self.response: "Response | None" = None
        self.text = "new survey entry"

    def do(self) -> None:
        if self.uuid is None:
            self.response = self.store.save(self.form_id, self.answers, surveyor=self.surveyor,
                                            device_id=self.device_id, media=self.media)
            self.uuid = self.response.uuid
        else:
            self.response = self.store.restore(self.uuid, self.surveyor)

    def undo(self) -> None:
        self.store.delete(self.uuid, self.surveyor)

    def events(self, undone: bool) -> list:
        return _changed(self.store, self.form_id)


def _changed(store: "SurveyStore", form_id: str) -> list:
    """A form's responses and its survey layer changed."""
    from assetmap.session import DATA, LayerChanged, SurveyResponsesChanged

    return [LayerChanged(store.layer(form_id), frozenset({DATA})), SurveyResponsesChanged(form_id)]


class EditResponse(Command):
    """New answers for an existing response."""

    def __init__(self, store: "SurveyStore", uuid: str, answers: dict[str, Any], *, surveyor: str,
                 media: dict | None = None):
        self.store, self.uuid, self.answers, self.surveyor, self.media = store, uuid, dict(answers), surveyor, media
        self.before: dict[str, Any] | None = None
        self.response: "Response | None" = None
        self.text = "edit survey entry"

    def do(self) -> None:
        current = self.store.get(self.uuid)
        if self.before is None:
            self.before = current.answers
        self.response = self.store.save(current.form_id, self.answers, uuid=self.uuid, surveyor=self.surveyor,
                                        media=self.media)

    def undo(self) -> None:
        form_id = self.store.get(self.uuid).form_id
        self.store.save(form_id, self.before, uuid=self.uuid, surveyor=self.surveyor)

    def events(self, undone: bool) -> list:
        return _changed(self.store, self.store.get(self.uuid).form_id)


class DeleteResponse(Command):
    def __init__(self, store: "SurveyStore", uuid: str, *, surveyor: str):
        self.store, self.uuid, self.surveyor = store, uuid, surveyor
        self.text = "delete survey entry"

    def do(self) -> None:
        self.store.delete(self.uuid, self.surveyor)

    def undo(self) -> None:
        self.store.restore(self.uuid, self.surveyor)

    def events(self, undone: bool) -> list:
        return _changed(self.store, self.store.get(self.uuid).form_id)

class SetReferenceLayers(Command):
    """The street layer(s) volunteers see in survey mode and field packages (``whereabouts``)."""

    def __init__(self, project, layers: list[str]):
        from assetmap.survey.whereabouts import marked_references

        self.project, self.after = project, list(layers)
        self.before = marked_references(project)
        self.text = "reference streets for volunteers"

    def do(self) -> None:
        from assetmap.survey.whereabouts import set_references

        set_references(self.project, self.after)

    def undo(self) -> None:
        from assetmap.survey.whereabouts import set_references

        set_references(self.project, self.before)


class InstallForm(Command):
    """Install a form (Survey › Use the built-in form / Load an XLSForm) as one undo step.

    A new form's layer is added (undo removes it, redo brings it back from the undo stash); a form
    already installed is upgraded in place, so its layer is replaced (undo restores the layer as
    it was, columns and style). The form's row in ``assetmap_survey_forms`` follows either way."""

    def __init__(self, project, stash, form):
        self.project, self.stash, self.form = project, stash, form
        self.text = f"install survey form {form.title or form.form_id}"
        self._layers: Command | None = None   # the AddLayers / ReplaceLayer made by the first do
        self._rows: tuple = (None, None)      # the form's row before and after

    def do(self) -> None:
        if self._layers is None:
            self._install()
        else:
            self._layers.do()
            self._put_row(self._rows[1])

    def _install(self) -> None:
        from assetmap.layer_commands import AddLayers, ReplaceLayer
        from assetmap.survey import schema as S
        from assetmap.survey.store import SurveyStore

        layer = S.layer_name(self.form.form_id)
        before = self._row()
        key = self.stash.put(self.project, layer) if before is not None and self.project.has_layer(layer) else None
        try:
            SurveyStore(self.project).install_form(self.form)
        except Exception:
            if key is not None:
                self.stash.drop(key)
            raise
        self.layer = layer
        self._rows = (before, self._row())
        self._layers = (ReplaceLayer(self.project, self.stash, layer, key, self.text) if key is not None
                        else AddLayers(self.project, self.stash, [layer], self.text))
        self._layers.do()   # already done: this only arms its redo

    def undo(self) -> None:
        self._layers.undo()
        self._put_row(self._rows[0])

    def _row(self):
        from assetmap.survey import schema as S

        with self.project.edit() as tx, tx.sql() as con:
            if not con.has_table(S.FORMS):
                return None
            row = con.execute(f"SELECT form_id, version, title, layer, json, installed_at FROM {S.FORMS} "
                              "WHERE form_id=?", (self.form.form_id,)).fetchone()
        return tuple(row) if row is not None else None

    def _put_row(self, row) -> None:
        from assetmap.survey import schema as S

        with self.project.edit() as tx, tx.sql() as con:
            if row is None:
                con.execute(f"DELETE FROM {S.FORMS} WHERE form_id=?", (self.form.form_id,))
            else:
                con.execute(con.replace_sql(S.FORMS, 6), row)
                if self.project.has_layer(self.layer):   # what the layer copy does not carry
                    con.ensure_identity(self.layer, "fid")
                    con.ensure_unique(self.layer, ("uuid",))

    def events(self, undone: bool) -> list:
        from assetmap.session import SurveyFormsChanged

        return self._layers.events(undone) + [SurveyFormsChanged(self.form.form_id)]


class SurveyTables:
    """What a survey merge or import may write (a ``layer_commands.TableSet``): every form's layer,
    the forms registry, the history, photos, merges, conflicts and imports tables, and the
    repeats' child tables; undo and redo put them back together."""

    def __init__(self) -> None:
        self.form_of: dict[str, str] = {}   # layer -> form id, of every form seen (a removed one too)

    def layers(self, project) -> list[str]:
        from assetmap.survey import schema as S

        with project.sql_read() as con:
            rows = con.execute(f"SELECT form_id, layer FROM {S.FORMS}").fetchall() if con.has_table(S.FORMS) else []
        for form_id, layer in rows:
            self.form_of[layer] = form_id
        return [layer for _, layer in rows]

    def tables(self, con) -> list[str]:
        from assetmap.survey import repeat_store
        from assetmap.survey import schema as S

        return list(S._SCHEMA) + repeat_store.child_tables(con)   # FORMS first: a child table's form

    def create(self, con, table: str) -> None:
        import json

        from assetmap.survey import repeat_store
        from assetmap.survey import schema as S
        from assetmap.survey.form import form_from_dict

        if table in S._SCHEMA:
            S.ensure_tables(con, {table: S._SCHEMA[table]})
            return
        for (text,) in con.execute(f"SELECT json FROM {S.FORMS}").fetchall():
            form = form_from_dict(json.loads(text))
            if any(repeat_store.table_name(form.form_id, r.name) == table for r in form.repeats()):
                repeat_store.ensure(con, form)
                return
        raise ValueError(f"no installed form has the child table {table}")

    def complete(self, tx, con) -> None:
        from assetmap.survey import schema as S

        if not con.has_table(S.FORMS):
            return
        for (layer,) in con.execute(f"SELECT layer FROM {S.FORMS}").fetchall():
            if con.has_table(layer):  # a copied layer has its rows, not its keys
                con.ensure_identity(layer, "fid")
                con.ensure_unique(layer, ("uuid",))
        if con.has_table(S.HISTORY) and not con.has_table("assetmap_survey_history_uuid"):
            con.execute(S._INDEXES)

    def fingerprint(self, con):
        """The forms installed and the history's last row: every response write logs one."""
        from assetmap.survey import schema as S

        forms = (sorted(tuple(r) for r in con.execute(f"SELECT form_id, version FROM {S.FORMS}").fetchall())
                 if con.has_table(S.FORMS) else None)
        history = (tuple(con.execute(f"SELECT count(*), max(id) FROM {S.HISTORY}").fetchone())
                   if con.has_table(S.HISTORY) else None)
        return forms, history

    def events(self, project, shown: dict[str, bool], hidden: dict[str, bool]) -> list:
        from assetmap.session import (DATA, METADATA, LayerAdded, LayerChanged, LayerRemoved,
                                      SurveyFormsChanged, SurveyResponsesChanged)

        out: list = []
        forms_changed, responses = [], []
        for layer, form_id in self.form_of.items():
            now, then = shown.get(layer, False), hidden.get(layer, False)
            if now and not then:
                out.append(LayerAdded(layer))
            elif then and not now:
                out.append(LayerRemoved(layer))
            elif now:
                out.append(LayerChanged(layer, frozenset({DATA, METADATA})))
            if now != then:
                forms_changed.append(form_id)
            if now:
                responses.append(form_id)
        return (out + [SurveyResponsesChanged(f) for f in responses]
                + [SurveyFormsChanged(f) for f in forms_changed])
