"""assetmap reports: sensitive report file -> suppressed counts per area or hexagon."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser(
        "reports", help="aggregate sensitive reports (maltreatment, DV) into suppressed counts",
        description="Counts reports per area (or hexagon) and period. The report rows and their "
                    "coordinates are never stored: only counts, with counts 1..N suppressed.")
    p.add_argument("project")
    p.add_argument("file", help="CSV with one row per report")
    p.add_argument("--kind", required=True, choices=["maltreatment", "dv"])
    p.add_argument("--areas", required=True, help="areas layer (needs an id field)")
    p.add_argument("--hex", type=int, metavar="RES",
                   help="count per H3 hexagon of this resolution (6-10) over the areas instead")
    p.add_argument("--x", metavar="COL", help="longitude/x column (detected by name if omitted)")
    p.add_argument("--y", metavar="COL", help="latitude/y column")
    p.add_argument("--src-crs", help="coordinate system of x/y (default: longitude/latitude)")
    p.add_argument("--date-col", metavar="COL", help="date column, for --period")
    p.add_argument("--period", choices=["year", "quarter", "month"])
    p.add_argument("--skip-bad-dates", action="store_true",
                   help="leave rows with unreadable dates out of the periods (counted) instead of failing")
    p.add_argument("--min-count", type=int, default=10, metavar="N",
                   help="suppress counts 1..N (default 10, at least 5)")
    p.add_argument("--name", help="layer name (default KIND_by_AREAS or KIND_by_hexRES)")
    p.add_argument("--filter-col", metavar="COL", help="keep only rows whose COL contains --filter-contains")
    p.add_argument("--filter-contains", metavar="TEXT", help="text to look for (case-insensitive)")
    p.add_argument("--population-field", metavar="FIELD", help="areas field for rate_per_1000")
    p.add_argument("--encoding")
    p.add_argument("--replace", action="store_true", help="replace a layer of the same name")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_reports)


def cmd_reports(args) -> int:
    from assetmap.project import Project
    from assetmap.reports import aggregate_reports

    project = Project.open(args.project)
    result = aggregate_reports(
        project, args.file, args.kind, areas=args.areas, hex_res=args.hex, x=args.x, y=args.y,
        src_crs=args.src_crs, date_col=args.date_col, period=args.period, min_count=args.min_count,
        name=args.name, filter_col=args.filter_col, filter_contains=args.filter_contains,
        population_field=args.population_field, skip_bad_dates=args.skip_bad_dates,
        encoding=args.encoding, replace=args.replace)
    if args.json:
        print(json.dumps({"layer": result.layer, "units": result.units, "periods": result.periods,
                          "read": result.read, "selected": result.selected, "in_units": result.in_units,
                          "outside": result.outside, "no_coordinates": result.no_coordinates,
                          "bad_dates": result.bad_dates, "suppressed": result.suppressed_cells,
                          "complementary": result.complementary}, indent=2))
    else:
        print("\n".join(result.lines()))
    return 0
