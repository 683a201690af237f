"""assetmap reports: sensitive report file -> suppressed counts per area or hexagon."""

from __future__ import annotations

import json
import sys


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
    p.add_argument("--hex-size", type=float, metavar="METRES",
                   help="count per hexagon of an own grid, METRES across, over the areas instead")
    p.add_argument("--kde", type=float, nargs="?", const=500.0, metavar="BANDWIDTH_M",
                   help="store a kernel density surface (reports per km², grid over the areas) instead of "
                        "counts; bandwidth in metres, default 500, at least 300")
    p.add_argument("--kde-kernel", choices=["quartic", "gaussian"], default="quartic",
                   help="with --kde: quartic (radius = bandwidth, default) or gaussian (sigma = bandwidth)")
    p.add_argument("--kde-cell", type=float, metavar="METRES", help="with --kde: grid cell size (default: half "
                   "the bandwidth)")
    p.add_argument("--x", metavar="COL", help="longitude/x column (detected by name if omitted)")
    p.add_argument("--y", metavar="COL", help="latitude/y column")
    p.add_argument("--src-crs", help="coordinate system of x/y (default: longitude/latitude)")
    p.add_argument("--date-col", metavar="COL", help="date column, for --period")
    p.add_argument("--period", choices=["year", "quarter", "month"])
    p.add_argument("--skip-bad-dates", action="store_true",
                   help="leave rows with unreadable dates out of the periods (counted) instead of failing")
    p.add_argument("--name", help="layer name (default KIND_by_AREAS or KIND_by_hexRES)")
    p.add_argument("--filter-col", metavar="COL", help="keep only rows whose COL contains --filter-contains")
    p.add_argument("--filter-contains", metavar="TEXT", help="text to look for (case-insensitive)")
    p.add_argument("--population-field", metavar="FIELD", help="areas field for rate_per_1000")
    p.add_argument("--encoding")
    p.add_argument("--replace", action="store_true", help="replace a layer of the same name")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--locator", metavar="NAME", help="locate reports by address with this locator (in memory; "
                   "no address or position is stored), instead of x/y")
    p.add_argument("--address", metavar="COL", help="with --locator: one-line address column")
    p.add_argument("--number", metavar="COL", help="with --locator: house number column")
    p.add_argument("--street", metavar="COL", help="with --locator: street column")
    p.add_argument("--zip", metavar="COL", help="with --locator: ZIP code column (chooses between streets of "
                   "the same name in two places; read in memory, not stored)")
    p.add_argument("--smooth", choices=["eb", "spatial-eb"],
                   help="with --population-field: also store empirical Bayes smoothed rates (global or spatial) "
                        "and the excess risk with its exact 95%% interval (withheld counts enter imputed)")
    p.set_defaults(func=cmd_reports)

    p = sub.add_parser("hotspots", help="Getis-Ord Gi* hot spots of an aggregate layer (or 'hot in both')")
    p.add_argument("project")
    p.add_argument("layer", help="aggregate layer (e.g. dv_by_neighborhoods)")
    p.add_argument("--period", help="one period of the layer (default: all periods together)")
    p.add_argument("--fdr", action="store_true", help="false-discovery-rate control (Benjamini-Hochberg)")
    p.add_argument("--both", metavar="LAYER", help="also mark units hot in this aggregate layer too")
    p.add_argument("--name", help="layer name (default LAYER_hotspots)")
    p.add_argument("--replace", action="store_true")
    p.set_defaults(func=cmd_hotspots)

    p = sub.add_parser("bivariate", help="3x3 bivariate classes and correlation of two aggregate layers")
    p.add_argument("project")
    p.add_argument("layer_a")
    p.add_argument("layer_b")
    p.add_argument("--period")
    p.add_argument("--json", action="store_true")
    p.add_argument("--layer", metavar="NAME", nargs="?", const="",
                   help="also write the classes as a map layer (drawn with a 2-D legend); default name "
                        "<a>_x_<b>_by_<units>")
    p.add_argument("--replace", action="store_true", help="with --layer: overwrite a layer of that name")
    p.set_defaults(func=cmd_bivariate)


