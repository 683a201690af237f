"""assetmap rates | clusters | risk-terrain: smoothed rates, local clusters (LISA) and risk terrain."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("rates", help="raw, empirical Bayes smoothed and excess-risk rates of counts per population",
                       description="For a layer of areas holding counts and populations (e.g. a health "
                                   "department's table). Writes LAYER_rates with rate_raw, rate_smoothed (per "
                                   "1,000), expected, excess_risk and its exact Poisson 95%% interval.")
    p.add_argument("project")
    p.add_argument("layer")
    p.add_argument("--count", required=True, metavar="FIELD")
    p.add_argument("--population", required=True, metavar="FIELD")
    p.add_argument("--smooth", choices=["eb", "spatial-eb"], default="eb",
                   help="empirical Bayes towards the overall rate (eb, default) or the neighbours' (spatial-eb)")
    p.add_argument("--name", help="layer name (default LAYER_rates)")
    p.add_argument("--replace", action="store_true")
    p.set_defaults(func=cmd_rates)

    p = sub.add_parser("clusters", help="local Moran's I (LISA) cluster map, or bivariate LISA with --with",
                       description="High-high, low-low, high-low and low-high clusters with conditional-"
                                   "permutation pseudo p-values. Withheld report counts enter at the midpoint "
                                   "of the withheld range.")
    p.add_argument("project")
    p.add_argument("layer")
    p.add_argument("--field", required=True)
    p.add_argument("--with", dest="with_field", metavar="F2",
                   help="bivariate: the neighbours' F2 against the unit's FIELD")
    p.add_argument("--with-layer", metavar="LAYER2",
                   help="bivariate: take F2 (default FIELD) from this layer on the same units")
    p.add_argument("--weights", default="queen", help="queen (default), rook, knn:K or distance:METRES")
    p.add_argument("--permutations", type=int, default=999)
    p.add_argument("--seed", type=int, default=12345)
    p.add_argument("--fdr", action="store_true", help="false-discovery-rate control (Benjamini-Hochberg)")
    p.add_argument("--period", help="one period of an aggregate layer (default: all periods)")
    p.add_argument("--name", help="layer name (default LAYER_lisa or LAYER_bilisa)")
    p.add_argument("--replace", action="store_true")
    p.set_defaults(func=cmd_clusters)
    register_terrain(sub)


def cmd_rates(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.risk.rates import write_rates

    project = open_project(args.project)
    info = write_rates(project, args.layer, count=args.count, population=args.population, smooth=args.smooth,
                       name=args.name, replace=args.replace)
    meta = info.extra["risk"]
    print(f"Wrote '{info.name}': {meta['n']} units, overall rate {meta['global_rate_per_1000']:.3f} per 1,000; "
          f"smoothed with {args.smooth}.")
    return 0


def cmd_clusters(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.risk.clusters import write_clusters

    project = open_project(args.project)
    info = write_clusters(project, args.layer, field=args.field, with_field=args.with_field,
                          with_layer=args.with_layer, weights=args.weights, permutations=args.permutations,
                          seed=args.seed, fdr=args.fdr, period=args.period, name=args.name, replace=args.replace)
    meta = info.extra["risk"]
    c = meta["counts"]
    print(f"Wrote '{info.name}' ({meta['weights_label']}; {meta['permutations']} permutations, seed {meta['seed']}"
          + (", FDR" if meta["fdr"] else "") + f"): high-high {c['HH']}, low-low {c['LL']}, high-low {c['HL']}, "
          f"low-high {c['LH']}, not significant {c['ns']}.")
    if meta["withheld_units"]:
        print(f"{meta['withheld_units']} withheld unit(s) entered at {meta['imputed_as']:g} (flagged 'imputed').")
    return 0


def register_terrain(sub) -> None:
    p = sub.add_parser("risk-terrain", help="risk terrain model: relative risk of public factors, a surface, PAI",
                       description="Fits a penalised Poisson / negative binomial model of a report file's counts "
                                   "per grid cell on public risk-factor layers (proximity and density), writes the "
                                   "relative risk surface (built from the factor layers only) and, with --test, "
                                   "compares its predictive accuracy index with last period's KDE hot spots.")
    p.add_argument("project")
    p.add_argument("--areas", required=True, help="areas layer the grid covers")
    p.add_argument("--factors", required=True, help="comma-separated public layers (points, lines or polygons)")
    p.add_argument("--train", required=True, action="append", metavar="FILE", help="report file of the training "
                   "period (repeat for several files)")
    p.add_argument("--test", action="append", metavar="FILE", help="report file of the later period to validate on")
    p.add_argument("--outcome", metavar="COL:TEXT", help="count only rows whose COL contains TEXT "
                   "(e.g. description:CHILD)")
    p.add_argument("--cell", type=float, default=150.0, metavar="METRES", help="grid cell size (default 150)")
    p.add_argument("--bandwidths", default="150,300,600", metavar="M,M,…",
                   help="distances at which factors are measured (default 150,300,600)")
    p.add_argument("--top", type=float, default=10.0, metavar="PERCENT", help="high-risk share of cells (default 10)")
    p.add_argument("--kde-bandwidth", type=float, default=500.0, metavar="METRES",
                   help="bandwidth of the naive KDE hot spots it is compared with (default 500)")
    p.add_argument("--name", help="layer name (default risk_terrain)")
    p.add_argument("--replace", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_terrain)


def cmd_terrain(args) -> int:
    import json

    from assetmap.errors import UserError
    from assetmap.project.backends import open_project
    from assetmap.risk.terrain import risk_terrain

    try:
        bands = [float(b) for b in args.bandwidths.split(",") if b.strip()]
    except ValueError:
        raise UserError(f"--bandwidths '{args.bandwidths}' is not a list of metres.", "For example 150,300,600.") \
            from None
    r = risk_terrain(open_project(args.project), areas=args.areas,
                     factors=[f.strip() for f in args.factors.split(",") if f.strip()], train=args.train,
                     test=args.test, outcome=args.outcome, cell_m=args.cell, bandwidths=bands,
                     top_share=args.top / 100.0, kde_bandwidth_m=args.kde_bandwidth, name=args.name,
                     replace=args.replace)
    if args.json:
        print(json.dumps({"layer": r.layer, "family": r.family, "table": [t.as_dict() for t in r.table],
                          "validation": r.validation.as_dict() if r.validation else None}, indent=2))
    else:
        print("\n".join(r.lines()))
    return 0
