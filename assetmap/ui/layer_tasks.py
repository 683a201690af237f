"""Long work that writes layers (or layers and tables), run on a worker and made one undo step when it finishes.

``run_layer_task`` is ``workers.run_task`` plus ``layer_commands.LayerWork``: the layers the
work may overwrite are copied into the session's undo stash on the worker first, and when the
work has finished the AddLayers / ReplaceLayer command is pushed on the window's stack (its events
draw the layers). Failure or Cancel leaves the project as it was and drops the copies.
"""

from __future__ import annotations

from typing import Any, Callable


def _run_undoable(w, title: str, work: Callable, undo_work, on_done, text: str | None, failed, **kwargs):
    """``work`` on a worker after ``undo_work.prepare()`` (the copies undo needs, made there too);
    its command pushed when the work has finished; ``failed()`` when it failed or was cancelled."""
    from assetmap.ui.workers import run_task

    def wrapped(ctx):
        undo_work.prepare()
        return work(ctx)

    def done(result) -> None:
        command = undo_work.command(text or title)
        if command is not None:
            w.stack.push(command)
        if on_done is not None:
            on_done(result)

    task = run_task(w, title, wrapped, on_done=done, **kwargs)
    task.finished.connect(lambda ok: None if ok else failed())
    return task


def run_layer_task(w, title: str, work: Callable, on_done: Callable[[Any], None] | None = None,
                   replaces=(), text: str | None = None, **kwargs):
    from assetmap.layer_commands import LayerWork

    layer_work = LayerWork(w.project, w.session.stash, replaces)
    return _run_undoable(w, title, work, layer_work, on_done, text, layer_work.discard, **kwargs)


def run_table_task(w, title: str, work: Callable, tables, on_done: Callable[[Any], None] | None = None,
                   text: str | None = None, partial: bool = False, **kwargs):
    """``run_layer_task`` for work that writes attribute tables with its layers (a survey merge or
    import): what ``tables`` (a ``layer_commands.TableSet``) names is copied into the stash on the
    worker first, and one ``ReplaceTables`` is pushed when the work has finished (its events redraw).
    ``partial``: the work is not one transaction (an import saves row by row), so what a failure or
    Cancel left written is one undo step as well."""
    from assetmap.layer_commands import TableWork

    table_work = TableWork(w.project, w.session.stash, tables)

    def failed() -> None:
        if not partial:   # one transaction: rolled back, the project is as it was
            table_work.discard()
            return
        command = table_work.command(text or title, partial=True)
        if command is not None:
            w.stack.push(command)

    return _run_undoable(w, title, work, table_work, on_done, text, failed, **kwargs)
