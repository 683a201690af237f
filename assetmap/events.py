"""A minimal evented-model helper: models emit, views listen.

Plain Python so that models stay Qt-free; the UI connects Qt slots to these
signals (never the other way round).
"""

from __future__ import annotations

import threading
import types
import weakref
from collections.abc import Callable, Iterable
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


Handler = Callable[[Any], None]
Dispatcher = Callable[[Handler, Any], None]


class Hub:
    """Typed publish/subscribe: a handler hears its event type and every subclass of it.

    Bound methods are held weakly (a closed dock does not stay alive for its subscription).
    Handlers run in the order they subscribed; ``dispatcher`` decides on which thread.
    """

    def __init__(self) -> None:
        self._subs: list[tuple[type, Any]] = []
        self._lock = threading.Lock()
        self.dispatcher: Dispatcher | None = None

    def subscribe(self, event_type: type, handler: Handler) -> Handler:
        # a Python method weakly (its object may go); functions and builtins (list.append) strongly
        ref = weakref.WeakMethod(handler) if isinstance(handler, types.MethodType) else handler
        with self._lock:
            self._subs.append((event_type, ref))
        return handler

    def unsubscribe(self, handler: Handler, event_type: type | None = None) -> None:
        def same(ref):
            target = ref() if isinstance(ref, weakref.WeakMethod) else ref
            return target is None or target == handler

        with self._lock:
            self._subs = [(t, r) for t, r in self._subs
                          if not (same(r) and (event_type is None or t is event_type))]

    def emit(self, event) -> None:
        with self._lock:
            subs = list(self._subs)
        for event_type, ref in subs:
            if not isinstance(event, event_type):
                continue
            target = ref() if isinstance(ref, weakref.WeakMethod) else ref
            if target is None:
                continue
            if self.dispatcher is not None:
                self.dispatcher(target, event)
            else:
                target(event)

    def emit_all(self, events: Iterable) -> None:
        for e in events:
            self.emit(e)
