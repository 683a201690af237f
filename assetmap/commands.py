"""Undoable user actions as plain command objects (after glue's command.py).

Every edit a user makes (territory paint strokes, survey edits, layer styling)
is a ``Command`` pushed on a ``CommandStack``. The Qt UI only enables the
Undo/Redo actions from ``stack.changed``; it never implements undo itself.
"""

from __future__ import annotations

from assetmap.events import Signal


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


class CommandStack:
    def __init__(self, limit: int | None = None):
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._limit = limit
        self.changed = Signal()

    def push(self, command: Command, merge: bool = False) -> None:
        command.do()
        if merge and self._undo and self._undo[-1].merge_with(command):
            pass
        else:
            self._undo.append(command)
            if self._limit is not None and len(self._undo) > self._limit:
                del self._undo[0]
        self._redo.clear()
        self.changed.emit()

    def undo(self) -> Command | None:
        if not self._undo:
            return None
        cmd = self._undo.pop()
        cmd.undo()
        self._redo.append(cmd)
        self.changed.emit()
        return cmd

    def redo(self) -> Command | None:
        if not self._redo:
            return None
        cmd = self._redo.pop()
        cmd.do()
        self._undo.append(cmd)
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
