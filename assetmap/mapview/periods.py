"""The time slider's model: which layers it drives, its steps, and the undoable period change.

The chosen period is kept in the layer's style (``style["period"]``), so an export, a reopened
project and undo all see what the map showed. A drag or a play run is one undo step.
"""

from __future__ import annotations

from assetmap.commands import Command
from assetmap.errors import UserError
from assetmap.mapview.report_styles import ALL, current_period, period_label, period_steps
from assetmap.session import STYLE, LayerChanged


def period_layers(project, visible_only: bool = True) -> list[str]:
    """Aggregate layers with periods (visible ones by default), top first."""
    return [i.name for i in project.layers() if period_steps(i) and (i.visible or not visible_only)]


def slider_steps(project, names: list[str]) -> list[str]:
    """Every period of the layers, in time order (labels sort as time: 2017, 2017-Q3, 2017-07),
    then 'all'."""
    seen: set[str] = set()
    for n in names:
        seen.update(p for p in period_steps(project.layer(n)) if p != ALL)
    return sorted(seen) + [ALL] if seen else []


def shown_period(project, names: list[str]) -> str | None:
    """The period the slider starts at: the top layer's."""
    for n in names:
        p = current_period(project.layer(n))
        if p is not None:
            return p
    return None


class SetPeriod(Command):
    """Show ``period`` in each of ``names`` that has it (the others keep theirs)."""

    def __init__(self, project, names: list[str], period: str):
        self.project = project
        self.period = str(period)
        self.names = [n for n in names if self.period in period_steps(project.layer(n))]
        if not self.names:
            raise UserError(f"No layer shown has the period '{period}'.", "Choose one of the slider's periods.")
        self.before = {n: (project.layer(n).style or {}).get("period") for n in self.names}
        self.after = {n: self.period for n in self.names}
        self.text = f"show period {period_label(self.period)}"

    def _apply(self, values: dict[str, str | None]) -> None:
        for n, p in values.items():
            info = self.project.layer(n)
            style = dict(info.style or {})
            if p is None:
                style.pop("period", None)
            else:
                style["period"] = p
            info.style = style
            self.project.update_layer_info(info)

    def events(self, undone: bool) -> list:
        return [LayerChanged(n, frozenset({STYLE})) for n in self.before]

    def do(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def merge_with(self, other: Command) -> bool:
        # Dragging the slider or playing through the periods is one undo step.
        if isinstance(other, SetPeriod) and set(other.names) <= set(self.before):
            self.after.update(other.after)
            self.text = other.text
            return True
        return False

