"""assetmap report / indicators: shared measurement for the partnership (see docs/indicators.md)."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser(
        "report", help="the partnership report (PDF or offline HTML): a map and table per indicator",
        description="Cover, one page per indicator (choropleth with legend and scale, highest and "
                    "lowest areas, change since the previous period, city-wide trend), data sources "
                    "and the suppression note. Suppressed counts stay suppressed.")
    p.add_argument("project")
    p.add_argument("out", help="OUT.pdf or OUT.html")
    p.add_argument("--period", help="e.g. 2018Q4 or 2018-Q4, or 'all' (default: the latest period)")
    p.add_argument("--indicators", metavar="A,B", help="indicator ids (default: all stored, else the defaults)")
    p.add_argument("--format", dest="fmt", choices=["pdf", "html"], help="default: from OUT's extension")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4")
    p.set_defaults(func=cmd_report)

    ind = sub.add_parser("indicators", help="shared-measurement indicators: list, store defaults, compute to CSV")
    isub = ind.add_subparsers(dest="indicators_command", metavar="ACTION")
    p = isub.add_parser("list", help="the project's indicators (stored, else the defaults it would use)")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = isub.add_parser("defaults", help="store the default indicators for the layers present")
    p.add_argument("project")
    p.add_argument("--replace", action="store_true", help="replace indicators stored before")
    p.set_defaults(func=cmd_defaults)
    p = isub.add_parser("compute", help="every indicator per area and period as a long CSV")
    p.add_argument("project")
    p.add_argument("out", help="OUT.csv (unit_id, unit, period, indicator, value, suppressed)")
    p.add_argument("--period", action="append", help="keep only this period (repeatable)")
    p.add_argument("--indicators", metavar="A,B")
    p.set_defaults(func=cmd_compute)
    ind.set_defaults(func=lambda args: (ind.print_help(), 0)[1])


def _ids(text: str | None) -> list[str] | None:
    return [t.strip() for t in text.split(",") if t.strip()] if text else None


def cmd_report(args) -> int:
    from assetmap.indicators.report import build_report
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    out = build_report(project, args.out, period=args.period, indicators=_ids(args.indicators),
                       fmt=args.fmt, paper=args.paper)
    print(f"Wrote {out}")
    return 0


def cmd_list(args) -> int:
    import json

    from assetmap.indicators.model import default_indicators, load_indicators
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    stored = load_indicators(project)
    inds = stored or default_indicators(project)
    if args.json:
        print(json.dumps({"stored": bool(stored), "indicators": [i.to_dict() for i in inds]}, indent=2))
        return 0
    if not stored:
        print("No indicators stored yet; these are the defaults "
              f"(store them with: assetmap indicators defaults {args.project}):")
    for i in inds:
        print(f"{i.id:28} {i.name}  [{i.method}: {i.numerator_layer}"
              + (f" / {i.denominator_field}" if i.denominator_field else "") + f"; {i.direction}]")
    return 0


def cmd_defaults(args) -> int:
    from assetmap.errors import UserError
    from assetmap.indicators.model import default_indicators, load_indicators, save_indicators
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    if load_indicators(project) and not args.replace:
        raise UserError(f"{project.path} already has indicators stored.",
                        "Pass --replace to overwrite them with the defaults.")
    inds = default_indicators(project)
    if not inds:
        raise UserError("No default indicator fits the layers of this project.",
                        "Add report aggregates (`assetmap reports`), assets, hubs or a survey layer first.")
    save_indicators(project, inds)
    print(f"Stored {len(inds)} indicators: {', '.join(i.id for i in inds)}")
    return 0


def cmd_compute(args) -> int:
    from assetmap.indicators.compute import compute
    from assetmap.indicators.export import write_csv
    from assetmap.indicators.model import indicators_or_defaults, select
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    inds = select(indicators_or_defaults(project), _ids(args.indicators))
    df = compute(project, inds, periods=args.period)
    out = write_csv(df, args.out)
    print(f"Wrote {out} ({len(df)} rows, {int(df['suppressed'].sum())} suppressed)")
    return 0
