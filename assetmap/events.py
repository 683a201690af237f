"""A minimal evented-model helper: models emit, views listen.

Plain Python so that models stay Qt-free; the UI connects Qt slots to these
signals (never the other way round).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable[..., Any] | weakref.WeakMethod] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        ref = weakref.WeakMethod(slot) if hasattr(slot, "__self__") else slot
        self._slots.append(ref)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        def same(ref):
            target = ref() if isinstance(ref, weakref.WeakMethod) else ref
            return target == slot

        self._slots = [r for r in self._slots if not same(r)]

    def emit(self, *args: Any) -> None:
        alive = []
        for ref in list(self._slots):
            target = ref() if isinstance(ref, weakref.WeakMethod) else ref
            if target is None:
                continue
            alive.append(ref)
            target(*args)
        self._slots = alive
