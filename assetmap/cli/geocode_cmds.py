"""assetmap locator add|list|remove, assetmap geocode: offline address geocoding."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("locator", help="reference addresses for offline geocoding (address points or ranges)",
                       description="Locators are public reference data stored in the project: address "
                                   "points (an address list, parcels) or street centrelines with address "
                                   "ranges (TIGER/Line layout). Nothing is looked up online.")
    lsub = p.add_subparsers(dest="locator_command", metavar="ACTION")
    a = lsub.add_parser("add", help="build a locator from a file and store it in the project")
    a.add_argument("project")
    a.add_argument("name", help="locator name (lower-case letters, digits, _)")
    a.add_argument("source", help="CSV with coordinates, or any vector file (points, parcels, street lines)")
    a.add_argument("--number", metavar="COL", help="house number column")
    a.add_argument("--street", metavar="COL", help="street column (for lines: the full street name; "
                                                   "default FULLNAME)")
    a.add_argument("--address", metavar="COL", help="one-line address column (instead of --number/--street)")
    a.add_argument("--zip", dest="zip_col", metavar="COL", help="ZIP code column")
    a.add_argument("--fields", metavar="MAP", help="for street lines not in the TIGER layout: "
                   "LFROMHN=COL,LTOHN=COL,RFROMHN=COL,RTOHN=COL[,PARITYL=COL,PARITYR=COL,ZIPL=COL,ZIPR=COL]")
    a.add_argument("--layer", help="layer of a multi-layer source")
    a.add_argument("--x", metavar="COL")
    a.add_argument("--y", metavar="COL")
    a.add_argument("--src-crs")
    a.add_argument("--encoding")
    a.add_argument("--public-source", action="store_true",
                   help="the source is published open data even though it lists incidents (e.g. police "
                        "open data); without it such files are refused")
    a.add_argument("--replace", action="store_true", help="rebuild a locator of the same name")
    a.set_defaults(func=cmd_add)
    ls = lsub.add_parser("list", help="the project's locators")
    ls.add_argument("project")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    rm = lsub.add_parser("remove", help="remove a locator")
    rm.add_argument("project")
    rm.add_argument("name")
    rm.set_defaults(func=cmd_remove)
    p.set_defaults(func=lambda args: (p.print_help(), 0)[1])

    g = sub.add_parser("geocode", help="add lon, lat, match_type, score to a public CSV of addresses",
                       description="Geocodes a public table (a directory, an address list) offline with the "
                                   "project's locators. Files that look like case records are refused: "
                                   "use 'assetmap reports ... --locator' for those (only counts are stored).")
    g.add_argument("project")
    g.add_argument("input")
    g.add_argument("output")
    g.add_argument("--locator", required=True, metavar="NAME", help="locator(s), comma-separated")
    g.add_argument("--address", metavar="COL")
    g.add_argument("--number", metavar="COL")
    g.add_argument("--street", metavar="COL")
    g.add_argument("--zip", metavar="COL", help="ZIP code column: chooses between streets of the same name in "
                   "two places (a ZIP typed at the end of the address counts too)")
    g.add_argument("--encoding")
    g.add_argument("--replace", action="store_true", help="overwrite OUTPUT")
    g.add_argument("--json", action="store_true", help="print the match summary as JSON")
    g.set_defaults(func=cmd_geocode)


def _fields(text: str | None) -> dict[str, str] | None:
    from assetmap.errors import UserError
    from assetmap.geocode.locators import TIGER_FIELDS

    if not text:
        return None
    by_tiger = {v: k for k, v in TIGER_FIELDS.items()}
    out = {}
    for part in text.split(","):
        key, _, col = part.partition("=")
        key = key.strip().upper()
        if key not in by_tiger or not col.strip():
            raise UserError(f"--fields: can't read '{part}'.",
                            f"Use TIGERNAME=COLUMN pairs; TIGER names: {', '.join(TIGER_FIELDS.values())}.")
        out[by_tiger[key]] = col.strip()
    return out


def cmd_add(args) -> int:
    from assetmap.geocode.locators import add_locator
    from assetmap.project.backends import open_project

    r = add_locator(open_project(args.project), args.name, args.source, number=args.number, street=args.street,
                    address=args.address, zip_col=args.zip_col, fields=_fields(args.fields), layer=args.layer,
                    x=args.x, y=args.y, src_crs=args.src_crs, encoding=args.encoding,
                    public_source=args.public_source, replace=args.replace)
    print("\n".join(r.lines()))
    return 0


def cmd_list(args) -> int:
    from assetmap.geocode.locators import list_locators
    from assetmap.project.backends import open_project

    infos = list_locators(open_project(args.project))
    if args.json:
        print(json.dumps([{"name": i.name, "kind": i.kind, "source": i.source, "created_at": i.created_at,
                           "features": i.features} for i in infos], indent=2))
    elif not infos:
        print("No locators. Add one: assetmap locator add PROJECT NAME FILE --number COL --street COL")
    else:
        for i in infos:
            print(f"{i.name}\t{i.kind}\t{i.features}\t{i.source}\t{i.created_at}")
    return 0


def cmd_remove(args) -> int:
    from assetmap.geocode.locators import remove_locator
    from assetmap.project.backends import open_project

    remove_locator(open_project(args.project), args.name)
    print(f"Removed locator '{args.name}'.")
    return 0


def cmd_geocode(args) -> int:
    from assetmap.geocode.columns import AddressColumns, geocode_file
    from assetmap.project.backends import open_project

    cols = AddressColumns(address=args.address, number=args.number, street=args.street, zip=args.zip)
    r = geocode_file(open_project(args.project), args.input, args.output, locator=args.locator, columns=cols,
                     encoding=args.encoding, replace=args.replace)
    if args.json:
        print(json.dumps({"output": str(r.out), "rows": len(r.matches.score), "match_types": r.matches.counts(),
                          "low_score_rows": [int(i) + 2 for i in r.matches.low_score_rows()]}, indent=2))
    else:
        print("\n".join(r.lines()))
    return 0
