"""The join as an undoable edit: undo writes the layer's features and settings back (the version
not shown waits in the session's on-disk stash, not in memory: layer_commands.ReplaceLayer)."""

from __future__ import annotations

from assetmap.join.core import JoinPlan, write_joined
from assetmap.layer_commands import ReplaceLayer, UndoStash


def _copy(info):
    from assetmap.mapview.commands import _copy as copy_info

    return copy_info(info)


class JoinTable(ReplaceLayer):
    """Join a planned table onto a layer; the layer's features and settings change (do/undo/redo)."""

    def __init__(self, project, plan: JoinPlan, source_name: str, stash: UndoStash | None = None):
        super().__init__(project, stash if stash is not None else UndoStash(project), plan.report.layer,
                         None, f"join {source_name}")
        self._skip = False   # the join is written by the first do, not by a task
        self.plan = plan
        self.layer = plan.report.layer
        self.source_name = source_name

    def _do(self) -> None:
        if self._other is None:
            self._other = self.stash.put(self.project, self.layer)
            write_joined(self.project, _copy(self.project.layer(self.layer)), self.plan,
                         source_name=self.source_name)
            self.plan = None   # the joined rows are in the project now; undo/redo swap with the stash
        else:
            self._swap()
