"""The open project and what happens to it, as typed events (after glue's ``core/hub.py``).

A ``Session`` owns the open project, its undo stack and its layer cache. Whoever changes the
project says so with an event (a small frozen dataclass); views subscribe to the event types they
draw and to nothing else, so an opacity drag does not make the hubs list reload its directory.
Commands describe their own effects (``Command.events``); the stack emits them after do, undo and
redo, so no view is handed a callback through a command.

Plain Python: the Qt adapter (``assetmap/ui/session_qt.py``) installs a dispatcher that carries
events raised on a worker thread over to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assetmap.commands import CommandStack
from assetmap.events import Hub

# what a LayerChanged may say changed
STYLE, OPACITY, VISIBILITY, ORDER, DATA, METADATA = "style", "opacity", "visibility", "order", "data", "metadata"


@dataclass(frozen=True)
class Event:
    """Base of every session event; subscribe to it to hear everything."""


@dataclass(frozen=True)
class ProjectOpened(Event):
    project: Any = field(compare=False)


@dataclass(frozen=True)
class ProjectClosed(Event):
    project: Any = field(compare=False)


@dataclass(frozen=True)
class LayerEvent(Event):
    name: str


@dataclass(frozen=True)
class LayerAdded(LayerEvent):
    pass


@dataclass(frozen=True)
class LayerRemoved(LayerEvent):
    pass


@dataclass(frozen=True)
class LayerChanged(LayerEvent):
    what: frozenset = frozenset()   # of STYLE, OPACITY, VISIBILITY, ORDER, DATA, METADATA


@dataclass(frozen=True)
class HubsChanged(Event):
    """The resource directory was saved (add, edit, move, delete, import, or their undo)."""


@dataclass(frozen=True)
class TerritoryPlansChanged(Event):
    """Plans were created, deleted, renamed or duplicated (the list of plans changed)."""


@dataclass(frozen=True)
class TerritoryPlanEdited(Event):
    """A plan's map changed: units painted or erased, or a team recoloured, renamed, (un)locked."""
    plan_id: int | None = None


@dataclass(frozen=True)
class TerritoryAssignmentsChanged(TerritoryPlanEdited):
    """Units changed team (paint, polygon, Assign, or their undo/redo)."""
    units: frozenset = frozenset()


@dataclass(frozen=True)
class TerritoryTeamsChanged(TerritoryPlanEdited):
    """A team's name, colour or lock changed."""


@dataclass(frozen=True)
class SurveyResponsesChanged(Event):
    """Responses of a form were saved, edited, deleted, merged or imported."""
    form_id: str | None = None


@dataclass(frozen=True)
class SurveyFormsChanged(Event):
    """A form was installed or upgraded, or that was undone (the Survey dock shows the form again)."""
    form_id: str | None = None


@dataclass(frozen=True)
class IndicatorsChanged(Event):
    """The project's indicator definitions changed."""


def layer_changed(name: str, *what: str) -> LayerChanged:
    return LayerChanged(name, frozenset(what))


class Session(Hub):
    """The open project, its undo stack and its layer cache, with events for what changes."""

    def __init__(self, audience: str = "office") -> None:
        super().__init__()
        self.project = None
        self.cache = None
        self.audience = audience
        self.stack = CommandStack(hub=self)
        self._stash = None

    @property
    def stash(self):
        """Where undo keeps removed and replaced layers (on disk: assetmap.layer_commands)."""
        if self._stash is None:
            from assetmap.layer_commands import UndoStash

            self._stash = UndoStash(self.project)
        return self._stash

    def _drop_history(self) -> None:
        self.stack.clear()
        if self._stash is not None:
            self._stash.close()
            self._stash = None

    def open(self, project, cache=None) -> None:
        """Make ``project`` the open one: ProjectClosed for the old, then ProjectOpened.
        ``cache``: a ``LayerCache`` of this project already holding some of its layers."""
        from assetmap.mapview.layers import LayerCache

        if cache is not None and (cache.project is not project or cache.audience != self.audience):
            raise ValueError("the cache is another project's or another audience's")
        self.close()
        self._drop_history()
        self.project = project
        self.cache = cache if cache is not None else LayerCache(project, audience=self.audience)
        self.emit(ProjectOpened(project))

    def close(self) -> None:
        if self.project is None:
            return
        old, self.project, self.cache = self.project, None, None
        self._drop_history()
        self.emit(ProjectClosed(old))

    def emit(self, event: Event) -> None:
        # The cache hears first, so every view that redraws reads the new features.
        if self.cache is not None and isinstance(event, LayerEvent):
            self.cache.invalidate(event)
        super().emit(event)

    def push(self, command, merge: bool = False) -> None:
        self.stack.push(command, merge=merge)


def layer_events(before: list[str], after: list[str], written=()) -> list[Event]:
    """The events for work done outside a command: layers that appeared, went, or were rewritten."""
    out: list[Event] = [LayerAdded(n) for n in after if n not in before]
    out += [LayerRemoved(n) for n in before if n not in after]
    out += [LayerChanged(n, frozenset({DATA})) for n in dict.fromkeys(written) if n in before and n in after]
    return out
