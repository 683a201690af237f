"""Undoable edits of layers as the map window makes them (visibility, opacity, name,
style, order, removal). Plain commands over ``Project``; their ``events`` tell the session's
views what changed, whether by do, undo or redo."""

from __future__ import annotations

from assetmap.commands import Command
from assetmap.layers import LayerInfo
from assetmap.layer_commands import RemoveLayers
from assetmap.session import METADATA, OPACITY, ORDER, STYLE, VISIBILITY, LayerChanged


def _copy(info: LayerInfo) -> LayerInfo:
    d = info.to_dict()
    from assetmap.layers import LayerRole

    d["role"] = LayerRole(d["role"])
    return LayerInfo(**d)


class UpdateLayerInfo(Command):
    """Replace a layer's metadata (visibility, opacity, display name, style) with ``after``."""

    def __init__(self, project, after: LayerInfo, text: str):
        self.project = project
        self.before = _copy(project.layer(after.name))
        self.after = _copy(after)
        self.text = text

    def _apply(self, info: LayerInfo) -> None:
        # Keep the order a later reorder may have set; this command is about the other fields.
        current = self.project.layer(info.name)
        info = _copy(info)
        info.sort_order = current.sort_order
        self.project.update_layer_info(info)

    def do(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def merge_with(self, other: Command) -> bool:
        # A slider drag is one undo step: same layer, same kind of change.
        if isinstance(other, UpdateLayerInfo) and other.after.name == self.after.name and other.text == self.text:
            self.after = other.after
            return True
        return False

    def events(self, undone: bool) -> list:
        return [LayerChanged(self.after.name, info_changes(self.before, self.after))]


def info_changes(a: LayerInfo, b: LayerInfo) -> frozenset:
    """What differs between two states of a layer's metadata, in LayerChanged's words."""
    what = set()
    if a.visible != b.visible:
        what.add(VISIBILITY)
    if a.opacity != b.opacity:
        what.add(OPACITY)
    if (a.style or {}) != (b.style or {}):
        what.add(STYLE)
    if a.display_name != b.display_name or (a.extra or {}) != (b.extra or {}) or a.role != b.role:
        what.add(METADATA)
    return frozenset(what or {METADATA})


class SetLayerOrder(Command):
    text = "reorder layers"

    def __init__(self, project, names: list[str]):
        self.project = project
        self.before = project.layer_names()
        self.after = list(names)

    def _apply(self, names: list[str]) -> None:
        self.project.set_layer_order(names)

    def events(self, undone: bool) -> list:
        return [LayerChanged(n, frozenset({ORDER})) for n in (self.before if undone else self.after)]

    def do(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class RemoveLayer(RemoveLayers):
    """Remove a layer; undo writes the same features (same fids) and metadata back from the
    session's on-disk stash (layer_commands.UndoStash)."""

    def __init__(self, project, name: str, stash=None):
        from assetmap.layer_commands import UndoStash

        super().__init__(project, stash if stash is not None else UndoStash(project), [name])
        self.name = name
