"""Hub edits as undoable commands.

Each command keeps the directory before and after the edit and saves one or
the other; saving is one atomic ``Project.edit()``, so undo is exact, including
the services, phones and schedules that went with a deleted hub.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from assetmap.commands import Command
from assetmap.hubs import directory as _dir

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.hubs.directory import Directory
    from assetmap.project import Project


HUBS_LAYER = "hubs"


class DirectoryEdit(Command):
    def __init__(self, project: "Project", before: "Directory", after: "Directory", text: str,
                 already_done: bool = False):
        self.project = project
        self.before = before
        self.after = after
        self.text = text
        self._skip = already_done   # an import saved ``after`` itself: the first do writes nothing

    def do(self) -> None:
        if self._skip:
            self._skip = False
            return
        _dir.save(self.project, self.after)

    def undo(self) -> None:
        _dir.save(self.project, self.before)

    def events(self, undone: bool) -> list:
        from assetmap.session import DATA, HubsChanged, LayerChanged

        return [LayerChanged(HUBS_LAYER, frozenset({DATA})), HubsChanged()]


def edit_command(project: "Project", text: str, change: Callable[["Directory"], object],
                 current: "Directory | None" = None) -> DirectoryEdit:
    """A command applying ``change`` to a copy of the current directory.

    ``change`` runs now, so bad input (a UserError) surfaces before anything is pushed.
    """
    before = current if current is not None else _dir.load(project)
    after = before.copy()
    result = change(after)
    cmd = DirectoryEdit(project, before, after, text)
    cmd.result = result
    return cmd


def imported(project: "Project", before: "Directory", text: str) -> DirectoryEdit:
    """The undo step of an import that has saved the directory already (HSDS import)."""
    return DirectoryEdit(project, before, _dir.load(project), text, already_done=True)


def add_hub(project: "Project", name: str, lon: float | None, lat: float | None, **fields) -> DirectoryEdit:
    hub_id = fields.pop("hub_id", None) or _dir.new_id()
    return edit_command(project, f"Add hub {name}",
                        lambda d: d.add_hub(name, lon, lat, hub_id=hub_id, **fields))


def edit_hub(project: "Project", hub_id: str, **fields) -> DirectoryEdit:
    return edit_command(project, "Edit hub", lambda d: d.update_hub(hub_id, **fields))


def move_hub(project: "Project", hub_id: str, lon: float, lat: float) -> DirectoryEdit:
    return edit_command(project, "Move hub", lambda d: d.move_hub(hub_id, lon, lat) if d.hub(hub_id) else None)


def delete_hub(project: "Project", hub_id: str) -> DirectoryEdit:
    return edit_command(project, "Delete hub", lambda d: d.delete_hub(hub_id))


def add_service(project: "Project", hub_id: str, spec: "_dir.ServiceSpec") -> DirectoryEdit:
    return edit_command(project, f"Add service {spec.name}", lambda d: d.add_service(hub_id, spec))