def cmd_reports(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.reports import aggregate_reports

    project = open_project(args.project)
    from assetmap.geocode.columns import report_geocoder

    args.geocode = report_geocoder(project, args)
    if args.kde is not None:
        return _cmd_density(project, args)
    if args.kde_cell is not None or args.kde_kernel != "quartic":
        from assetmap.errors import UserError

        raise UserError("--kde-kernel and --kde-cell shape a density surface.", "Add --kde [BANDWIDTH_M].")
    result = aggregate_reports(  # the window's wizard calls it too; a shared project joins in SQL
        project, args.file, args.kind, areas=args.areas, hex_res=args.hex, hex_size=args.hex_size,
        x=args.x, y=args.y,
        src_crs=args.src_crs, date_col=args.date_col, period=args.period,
        name=args.name, filter_col=args.filter_col, filter_contains=args.filter_contains,
        population_field=args.population_field, skip_bad_dates=args.skip_bad_dates,
        encoding=args.encoding, replace=args.replace, geocode=args.geocode, smooth=args.smooth)
    from assetmap.mapview.report_styles import remember_breaks

    remember_breaks(project, result.layer)  # the next start draws it without mapclassify
    if args.json:
        print(json.dumps({"layer": result.layer, "units": result.units, "periods": result.periods,
                          "read": result.read, "selected": result.selected, "in_units": result.in_units,
                          "outside": result.outside, "no_coordinates": result.no_coordinates,
                          "bad_dates": result.bad_dates, "suppressed": result.suppressed_cells,
                          "complementary": result.complementary}
                         | ({"geocoded": args.geocode.counts} if args.geocode else {}), indent=2))
    else:
        print("\n".join(result.lines() + (args.geocode.lines() if args.geocode else [])))
    return 0


def _cmd_density(project, args) -> int:
    from assetmap.errors import UserError
    from assetmap.reports.kde import density_reports

    for flag, value in (("--hex", args.hex), ("--hex-size", args.hex_size),
                        ("--population-field", args.population_field), ("--smooth", args.smooth)):
        if value is not None:
            raise UserError(f"--kde makes a density surface: {flag} does not apply to it.",
                            f"Drop {flag}, or drop --kde to count per unit.")
    r = density_reports(
        project, args.file, args.kind, areas=args.areas, bandwidth_m=args.kde, kernel=args.kde_kernel,
        cell_m=args.kde_cell, x=args.x, y=args.y, src_crs=args.src_crs, date_col=args.date_col,
        period=args.period, name=args.name, filter_col=args.filter_col,
        filter_contains=args.filter_contains, skip_bad_dates=args.skip_bad_dates, encoding=args.encoding,
        replace=args.replace, geocode=args.geocode)
    from assetmap.mapview.report_styles import remember_breaks

    remember_breaks(project, r.layer)
    if args.json:
        print(json.dumps({"layer": r.layer, "cells": r.cells, "periods": r.periods, "kernel": r.kernel,
                          "bandwidth_m": r.bandwidth_m, "cell_m": r.cell_m, "read": r.read,
                          "selected": r.selected, "in_units": r.in_units, "outside": r.outside,
                          "no_coordinates": r.no_coordinates, "bad_dates": r.bad_dates,
                          "withheld": r.withheld, "complementary": r.complementary}
                         | ({"geocoded": args.geocode.counts} if args.geocode else {}), indent=2))
    else:
        print("\n".join(r.lines() + (args.geocode.lines() if args.geocode else [])))
    return 0


def cmd_hotspots(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.reports.hotspots import hot_in_both, hotspots

    project = open_project(args.project)
    info = hotspots(project, args.layer, period=args.period, fdr=args.fdr, name=args.name, replace=args.replace)
    found = info.extra["hotspots"]
    print(f"Wrote hot-spot layer '{info.name}': {found['hot']} hot and {found['cold']} cold units "
          "(90 % confidence or more"
          + (", FDR-controlled)." if args.fdr else ")."))
    if args.both:
        other = hotspots(project, args.both, period=args.period, fdr=args.fdr, replace=args.replace)
        both = hot_in_both(project, info.name, other.name, name=f"hot_in_both_{args.layer}"[:63],
                           replace=args.replace)
        n = int(project.read_layer(both.name, columns=["hot_in_both"])["hot_in_both"].sum())
        print(f"Wrote '{other.name}' and '{both.name}': {n} units hot in both.")
    return 0


def cmd_bivariate(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.reports.bivariate import bivariate

    b = bivariate(open_project(args.project), args.layer_a, args.layer_b, period=args.period)
    if args.json:
        print(json.dumps({"units": [str(u) for u in b.units], "class_a": b.class_a, "class_b": b.class_b,
                          "colors": b.colors, "breaks_a": b.breaks_a, "breaks_b": b.breaks_b,
                          "pearson": b.pearson, "spearman": b.spearman, "n": b.n, "legend": b.legend},
                         indent=2))
    else:
        fmt = lambda v: "n/a" if v is None else f"{v:.2f}"  # noqa: E731
        print(f"{b.n} units known in both: Pearson r = {fmt(b.pearson)}, Spearman rho = {fmt(b.spearman)}.")
        for item in b.legend:
            print(f"  {item['color']}  {item['label']}: {item['units']} units")
    if args.layer is not None:
        from assetmap.reports.bivariate_layer import write_bivariate

        info = write_bivariate(open_project(args.project), args.layer_a, args.layer_b, period=args.period,
                               name=args.layer or None, replace=args.replace)
        print(f"Wrote map layer '{info.name}'.", file=sys.stderr if args.json else sys.stdout)
    return 0
