"""Territory edits as undoable commands, and a paint session a map can drive.

The map window (later) turns a click or a drag into unit ids and calls
``PaintSession.click(uid)`` or ``begin() / add(uids...) / end()``; a free-hand
polygon calls ``PaintSession.polygon(geom)``. Each of these is ONE undo step
(a drag's segments merge through ``Command.merge_with``) and ONE SQLite
transaction. Units of a locked team are never repainted, and nothing is
painted onto a locked team.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Iterable

from assetmap.commands import Command, CommandStack
from assetmap.territories import store
from assetmap.territories.model import PlanModel
from assetmap.territories.select import units_in_polygon
from assetmap.territories.store import PlanRecord, Team

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.project import Project

_strokes = itertools.count(1)


class AssignCommand(Command):
    """Put units on a team (``team=None`` erases them)."""

    def __init__(self, model: PlanModel, unit_ids: Iterable[Any], team: int | None, stroke: int | None = None):
        self.model = model
        self.stroke = stroke
        self.team = team
        self.text = "Erase" if team is None else f"Paint {model.team(team).name}"
        self.new: dict[str, int | None] = {}
        self.old: dict[str, int | None] = {}
        if model.is_locked(team):
            return
        for uid in unit_ids:
            u = model.units.key(uid)
            cur = model.team_of(u)
            if cur == team or model.is_locked(cur) or u in self.new:
                continue
            self.new[u] = team
            self.old[u] = cur

    @property
    def empty(self) -> bool:
        return not self.new

    def do(self) -> None:
        self.model.apply(self.new)

    def undo(self) -> None:
        self.model.apply(self.old)

    def events(self, undone: bool) -> list:
        from assetmap.session import TerritoryAssignmentsChanged

        return [TerritoryAssignmentsChanged(self.model.plan.plan_id, frozenset(self.new))]

    def merge_with(self, other: Command) -> bool:
        if not (isinstance(other, AssignCommand) and other.model is self.model
                and self.stroke is not None and other.stroke == self.stroke):
            return False
        for u, t in other.new.items():
            self.old.setdefault(u, other.old[u])
            self.new[u] = t
        return True


class SetTeamCommand(Command):
    """Rename, recolour, lock or unlock a team."""

    def __init__(self, model: PlanModel, team: int, *, name: str | None = None,
                 colour: str | None = None, locked: bool | None = None):
        self.model = model
        old = model.team(team)
        self.before = Team(**old.__dict__)
        self.after = Team(team, name if name is not None else old.name,
                          colour if colour is not None else old.colour,
                          locked if locked is not None else old.locked)
        self.text = (("Lock " if self.after.locked else "Unlock ") + old.name
                     if locked is not None else f"Edit {old.name}")

    def do(self) -> None:
        self.model.set_team(Team(**self.after.__dict__))

    def undo(self) -> None:
        self.model.set_team(Team(**self.before.__dict__))

    def events(self, undone: bool) -> list:
        from assetmap.session import TerritoryTeamsChanged

        return [TerritoryTeamsChanged(self.model.plan.plan_id)]


class PaintSession:
    """Turns clicks, drags and polygons on the map into undoable edits."""

    def __init__(self, model: PlanModel, stack: CommandStack | None = None, team: int | None = None):
        self.model = model
        self.stack = stack or CommandStack()
        self.team = team if team is not None else (model.teams[0].team if model.teams else None)
        self.erasing = False
        self._stroke: int | None = None
        self._batch = None

    @property
    def target(self) -> int | None:
        return None if self.erasing else self.team

    def begin(self) -> None:
        self.end()
        self._stroke = next(_strokes)
        self._batch = self.model.batch()
        self._batch.__enter__()

    def add(self, *unit_ids: Any) -> int:
        """Paint units during a stroke; return how many changed."""
        if self._stroke is None:
            self.begin()
        cmd = AssignCommand(self.model, unit_ids, self.target, stroke=self._stroke)
        if cmd.empty:
            return 0
        self.stack.push(cmd, merge=True)
        return len(cmd.new)

    def end(self) -> None:
        if self._batch is not None:
            batch, self._batch = self._batch, None
            batch.__exit__(None, None, None)
        self._stroke = None

    def click(self, unit_id: Any) -> int:
        self.begin()
        try:
            return self.add(unit_id)
        finally:
            self.end()

    def polygon(self, geom: Any, rule: str = "mostly") -> int:
        self.end()
        cmd = AssignCommand(self.model, units_in_polygon(self.model.units, geom, rule), self.target)
        if cmd.empty:
            return 0
        self.stack.push(cmd)
        return len(cmd.new)

    def lock(self, team: int, locked: bool = True) -> None:
        self.end()
        self.stack.push(SetTeamCommand(self.model, team, locked=locked))

    def undo(self) -> None:
        self.end()
        self.stack.undo()

    def redo(self) -> None:
        self.end()
        self.stack.redo()


# ---------------------------------------------------------------------- plan-level commands
class _PlanListCommand(Command):
    """A command that changes the list of plans (the panel reloads it on the event)."""

    def events(self, undone: bool) -> list:
        from assetmap.session import TerritoryPlansChanged

        return [TerritoryPlansChanged()]


class CreatePlanCommand(_PlanListCommand):
    def __init__(self, project: "Project", plan: PlanRecord):
        self.project, self.plan = project, plan
        self.text = f"New plan {plan.name}"

    def do(self) -> None:
        self.plan = store.save_plan(self.project, self.plan)

    def undo(self) -> None:
        store.delete_plan(self.project, self.plan.name)


class DuplicatePlanCommand(CreatePlanCommand):
    def __init__(self, project: "Project", source: str, new_name: str):
        from dataclasses import replace

        plan = replace(store.load_plan(project, source), name=store.check_plan_name(new_name), plan_id=None)
        super().__init__(project, plan)
        self.text = f"Duplicate {source} as {new_name}"


class DeletePlanCommand(_PlanListCommand):
    def __init__(self, project: "Project", name: str):
        self.project = project
        self.plan = store.load_plan(project, name)
        self.text = f"Delete plan {name}"

    def do(self) -> None:
        store.delete_plan(self.project, self.plan.name)

    def undo(self) -> None:
        # Same plan_id again, so an open PlanModel keeps saving to the right rows.
        self.plan = store.save_plan(self.project, self.plan)


class RenamePlanCommand(_PlanListCommand):
    def __init__(self, project: "Project", old: str, new: str):
        self.project, self.old, self.new = project, old, store.check_plan_name(new)
        self.text = f"Rename plan {old} to {new}"

    def do(self) -> None:
        store.rename_plan(self.project, self.old, self.new)

    def undo(self) -> None:
        store.rename_plan(self.project, self.new, self.old)
