"""Every change to the set of layers as an undoable command: AddLayers, RemoveLayers, ReplaceLayer.

What undo needs is kept on disk, not in memory: a removed or replaced layer is copied (features
with their fids, and its LayerInfo) into a side GeoPackage next to the project
(``.NAME.gpkg.assetmap-stage-PID-undo.gpkg``, a name ``Project.open`` already sweeps up when the
process that made it is gone) and read back on undo. The stash holds nothing the project did not
hold: the same layers, with the same sensitivity, in the same folder; it is deleted when the undo
history is cleared (a project is opened or closed) and at exit.

Long work (an import, a report aggregation, catchments) writes its layers on a worker thread;
``LayerWork`` notes the layers before it starts, copies those it may overwrite into the stash (on
the worker), and afterwards makes the command that is pushed ``already_done``: its first ``do``
writes nothing, undo and redo move the layers in and out of the stash.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import tempfile
import threading
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.commands import Command
from assetmap.session import DATA, METADATA, LayerAdded, LayerChanged, LayerRemoved

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.layers import LayerInfo

_serial = count(1)


def _q(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def _copy_info(info: "LayerInfo") -> "LayerInfo":
    from assetmap.mapview.commands import _copy

    return _copy(info)


class UndoStash:
    """The side GeoPackage that holds removed and replaced layers while they can be undone."""

    def __init__(self, project) -> None:
        local = project.server is None and Path(str(project.path)).exists()
        folder = Path(project.path).parent if local else Path(tempfile.gettempdir())
        base = Path(str(project.path)).name if local else "shared"
        self.path = folder / f".{base}.assetmap-stage-{os.getpid()}-undo{next(_serial)}.gpkg"
        self._infos: dict[str, "LayerInfo | None"] = {}   # a table's key: None
        self._keys = count(1)
        self._lock = threading.Lock()
        atexit.register(self.close)

    def put(self, project, name: str) -> str:
        """Copy layer ``name`` (features with fids, and its info) into the stash; its key."""
        import pyogrio

        info = _copy_info(project.layer(name))
        gdf = project.read_layer(name)
        with self._lock:
            key = f"layer{next(self._keys)}"
        frame = gdf.copy()
        frame.insert(0, "fid", frame.index.astype("int64"))
        frame = frame.reset_index(drop=True)
        kwargs = {"geometry_type": info.geometry_type or "Unknown"} if len(frame) == 0 else {}
        pyogrio.write_dataframe(frame, self.path, layer=key, driver="GPKG", promote_to_multi=None,
                                layer_options={"FID": "fid"}, **kwargs)
        self._infos[key] = info
        return key

    def info(self, key: str) -> "LayerInfo":
        return _copy_info(self._infos[key])

    def take(self, project, key: str, replace: bool) -> "LayerInfo":
        """Write the stashed layer back into the project (over the current one with ``replace``)."""
        with project.edit() as tx:
            return self.write_back(tx, key, replace)

    def write_back(self, tx, key: str, replace: bool) -> "LayerInfo":
        """``take`` inside the caller's ``project.edit()`` (with other writes, in one transaction)."""
        import pyogrio

        info = self.info(key)
        gdf = pyogrio.read_dataframe(self.path, layer=key, fid_as_index=True)
        frame = gdf.copy()
        if tx.project.server is not None:  # PostGIS keeps the fids of an index named fid
            frame.index = frame.index.astype("int64").rename("fid")
        else:  # GeoPackage: GDAL takes the fids from a column named like the FID column
            frame.insert(0, "fid", frame.index.astype("int64"))
            frame = frame.reset_index(drop=True)
        kind = info.geometry_type
        written = tx.write_layer(frame, info, replace=replace)
        if not written.geometry_type and kind:   # empty (a survey form's layer): keep its type
            written.geometry_type = kind
            tx.update_layer_info(written)
        return info

    # ------------------------------------------------------------------ attribute tables
    def put_table(self, project, table: str) -> str:
        """Copy every row of attribute table ``table`` (all columns, keys included) into the stash,
        a thousand rows at a time; its key."""
        from assetmap.project import gpkg

        with self._lock:
            key = f"table{next(self._keys)}"
            if not self.path.exists():   # a GeoPackage, so that GDAL adds the layers to it
                gpkg.create_empty(self.path)
        with project.sql_read() as src:
            cur = src.execute(f'SELECT * FROM "{table}"')
            cols = [d[0] for d in cur.description]
            out = sqlite3.connect(self.path, isolation_level=None)
            try:
                out.execute("BEGIN")
                out.execute(f'CREATE TABLE "{key}" ({", ".join(_q(c) for c in cols)})')
                sql = f'INSERT INTO "{key}" VALUES ({", ".join("?" * len(cols))})'
                while rows := cur.fetchmany(1000):
                    out.executemany(sql, [tuple(r) for r in rows])
                out.execute("COMMIT")
            finally:
                out.close()
        self._infos[key] = None
        return key

    def fill_table(self, con, key: str, table: str) -> None:
        """Replace the rows of ``table`` (``con``: a project connection inside its transaction, either
        dialect) by the stashed ones, keys and all."""
        src = sqlite3.connect(self.path)
        try:
            cur = src.execute(f'SELECT * FROM "{key}" ORDER BY rowid')
            cols = [d[0] for d in cur.description]
            con.execute(f'DELETE FROM "{table}"')
            sql = f'INSERT INTO "{table}" ({", ".join(_q(c) for c in cols)}) VALUES ({", ".join("?" * len(cols))})'
            while rows := cur.fetchmany(1000):
                con.executemany(sql, rows)
        finally:
            src.close()

    def drop_table(self, key: str) -> None:
        if key not in self._infos or not self.path.exists():
            return
        del self._infos[key]
        con = sqlite3.connect(self.path, isolation_level=None)
        try:
            con.execute(f'DROP TABLE IF EXISTS "{key}"')
        finally:
            con.close()

    def drop(self, key: str) -> None:
        from assetmap.project import gpkg

        if self._infos.pop(key, None) is None or not self.path.exists():
            return
        con = sqlite3.connect(self.path, isolation_level=None)
        try:
            gpkg.register_functions(con)
            con.execute("BEGIN")
            gpkg.drop_feature_table(con, key)
            con.execute("COMMIT")
        finally:
            con.close()

    def close(self) -> None:
        self._infos.clear()
        for p in (self.path, Path(str(self.path) + "-journal"), Path(str(self.path) + "-wal")):
            try:
                p.unlink()
            except OSError:
                pass


