"""Undoable user actions as plain command objects (after glue's command.py).

Every edit a user makes (territory paint strokes, survey edits, layer styling)
is a ``Command`` pushed on a ``CommandStack``. The Qt UI only enables the
Undo/Redo actions from ``stack.changed`` (which means "the undo state changed",
nothing more); it never implements undo itself. What a command changed in the
project reaches the views as session events (``Command.events``, assetmap/session.py).
"""

from __future__ import annotations

from assetmap.events import Hub, Signal


class Command:
    text: str = "edit"

    def do(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    def merge_with(self, other: "Command") -> bool:
        """Absorb ``other`` (already done) into self; return True if merged.

        Lets a drag of paint strokes become one undo step.
        """
        return False

    def events(self, undone: bool) -> list:
        """The session events (assetmap.session) saying what ``do`` (or ``undo``) changed."""
        return []


class CommandStack:
    def __init__(self, limit: int | None = None, hub: Hub | None = None):
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._limit = limit
        # where a command's events go after do, undo and redo (the window's: its Session)
        self.hub = hub if hub is not None else Hub()
        self.changed = Signal()   # the undo state changed (enable Undo/Redo), nothing more

    def _announce(self, command: Command, undone: bool) -> None:
        self.hub.emit_all(command.events(undone))

    def push(self, command: Command, merge: bool = False) -> None:
        command.do()
        if merge and self._undo and self._undo[-1].merge_with(command):
            pass
        else:
            self._undo.append(command)
            if self._limit is not None and len(self._undo) > self._limit:
                del self._undo[0]
        self._redo.clear()
        self._announce(command, False)
        self.changed.emit()

    def undo(self) -> Command | None:
        if not self._undo:
            return None
        cmd = self._undo.pop()
        cmd.undo()
        self._redo.append(cmd)
        self._announce(cmd, True)
        self.changed.emit()
        return cmd

    def redo(self) -> Command | None:
        if not self._redo:
            return None
        cmd = self._redo.pop()
        cmd.do()
        self._undo.append(cmd)
        self._announce(cmd, False)
        self.changed.emit()
        return cmd

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].text if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].text if self._redo else ""

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self.changed.emit()
