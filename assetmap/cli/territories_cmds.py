"""assetmap territories new | list | assign | stats | balance | compare | export."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    top = sub.add_parser("territories", help="team territory plans: paint, measure, balance, export")
    tsub = top.add_subparsers(dest="territories_command", metavar="ACTION", parser_class=type(top))
    top.set_defaults(func=lambda args: (top.print_help(), 0)[1])

    p = tsub.add_parser("new", help="start an empty plan over an areas layer")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("--areas", required=True, help="the areas layer whose units are assigned")
    p.add_argument("--teams", type=int, required=True)
    p.add_argument("--by", help="workload field(s), comma-separated, for stats")
    p.add_argument("--queen", action="store_true", help="units touching only at a corner count as connected")
    p.set_defaults(func=cmd_new)

    p = tsub.add_parser("list", help="list the plans of a project")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = tsub.add_parser("assign", help="assign units to a team (or --erase them)")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("--team", help="team number (1..K) or name")
    p.add_argument("--erase", action="store_true", help="leave the units unassigned")
    p.add_argument("units", nargs="+", help="unit ids (values of the areas layer's id field)")
    p.set_defaults(func=cmd_assign)

    p = tsub.add_parser("team", help="rename, recolour, lock or unlock a team")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("--team", required=True, help="team number (1..K) or name")
    p.add_argument("--name")
    p.add_argument("--colour", help="#RRGGBB")
    lock = p.add_mutually_exclusive_group()
    lock.add_argument("--lock", action="store_true")
    lock.add_argument("--unlock", action="store_true")
    p.set_defaults(func=cmd_team)

    p = tsub.add_parser("stats", help="per-team workload, deviation, pieces and compactness")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("--by", help="workload field(s), comma-separated (default: the plan's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = tsub.add_parser("balance", help="suggest a balanced, contiguous plan")
    p.add_argument("project")
    p.add_argument("--areas", required=True)
    p.add_argument("--teams", type=int, required=True)
    p.add_argument("--by", required=True, help="numeric workload field")
    p.add_argument("--tolerance", type=float, default=0.05, help="allowed deviation from the ideal (0.05 = ±5 %%)")
    p.add_argument("--locked", help="teams (numbers or names, comma-separated) kept as in --from")
    p.add_argument("--from", dest="from_plan", help="start from this plan (and take locked teams from it)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--queen", action="store_true", help="units touching only at a corner count as connected")
    p.add_argument("--plan", required=True, help="name of the new plan")
    p.add_argument("--replace", action="store_true", help="replace a plan of the same name")
    p.add_argument("--islands", choices=("attach", "leave"), default="attach",
                   help="units that touch no other: attach each to its nearest neighbour's team (default), "
                        "or leave them unassigned to give to a team by hand")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_balance)

    p = tsub.add_parser("compare", help="two plans side by side and the units that differ")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("--other", required=True)
    p.add_argument("--out", help="write the differing units to this .gpkg (layer 'differences')")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_compare)

    p = tsub.add_parser("maps", help="one PDF or PNG map per team (units, hubs and assets inside)")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("out_dir")
    p.add_argument("--format", choices=["pdf", "png"], default="pdf")
    p.set_defaults(func=cmd_maps)

    p = tsub.add_parser("export", help="write territories and assignments (.gpkg) and a .csv")
    p.add_argument("project")
    p.add_argument("--plan", required=True)
    p.add_argument("out")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=cmd_export)


def _fields(text: str | None) -> list[str] | None:
    return [f.strip() for f in text.split(",") if f.strip()] if text else None


def _team_index(teams, text: str) -> int:
    from assetmap.territories.suggest import team_index

    return team_index(teams, text)


def _progress(frac: float, msg: str) -> None:
    print(f"\r{frac:4.0%} {msg:60}", end="", file=sys.stderr, flush=True)


def cmd_new(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.territories import store
    from assetmap.territories.units import load_units

    project = open_project(args.project)
    units = load_units(project, args.areas)
    fields = _fields(args.by) or []
    for f in fields:
        units.field_values(f)
    store.check_plan_name(args.plan)
    plan = store.save_plan(project, store.PlanRecord(args.plan, args.areas, store.default_teams(args.teams),
                                                     fields=fields, queen=args.queen))
    print(f"Created plan '{plan.name}' with {args.teams} teams over {len(units)} units of '{args.areas}'.")
    return 0


def cmd_list(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.territories import store

    project = open_project(args.project)
    plans = [store.load_plan(project, n) for n in store.plan_names(project)]
    rows = [{"plan": p.name, "areas": p.areas_layer, "teams": len(p.teams), "assigned": len(p.assignments),
             "fields": p.fields, "version": p.version} for p in plans]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
    else:
        for r in rows:
            print(f"{r['plan']}: {r['teams']} teams, {r['assigned']} units assigned ({r['areas']})")
        if not rows:
            print("No territory plans yet.")
    return 0


def cmd_assign(args) -> int:
    from assetmap.errors import UserError
    from assetmap.project.backends import open_project
    from assetmap.territories.commands import PaintSession
    from assetmap.territories.model import open_plan

    if args.erase == bool(args.team):
        raise UserError("Give either --team TEAM or --erase.", "For example: --team 2 101 102 103")
    model = open_plan(open_project(args.project), args.plan)
    session = PaintSession(model)
    if args.erase:
        session.erasing = True
    else:
        session.team = _team_index(model.teams, args.team)
    keys = [model.units.key(u) for u in args.units]   # all ids checked before anything is written
    locked = [u for u in keys if model.is_locked(model.team_of(u))]
    session.begin()
    changed = session.add(*keys)
    session.end()
    print(f"{changed} unit(s) changed." + (f" {len(locked)} belong to a locked team and were left as they are."
                                           if locked else ""))
    return 0


def _stats_table(stats) -> list[str]:
    from assetmap.territories.statistics import CLI, plan_statistics

    f = stats.fields[0] if stats.fields else None
    lines = [f"Plan '{stats.plan}'" + (f": ideal {f} per team {stats.ideal[f]:,.0f}" if f else "")]
    shown = plan_statistics(CLI, stats.fields)  # a statistic registered anywhere is printed here too
    for t in stats.teams:
        parts = [f"{t.team + 1:>2} {t.name:<16}{' (locked)' if t.locked else ''}"]
        lines.append("  ".join(parts + [st.cli_cell(t) for st in shown]))
    lines.append(f"Unassigned units: {len(stats.unassigned)}"
                 + (f" ({', '.join(stats.unassigned[:20])}{' …' if len(stats.unassigned) > 20 else ''})"
                    if stats.unassigned else ""))
    return lines


def cmd_stats(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.territories.model import open_plan

    model = open_plan(open_project(args.project), args.plan, fields=_fields(args.by))
    stats = model.stats()
    if args.json:
        json.dump(stats.to_dict(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(_stats_table(stats)))
    return 0


def cmd_balance(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.tasks import TaskContext
    from assetmap.territories.model import PlanModel
    from assetmap.territories.suggest import suggest_plan
    from assetmap.territories.units import load_units

    project = open_project(args.project)
    units = load_units(project, args.areas)
    locked = [t for t in args.locked.split(",") if t.strip()] if args.locked else None
    # A progress line redrawn in place is for a terminal; in a log or a pipe it is one long line.
    live = not args.json and sys.stderr.isatty()
    plan, result = suggest_plan(
        project, args.areas, args.teams, args.by, args.plan, tolerance=args.tolerance, locked=locked,
        from_plan=args.from_plan, seed=args.seed, queen=args.queen, replace=args.replace, units=units,
        islands=args.islands, ctx=TaskContext(_progress if live else None))
    if live:
        print(file=sys.stderr)
    stats = PlanModel(units, plan).stats()
    if args.json:
        json.dump({"plan": plan.name, "within_tolerance": result.within_tolerance, "message": result.message,
                   "notes": result.notes,
                   "worst_deviation_pct": result.worst_deviation_pct, "seconds": round(result.seconds, 3),
                   "stats": stats.to_dict()}, sys.stdout, indent=2)
        print()
    else:
        print(result.message)
        for note in result.notes:
            print(note)
        print("\n".join(_stats_table(stats)))
        print(f"Saved as plan '{plan.name}' ({result.seconds:.1f} s).")
    return 0


def cmd_compare(args) -> int:
    from assetmap.errors import UserError
    from assetmap.project.backends import open_project
    from assetmap.territories.compare import compare_plans, differences_frame
    from assetmap.territories.model import open_plan
    from assetmap.territories.units import load_units

    project = open_project(args.project)
    a = open_plan(project, args.plan)
    units = a.units
    b = open_plan(project, args.other, units if a.plan.areas_layer == _areas(project, args.other) else None)
    if a.plan.areas_layer != b.plan.areas_layer:
        raise UserError(f"Plans '{args.plan}' and '{args.other}' are over different areas layers.",
                        "Only plans over the same areas can be compared.")
    b.fields = b.fields or a.fields
    cmp = compare_plans(a, b)
    if args.out:
        import pyogrio
        from pathlib import Path

        out = Path(args.out)
        if out.suffix.lower() != ".gpkg":
            raise UserError(f"{out}: --out must be a .gpkg file.")
        pyogrio.write_dataframe(differences_frame(a, cmp), out, layer="differences", driver="GPKG",
                                promote_to_multi=True)
    if args.json:
        json.dump(cmp.to_dict(), sys.stdout, indent=2)
        print()
        return 0
    keys = [k for k in cmp.rows[0] if k.endswith("_a")] if cmp.rows else []
    print(f"{'team':>4}  " + "  ".join(f"{k[:-2]:>22}" for k in keys))
    for r in cmp.rows:
        cells = [f"{_fmt(r[k])} | {_fmt(r[k[:-2] + '_b'])}" for k in keys]
        print(f"{r['team_number']:>4}  " + "  ".join(f"{c:>22}" for c in cells))
    print(f"{len(cmp.differences)} unit(s) differ" + (":" if cmp.differences else "."))
    for d in cmp.differences:
        print(f"  {d['unit_id']} {d['name']}: {d['team_a'] or '-'} -> {d['team_b'] or '-'}")
    return 0


def _areas(project, plan_name):
    from assetmap.territories import store

    return store.load_plan(project, plan_name).areas_layer


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:,.2f}" if abs(v) < 10 else f"{v:,.0f}"
    return str(v)


def cmd_export(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.territories.export import export_plan
    from assetmap.territories.model import open_plan

    model = open_plan(open_project(args.project), args.plan)
    gpkg_path, csv_path = export_plan(model, args.out, overwrite=args.overwrite)
    print(f"Wrote {gpkg_path} (layers territories, assignments) and {csv_path}.")
    return 0


def cmd_maps(args) -> int:
    import os

    from assetmap.errors import UserError
    from assetmap.project.backends import open_project
    from assetmap.territories.maps import team_maps
    from assetmap.territories.model import open_plan

    project = open_project(args.project)
    model = open_plan(project, args.plan)
    maps = team_maps(model, project)
    if not maps:
        raise UserError(f"Plan '{args.plan}' has no units assigned yet: there is nothing to map.",
                        "Assign units first (territories assign or balance).")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # rendering needs no screen
    from assetmap.ui.territories_print import write_team_maps

    for path in write_team_maps(maps, args.out_dir, args.format):
        print(path)
    return 0


def cmd_team(args) -> int:
    import re

    from assetmap.errors import UserError
    from assetmap.project.backends import open_project
    from assetmap.territories.commands import SetTeamCommand
    from assetmap.territories.model import open_plan

    if args.colour and not re.fullmatch(r"#[0-9A-Fa-f]{6}", args.colour):
        raise UserError(f"'{args.colour}' is not a colour.", "Give it as #RRGGBB, e.g. #0072B2.")
    if args.name is not None and not args.name.strip():
        raise UserError("A team name can't be empty.")
    model = open_plan(open_project(args.project), args.plan)
    team = _team_index(model.teams, args.team)
    if args.name and any(t.name.lower() == args.name.strip().lower() and t.team != team for t in model.teams):
        raise UserError(f"Another team is already called '{args.name}'.", "Choose another name.")
    locked = True if args.lock else False if args.unlock else None
    SetTeamCommand(model, team, name=args.name.strip() if args.name else None, colour=args.colour,
                   locked=locked).do()
    t = model.team(team)
    print(f"Team {t.team + 1}: {t.name}, {t.colour}{', locked' if t.locked else ''}.")
    return 0