class _LayersCommand(Command):
    """A command that may be pushed after its work was done (``already_done``)."""

    def __init__(self, project, stash: UndoStash, text: str, already_done: bool):
        self.project, self.stash, self.text = project, stash, text
        self._skip = already_done

    def do(self) -> None:
        if self._skip:   # the task wrote it: nothing to do the first time
            self._skip = False
            return
        self._do()

    def _do(self) -> None:
        raise NotImplementedError


class AddLayers(_LayersCommand):
    """Layers added (by ``gdf_infos`` now, or by a task: ``already_done``); undo stashes and removes
    them, redo brings the same features back where they were."""

    def __init__(self, project, stash: UndoStash, names: list[str], text: str, *, already_done: bool = True,
                 layers: list | None = None):
        super().__init__(project, stash, text, already_done)
        self.names = list(names)
        self._layers = layers    # [(gdf, info)] to write on the first do (not already_done)
        self._keys: dict[str, str] = {}
        self._order: list[str] = []

    def _do(self) -> None:
        if self._layers is not None:
            with self.project.edit() as tx:
                for gdf, info in self._layers:
                    tx.write_layer(gdf, info)
            self._layers = None
            return
        for name in self.names:
            self.stash.take(self.project, self._keys.pop(name), replace=False)
        self.project.set_layer_order(self._order)

    def undo(self) -> None:
        self._order = self.project.layer_names()
        for name in self.names:
            self._keys[name] = self.stash.put(self.project, name)
            self.project.remove_layer(name)

    def events(self, undone: bool) -> list:
        return [LayerRemoved(n) if undone else LayerAdded(n) for n in self.names]


class RemoveLayers(_LayersCommand):
    """Remove layers; their features and settings wait in the stash for undo."""

    def __init__(self, project, stash: UndoStash, names: list[str], text: str | None = None):
        names = list(names)
        shown = ", ".join(project.layer(n).display_name for n in names)
        super().__init__(project, stash, text or f"remove layer {shown}", already_done=False)
        self.names = names
        self._keys: dict[str, str] = {}
        self._order: list[str] = []

    def _do(self) -> None:
        self._order = self.project.layer_names()
        for name in self.names:
            self._keys[name] = self.stash.put(self.project, name)
            self.project.remove_layer(name)

    def undo(self) -> None:
        for name in self.names:
            self.stash.take(self.project, self._keys.pop(name), replace=False)
        self.project.set_layer_order(self._order)

    def events(self, undone: bool) -> list:
        return [LayerAdded(n) if undone else LayerRemoved(n) for n in self.names]


