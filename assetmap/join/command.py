"""The join as an undoable edit: undo writes the layer's features and settings back."""

from __future__ import annotations

from typing import Callable

from assetmap.commands import Command
from assetmap.join.core import JoinPlan, replace_features, write_joined

OnChange = Callable[[list[str], str], None]


def _copy(info):
    from assetmap.mapview.commands import _copy as copy_info

    return copy_info(info)


class JoinTable(Command):
    """Join a planned table onto a layer; ``on_change([layer], "replaced")`` after do/undo/redo."""

    def __init__(self, project, plan: JoinPlan, source_name: str, on_change: OnChange | None = None):
        self.project = project
        self.plan = plan
        self.layer = plan.report.layer
        self.source_name = source_name
        self.on_change = on_change
        self.text = f"join {source_name}"
        self._before_info = None
        self._before_gdf = None
        self._after_info = None

    def do(self) -> None:
        if self._before_info is None:
            self._before_info = _copy(self.project.layer(self.layer))
            self._before_gdf = self.project.read_layer(self.layer)
            info = _copy(self._before_info)
            write_joined(self.project, info, self.plan, source_name=self.source_name)
            self._after_info = _copy(self.project.layer(self.layer))
        else:
            replace_features(self.project, _copy(self._after_info), self.plan.gdf)
        self._changed()

    def undo(self) -> None:
        replace_features(self.project, _copy(self._before_info), self._before_gdf)
        self._changed()

    def _changed(self) -> None:
        if self.on_change:
            self.on_change([self.layer], "replaced")
