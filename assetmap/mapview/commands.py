"""Undoable edits of layers as the map window makes them (visibility, opacity, name,
style, order, removal). Plain commands over ``Project``; ``on_change(names)`` lets the
view redraw what changed, whether by do, undo or redo."""

from __future__ import annotations

from typing import Callable

from assetmap.commands import Command
from assetmap.layers import LayerInfo

OnChange = Callable[[list[str], str], None]  # (layer names, what: "info" | "order" | "removed" | "added")


def _copy(info: LayerInfo) -> LayerInfo:
    d = info.to_dict()
    from assetmap.layers import LayerRole

    d["role"] = LayerRole(d["role"])
    return LayerInfo(**d)


class UpdateLayerInfo(Command):
    """Replace a layer's metadata (visibility, opacity, display name, style) with ``after``."""

    def __init__(self, project, after: LayerInfo, text: str, on_change: OnChange | None = None):
        self.project = project
        self.before = _copy(project.layer(after.name))
        self.after = _copy(after)
        self.text = text
        self.on_change = on_change

    def _apply(self, info: LayerInfo) -> None:
        # Keep the order a later reorder may have set; this command is about the other fields.
        current = self.project.layer(info.name)
        info = _copy(info)
        info.sort_order = current.sort_order
        self.project.update_layer_info(info)
        if self.on_change:
            self.on_change([info.name], "info")

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


class SetLayerOrder(Command):
    text = "reorder layers"

    def __init__(self, project, names: list[str], on_change: OnChange | None = None):
        self.project = project
        self.before = project.layer_names()
        self.after = list(names)
        self.on_change = on_change

    def _apply(self, names: list[str]) -> None:
        self.project.set_layer_order(names)
        if self.on_change:
            self.on_change(list(names), "order")

    def do(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class RemoveLayer(Command):
    """Remove a layer; undo writes the same features and metadata back."""

    def __init__(self, project, name: str, on_change: OnChange | None = None):
        self.project = project
        self.name = name
        self.text = f"remove layer {project.layer(name).display_name}"
        self.on_change = on_change
        self._info: LayerInfo | None = None
        self._gdf = None
        self._order: list[str] = []

    def do(self) -> None:
        self._info = _copy(self.project.layer(self.name))
        self._gdf = self.project.read_layer(self.name)
        self._order = self.project.layer_names()
        self.project.remove_layer(self.name)
        if self.on_change:
            self.on_change([self.name], "removed")

    def undo(self) -> None:
        self.project.write_layer(self._gdf.reset_index(drop=True), self._info)
        self.project.set_layer_order(self._order)
        if self.on_change:
            self.on_change([self.name], "added")
