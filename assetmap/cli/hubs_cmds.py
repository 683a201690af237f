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
    p.add_argument("--address", default="")
    p.add_argument("--hours", default="", help='opening hours as text, e.g. "Mon-Fri 9am-5pm"')
    p.add_argument("--eligibility", default="")
    p.add_argument("--confidential", action="store_true",
                   help="never drawn or exported (DV shelters); counts in aggregate coverage only")
    p.set_defaults(func=cmd_add)

    p = hsub.add_parser("list", help="list hubs (confidential ones only as a count)")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = hsub.add_parser("categories", help="list the service categories (built-in and the project's)")
    p.add_argument("project", nargs="?")
    p.add_argument("--add", metavar="LABEL", help="add a category to the project's taxonomy")
    p.set_defaults(func=cmd_categories)


def cmd_import(args) -> int:
    from assetmap.hubs.hsds_import import import_hsds
    from assetmap.project import Project

    report = import_hsds(Project.open(args.project), args.source, unplaced=args.unplaced)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(report.lines()))
    return 0


def cmd_export(args) -> int:
    from assetmap.hubs.hsds_export import export_hsds
    from assetmap.project import Project

    counts = export_hsds(Project.open(args.project), args.out_dir, overwrite=args.overwrite)
    print(f"Wrote HSDS package to {args.out_dir}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    return 0


def cmd_add(args) -> int:
    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec
    from assetmap.hubs.taxonomy import categories, resolve_category
    from assetmap.project import Project

    project = Project.open(args.project)
    cats = categories(project)
    specs = []
    for text in args.service:
        cat, _, name = text.partition(":")
        code = resolve_category(cat, cats=cats)
        specs.append(ServiceSpec(name=name.strip() or cats[code]["label"], category=code,
                                 eligibility=args.eligibility, confidential=args.confidential))
    cmd = commands.add_hub(project, args.name, args.lon, args.lat, organization=args.organization,
                           services=specs, phone=args.phone, address=args.address, hours=args.hours,
                           eligibility=args.eligibility, confidential=args.confidential)
    CommandStack().push(cmd)
    print(f"Added hub {args.name} ({cmd.result}){' (confidential)' if args.confidential else ''}.")
    return 0


def cmd_list(args) -> int:
    from assetmap.hubs import directory
    from assetmap.hubs.privacy import public_directory
    from assetmap.project import Project

    full = directory.load(Project.open(args.project))
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


def cmd_categories(args) -> int:
    from assetmap.hubs import taxonomy
    from assetmap.project import Project

    project = Project.open(args.project) if args.project else None
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
