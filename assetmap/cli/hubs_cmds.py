"""hubs import/export/add/list/category, catchments, access, find."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    hubs = sub.add_parser("hubs", help="resource hubs and their services (Open Referral HSDS)")
    hsub = hubs.add_subparsers(dest="hubs_command", metavar="ACTION")
    hubs.set_defaults(func=lambda args: (hubs.print_help(), 0)[1])

    p = hsub.add_parser("import", help="import an HSDS 3 data package (folder or zip)")
    p.add_argument("project")
    p.add_argument("source", metavar="DIR_OR_ZIP")
    p.add_argument("--unplaced", action="store_true",
                   help="import locations with impossible coordinates without a position (reported)")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.add_argument("--locator", metavar="NAME",
                   help="place locations that have an address but no coordinates with this locator (offline)")
    p.set_defaults(func=cmd_import)

    p = hsub.add_parser("export", help="export the public directory as an HSDS 3 data package")
    p.add_argument("project")
    p.add_argument("out_dir", metavar="OUT_DIR")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=cmd_export)

    p = hsub.add_parser("add", help="add a hub by hand")
    p.add_argument("project")
    p.add_argument("name")
    p.add_argument("--lon", type=float, required=True, help="longitude (WGS 84)")
    p.add_argument("--lat", type=float, required=True, help="latitude (WGS 84)")
    p.add_argument("--organization", default="")
    p.add_argument("--service", action="append", default=[], metavar="CATEGORY[:NAME]",
                   help="a service offered here (repeat); category code or label from `hubs categories`")
    p.add_argument("--phone", default="")
    p.add_argument("--address", default="", help='street, or the whole line: "4200 Labadie Ave, St. Louis, MO 63115"')
    p.add_argument("--city", default="")
    p.add_argument("--state", default="", help="state or province, e.g. MO")
    p.add_argument("--postal-code", default="")
    p.add_argument("--country", default="", help="two-letter country code (US when a state and ZIP are given)")
    p.add_argument("--hours", default="", help='opening hours as text, e.g. "Mon-Fri 9am-5pm"')
    p.add_argument("--eligibility", default="")
    p.add_argument("--confidential", action="store_true",
                   help="never drawn or exported (DV shelters); counts in aggregate coverage only")
    p.set_defaults(func=cmd_add)

    p = hsub.add_parser("list", help="list hubs (confidential ones only as a count)")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = hsub.add_parser("categorize", help="give a category to services by name or HSDS taxonomy term")
    p.add_argument("project")
    p.add_argument("--match", required=True, metavar="TEXT", help="part of a service name or taxonomy term")
    p.add_argument("--as", dest="category", required=True, metavar="CATEGORY")
    p.add_argument("--overwrite", action="store_true", help="also change services that have a category")
    p.set_defaults(func=cmd_categorize)

    p = hsub.add_parser("categories", help="list the service categories (built-in and the project's)")
    p.add_argument("project", nargs="?")
    p.add_argument("--add", metavar="LABEL", help="add a category to the project's taxonomy")
    p.set_defaults(func=cmd_categories)

    p = sub.add_parser("catchments", help="draw reach rings around public hubs (a catchments layer)")
    p.add_argument("project")
    p.add_argument("--within", action="append", required=True, metavar="DISTANCE",
                   help="ring distance, e.g. 1mi, 800m, 0.5km (repeat for several rings)")
    p.add_argument("--by", choices=["hub", "category"], default="hub")
    p.add_argument("--service", action="append", metavar="CATEGORY", help="only these categories (--by category)")
    p.add_argument("--name", default="catchments", help="layer name (default: catchments)")
    p.set_defaults(func=cmd_catchments)

    p = sub.add_parser("coverage", help="share of each area (and its population) within reach of each service")
    p.add_argument("project")
    p.add_argument("--within", default="1mi", metavar="DISTANCE", help="reach (default 1mi)")
    p.add_argument("--areas", help="areas layer (default: the project's first areas layer)")
    p.add_argument("--service", action="append", metavar="CATEGORY", help="only these categories")
    p.add_argument("--out", help="also write the table to this CSV file")
    p.add_argument("--layer", metavar="NAME", help="also write the per-area table as a map layer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_coverage)

    p = sub.add_parser("access", help="gap analysis: high need, low access to a service")
    p.add_argument("project")
    p.add_argument("--need", required=True, metavar="LAYER:FIELD", help="numeric field measuring need")
    p.add_argument("--service", required=True, metavar="CATEGORY")
    p.add_argument("--within", metavar="DISTANCE", help="reach that counts as access, e.g. 1mi "
                   "(default: farther than the median distance is low access)")
    p.add_argument("--out", help="also write the ranked table to this CSV file")
    p.add_argument("--no-layer", action="store_true", help="do not write the gap layer into the project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_access)

    p = sub.add_parser("find", help="nearest hubs and assets for a family's needs; referral sheet PDF "
                       "(the spot is never stored)")
    p.add_argument("project")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--at", metavar="LON,LAT", help="the spot, in WGS 84 longitude,latitude")
    where.add_argument("--area", metavar="NAME", help="a neighbourhood name or number")
    p.add_argument("--service", action="append", required=True, metavar="CATEGORY", help="repeat for several")
    p.add_argument("--per-service", type=int, default=3, help="results per service (default 3)")
    p.add_argument("--pdf", metavar="OUT.pdf", help="write a one-page referral sheet")
    p.add_argument("--overwrite", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_find)


def cmd_import(args) -> int:
    from assetmap.hubs.hsds_import import import_hsds
    from assetmap.project.backends import open_project

    report = import_hsds(open_project(args.project), args.source, unplaced=args.unplaced, locator=args.locator)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(report.lines()))
    return 0


def cmd_export(args) -> int:
    from assetmap.hubs.hsds_export import export_hsds
    from assetmap.project.backends import open_project

    notes: list[str] = []
    counts = export_hsds(open_project(args.project), args.out_dir, overwrite=args.overwrite, notes=notes)
    print(f"Wrote HSDS package to {args.out_dir}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    for note in notes:
        print(f"Note: {note}")
    return 0


def cmd_add(args) -> int:
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec
    from assetmap.hubs.taxonomy import categories, resolve_category
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    cats = categories(project)
    specs = []
    for text in args.service:
        cat, _, name = text.partition(":")
        code = resolve_category(cat, cats=cats)
        specs.append(ServiceSpec(name=name.strip() or cats[code]["label"], category=code,
                                 eligibility=args.eligibility, confidential=args.confidential))
    cmd = commands.add_hub(project, args.name, args.lon, args.lat, organization=args.organization,
                           services=specs, phone=args.phone, address=args.address, city=args.city,
                           state_province=args.state, postal_code=args.postal_code, country=args.country,
                           hours=args.hours,
                           eligibility=args.eligibility, confidential=args.confidential)
    CommandStack().push(cmd)
    print(f"Added hub {args.name} ({cmd.result}){' (confidential)' if args.confidential else ''}.")
    return 0


def cmd_list(args) -> int:
    from assetmap.hubs import directory
    from assetmap.hubs.privacy import public_directory
    from assetmap.project.backends import open_project

    full = directory.load(open_project(args.project))
    d = public_directory(full)
    cats = d.hub_categories()
    rows = [{"id": r["id"], "name": r["name"], "latitude": r["latitude"], "longitude": r["longitude"],
             "categories": sorted(cats.get(r["id"], ()))} for _, r in d["locations"].iterrows()]
    hidden = len(full["locations"]) - len(rows)
    if args.json:
        json.dump({"hubs": rows, "confidential_hubs": hidden}, sys.stdout, indent=2)
        print()
        return 0
    for r in rows:
        where = f"{r['latitude']}, {r['longitude']}" if r["latitude"] else "(no position)"
        print(f"{r['name'][:40]:40} {where:28} {', '.join(r['categories'])}")
    if hidden:
        print(f"+ {hidden} confidential hub(s), not listed.")
    if not rows and not hidden:
        print("No hubs yet. Add one with `assetmap hubs add` or `assetmap hubs import`.")
    return 0


def cmd_categorize(args) -> int:
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    cmd = commands.edit_command(project, f"Categorise '{args.match}'",
                                lambda d: d.categorize(args.match, args.category, overwrite=args.overwrite))
    if cmd.result:
        CommandStack().push(cmd)
    print(f"{cmd.result} service(s) now in category {args.category}.")
    return 0


def cmd_categories(args) -> int:
    from assetmap.hubs import taxonomy
    from assetmap.project.backends import open_project

    project = open_project(args.project) if args.project else None
    if args.add:
        if project is None:
            from assetmap.errors import UserError

            raise UserError("Adding a category needs a project.", "assetmap hubs categories P.gpkg --add LABEL")
        code = taxonomy.add_category(project, args.add)
        print(f"Added category {code}.")
        return 0
    for code, row in taxonomy.categories(project).items():
        print(f"{code:18} {row['label']}")
    return 0


def cmd_catchments(args) -> int:
    from assetmap.access.catchments import catchment_layer, parse_distance, write_catchments
    from assetmap.hubs import directory
    from assetmap.hubs.taxonomy import categories, resolve_category
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    distances = [parse_distance(w) for w in args.within]
    cats = None
    if args.service:
        table = categories(project)
        cats = [resolve_category(c, cats=table) for c in args.service]
    gdf = catchment_layer(directory.load(project), distances, by=args.by, categories=cats)
    write_catchments(project, gdf, name=args.name)
    print(f"Wrote {len(gdf)} catchment(s) to layer '{args.name}' (public hubs only).")
    return 0


def cmd_coverage(args) -> int:
    from assetmap.access.catchments import areas_layer, coverage, coverage_summary, parse_distance
    from assetmap.hubs import directory
    from assetmap.hubs.taxonomy import categories, resolve_category
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    dist = parse_distance(args.within)
    cats = None
    if args.service:
        table = categories(project)
        cats = [resolve_category(c, cats=table) for c in args.service]
    gdf, id_field, name_field, pop = areas_layer(project, args.areas)
    d = directory.load(project)
    kwargs = dict(id_field=id_field, name_field=name_field, population_field=pop, categories=cats)
    cov = coverage(gdf, d, dist, **kwargs)
    summary = coverage_summary(cov)
    # Confidential sites count in the whole-city figures only, never per area, and only where they
    # can't be located (access.confidential: registered areas, radius floor, several sites, rounded).
    from assetmap.access.confidential import summary_with_confidential

    with_all = summary_with_confidential(project, d, dist, categories=cats)
    if args.out:
        from assetmap.access.gap import write_csv

        write_csv(cov, args.out)
    if args.layer:
        from assetmap.access.catchments import write_coverage_layer
        from assetmap.layers.info import validate_layer_name

        write_coverage_layer(project, gdf, cov, validate_layer_name(args.layer), dist)
    if args.json:
        json.dump({"within_m": dist, "summary": summary, "summary_with_confidential": with_all,
                   "areas": json.loads(cov.to_json(orient="records"))}, sys.stdout, indent=2)
        print()
        return 0
    print(f"Within {args.within} ({dist:.0f} m) of a public hub (with confidential sites):")
    for cat in sorted(set(summary) | set(with_all)):
        row, full = summary.get(cat, {}), with_all.get(cat, {})
        if "withheld" in full or not full:
            share = row.get("population_share", row.get("mean_area_share", 0))
            what = "of people" if "population_share" in row else "of the average area"
            print(f"  {cat:18} {share:.1%} {what} (with confidential sites: withheld, "
                  f"{full.get('withheld', 'none placed')})")
        elif "population_share" in full:
            text = f"{row.get('population_share', 0):.1%} ({full['population_share']:.1%}) of people"
        else:
            text = f"{row.get('mean_area_share', 0):.1%} ({full['mean_area_share']:.1%}) of the average area"
        print(f"  {cat:18} {text}")
    return 0


def cmd_access(args) -> int:
    from assetmap.access.catchments import format_distance, parse_distance
    from assetmap.access.gap import run_access
    from assetmap.project.backends import open_project

    project = open_project(args.project)
    within = parse_distance(args.within) if args.within else None
    table = run_access(project, args.need, args.service, within=within, write_layer=not args.no_layer)
    plain = table.drop(columns=table.geometry.name)
    if args.out:
        from assetmap.access.gap import write_csv

        write_csv(plain, args.out)
    if args.json:
        json.dump({"service": table.attrs["category"], "need": args.need, "within_m": within,
                   "need_cut": table.attrs["need_cut"], "access_cut_m": table.attrs["access_cut_m"],
                   "layer": table.attrs.get("layer"),
                   "areas": json.loads(plain.to_json(orient="records"))}, sys.stdout, indent=2)
        print()
        return 0
    gaps = plain[plain["gap"]]
    print(f"{len(gaps)} area(s) with high need (>= {table.attrs['need_cut']:g}) and no "
          f"{table.attrs['category']} within {format_distance(table.attrs['access_cut_m'])}:")
    for _, r in gaps.iterrows():
        print(f"  {r['rank']:>3}. {str(r['area_name'])[:32]:32} need {r['need']:>10g}   "
              f"nearest {format_distance(r['distance_m'])} {r['nearest_hub']}")
    if table.attrs.get("layer"):
        print(f"Layer '{table.attrs['layer']}' holds these areas.")
    return 0


def _spot(text: str):
    from assetmap.errors import UserError

    try:
        lon, lat = (float(v) for v in text.replace(" ", "").split(","))
    except ValueError:
        raise UserError("--at takes LON,LAT (two numbers separated by a comma).",
                        "For example: --at -90.25,38.62") from None
    return lon, lat


def cmd_find(args) -> int:
    from dataclasses import asdict

    from assetmap.access.catchments import format_distance
    from assetmap.access.finder import find_resources
    from assetmap.access.referral_pdf import write_referral_sheet
    from assetmap.project.backends import open_project

    spot = _spot(args.at) if args.at else None
    result = find_resources(open_project(args.project), args.service, spot=spot, area=args.area,
                            per_category=args.per_service)
    if args.pdf:
        write_referral_sheet(result, args.pdf, overwrite=args.overwrite)
    if args.json:
        json.dump({"from": result.origin_label, "resources": [asdict(r) for r in result.resources]},
                  sys.stdout, indent=2)
        print()
        return 0
    for cat in result.categories:
        print(result.labels[cat])
        rows = result.for_category(cat)
        if not rows:
            print("  (none in this project)")
        for r in rows:
            print(f"  {format_distance(r.distance_m):22} {r.name}  {r.phone}  {r.hours}")
    if args.pdf:
        print(f"Referral sheet: {args.pdf}")
    return 0