class ReplaceLayer(_LayersCommand):
    """A layer's features and settings replaced (a join, a re-run into the same name): the
    version not shown is in the stash; undo and redo swap them."""

    def __init__(self, project, stash: UndoStash, name: str, before_key: str, text: str):
        super().__init__(project, stash, text, already_done=True)
        self.name = name
        self._other = before_key   # the stash key of the version not in the project

    def _swap(self) -> None:
        key = self.stash.put(self.project, self.name)
        self.stash.take(self.project, self._other, replace=True)
        self.stash.drop(self._other)
        self._other = key

    def _do(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()

    def events(self, undone: bool) -> list:
        return [LayerChanged(self.name, frozenset({DATA, METADATA}))]


class Batch(Command):
    """Several commands as one undo step (a task that added some layers and replaced others)."""

    def __init__(self, commands: list[Command], text: str):
        self.commands, self.text = list(commands), text

    def do(self) -> None:
        for c in self.commands:
            c.do()

    def undo(self) -> None:
        for c in reversed(self.commands):
            c.undo()

    def events(self, undone: bool) -> list:
        out = []
        for c in (reversed(self.commands) if undone else self.commands):
            out += c.events(undone)
        return out


class LayerWork:
    """Bracket long work that writes layers: ``prepare`` (on the worker, before the work) stashes
    the existing layers it may overwrite; ``command`` (after it) is the undo step to push, or None
    when nothing changed."""

    def __init__(self, project, stash: UndoStash, replaces=()):
        self.project, self.stash = project, stash
        self.before = project.layer_names()
        self.replaces = [n for n in dict.fromkeys(replaces) if n]
        self._keys: dict[str, str] = {}

    def prepare(self) -> None:
        for name in self.replaces:
            if name in self.before:
                self._keys[name] = self.stash.put(self.project, name)

    def discard(self) -> None:
        """The work failed or was cancelled: the project is as it was; forget the copies."""
        for key in self._keys.values():
            self.stash.drop(key)
        self._keys.clear()

    def command(self, text: str) -> Command | None:
        after = self.project.layer_names()
        added = [n for n in after if n not in self.before]
        commands: list[Command] = []
        if added:
            commands.append(AddLayers(self.project, self.stash, added, text))
        for name, key in list(self._keys.items()):
            if name in after:
                commands.append(ReplaceLayer(self.project, self.stash, name, key, text))
            else:
                self.stash.drop(key)
        self._keys.clear()
        if not commands:
            return None
        return commands[0] if len(commands) == 1 else Batch(commands, text)


class AddLayer(AddLayers):
    """One layer made in memory and added now (the bivariate overlay of two report layers)."""

    def __init__(self, project, gdf, info: "LayerInfo", stash: UndoStash | None = None):
        from assetmap.errors import UserError

        if project.has_layer(info.name):
            raise UserError(f"The project already has a layer named '{info.name}'.",
                            "Remove it first, or choose other layers or another period.")
        super().__init__(project, stash or UndoStash(project), [info.name], f"add layer {info.display_name}",
                         already_done=False, layers=[(gdf, info)])


class TableSet:
    """Which layers and attribute tables a kind of work may write, and how to make a table again
    (what ``TableWork`` needs to know of a feature; the survey's is ``survey.commands.SurveyTables``)."""

    def layers(self, project) -> list[str]:
        return []

    def tables(self, con) -> list[str]:
        """Those it may write, existing or not yet; a table another's ``create`` reads comes first."""
        return []

    def create(self, con, table: str) -> None:
        """Make ``table`` (empty) again: a redo brings back a table the work had made."""
        raise NotImplementedError

    def complete(self, tx, con) -> None:
        """After a restore, in its transaction: what a copied layer does not carry (keys, indexes)."""

    def fingerprint(self, con):
        """Something cheap that changes whenever the work writes (None: unknown): work that stopped
        half-way (``TableWork.command(partial=True)``) is an undo step only when it wrote."""
        return None

    def events(self, project, shown: dict[str, bool], hidden: dict[str, bool]) -> list:
        """The events of a swap: ``shown``/``hidden``, each layer and table present or not."""
        return []


def _snapshot(project, stash: UndoStash, tables: TableSet, names: list[str]) -> tuple[dict, dict]:
    """({layer: stash key or None when absent}, {table: key or None}) of the project now."""
    layers = {}
    for name in names[0]:
        layers[name] = stash.put(project, name) if project.has_layer(name) else None
    with project.sql_read() as con:
        present = {t: con.has_table(t) for t in names[1]}
    return layers, {t: stash.put_table(project, t) if present[t] else None for t in names[1]}


class ReplaceTables(Command):
    """Layers and attribute tables written together by a task (a survey merge or import), put back
    as they were: the version not in the project waits in the stash, undo and redo swap. A layer or
    table the work made is removed by undo (``None`` in a snapshot: it was not there)."""

    def __init__(self, project, stash: UndoStash, tables: TableSet, before: tuple[dict, dict], text: str):
        self.project, self.stash, self.tables, self.text = project, stash, tables, text
        self._other = before
        self._names = (list(before[0]), list(before[1]))
        self._skip = True   # pushed after the work: the first do writes nothing
        self._shown: tuple[dict, dict] = ({}, {})

    def _present(self, snap) -> dict[str, bool]:
        return {n: k is not None for part in snap for n, k in part.items()}

    def _swap(self) -> None:
        now = _snapshot(self.project, self.stash, self.tables, self._names)
        other, (layers, tables) = now, self._other
        try:
            with self.project.edit() as tx, tx.sql() as con:
                for name, key in layers.items():
                    exists = tx.layer_exists(name)
                    if key is not None:
                        self.stash.write_back(tx, key, replace=exists)
                    elif exists:
                        tx.remove_layer(name)
                # in the TableSet's order (a registry first: making a table again may read it)
                for table, key in tables.items():
                    if key is None:
                        continue
                    if not con.has_table(table):
                        self.tables.create(con, table)
                    self.stash.fill_table(con, key, table)
                for table, key in tables.items():
                    if key is None and con.has_table(table):
                        con.execute(f'DROP TABLE "{table}"')
                        con.unregister_table(table)
                self.tables.complete(tx, con)
        except BaseException:
            _forget(self.stash, now)
            raise
        _forget(self.stash, self._other)
        self._shown, self._other = (layers, tables), other

    def do(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._swap()

    def undo(self) -> None:
        self._swap()

    def events(self, undone: bool) -> list:
        shown = self._present(self._shown) if self._shown[0] or self._shown[1] else None
        hidden = self._present(self._other)
        if shown is None:   # the first do: the project holds the work's result
            shown = {n: self._exists(n) for n in hidden}
        return self.tables.events(self.project, shown, hidden)

    def _exists(self, name: str) -> bool:
        if name in self._names[0]:
            return self.project.has_layer(name)
        with self.project.sql_read() as con:
            return con.has_table(name)


def _forget(stash: UndoStash, snap) -> None:
    for key in snap[0].values():
        if key is not None:
            stash.drop(key)
    for key in snap[1].values():
        if key is not None:
            stash.drop_table(key)


class TableWork:
    """``LayerWork`` for work that writes attribute tables with its layers (a survey merge or import):
    ``prepare`` (on the worker, before the work) copies what ``tables`` says it may write into the
    stash; ``command`` (after it) is the ``ReplaceTables`` to push, already done."""

    def __init__(self, project, stash: UndoStash, tables: TableSet):
        self.project, self.stash, self.tables = project, stash, tables
        self._before: tuple[dict, dict] | None = None
        self._print = None

    def _names(self) -> tuple[list[str], list[str]]:
        with self.project.sql_read() as con:
            tables = self.tables.tables(con)
        return self.tables.layers(self.project), tables

    def prepare(self) -> None:
        with self.project.sql_read() as con:
            self._print = self.tables.fingerprint(con)
        self._before = _snapshot(self.project, self.stash, self.tables, list(self._names()))

    def discard(self) -> None:
        if self._before is not None:
            _forget(self.stash, self._before)
            self._before = None

    def command(self, text: str, partial: bool = False) -> Command | None:
        """The undo step; ``partial``: the work stopped half-way, a step only if it wrote something."""
        if self._before is None:
            return None
        if partial:
            with self.project.sql_read() as con:
                same = self._print is not None and self.tables.fingerprint(con) == self._print
            if same:
                self.discard()
                return None
        layers, tables = self._before
        names = self._names()
        # what the work made: absent before (undo removes it)
        layers = {**layers, **{n: None for n in names[0] if n not in layers}}
        tables = {**tables, **{t: None for t in names[1] if t not in tables}}
        self._before = None
        return ReplaceTables(self.project, self.stash, self.tables, (layers, tables), text)
