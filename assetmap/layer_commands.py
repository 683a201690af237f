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
        self._infos: dict[str, "LayerInfo"] = {}
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
        import pyogrio

        info = self.info(key)
        gdf = pyogrio.read_dataframe(self.path, layer=key, fid_as_index=True)
        frame = gdf.copy()
        if project.server is not None:  # PostGIS keeps the fids of an index named fid
            frame.index = frame.index.astype("int64").rename("fid")
        else:  # GeoPackage: GDAL takes the fids from a column named like the FID column
            frame.insert(0, "fid", frame.index.astype("int64"))
            frame = frame.reset_index(drop=True)
        kind = info.geometry_type
        with project.edit() as tx:
            written = tx.write_layer(frame, info, replace=replace)
            if not written.geometry_type and kind:   # empty (a survey form's layer): keep its type
                written.geometry_type = kind
                tx.update_layer_info(written)
        return info

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
