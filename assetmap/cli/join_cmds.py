"""join: add a table's columns (population, census estimates) to a layer by a key."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("join", help="join a table (CSV, XLSX, DBF) to a layer by a key")
    p.add_argument("project", help="a .gpkg project or a postgresql:// URL")
    p.add_argument("layer", help="layer to add the columns to")
    p.add_argument("table", help="table file: .csv, .tsv, .txt, .xlsx or .dbf")
    p.add_argument("--on", required=True, metavar="KEY[=TABLEKEY]",
                   help="the layer's key field, and the table's key column when it is named differently")
    p.add_argument("--sheet", help="sheet of an Excel workbook (default: the first)")
    p.add_argument("--columns", help="only these table columns, comma-separated (default: all)")
    p.add_argument("--prefix", default="", help="put this before every added column name")
    p.add_argument("--encoding", help="text encoding of a CSV (default UTF-8, then Windows-1252)")
    p.add_argument("--json", action="store_true", help="print the join report as JSON")
    p.set_defaults(func=cmd_join)


def cmd_join(args) -> int:
    from assetmap.join import join_table
    from assetmap.project.backends import open_any

    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
    report = join_table(open_any(args.project), args.layer, args.table, args.on, sheet=args.sheet,
                        columns=columns, prefix=args.prefix, encoding=args.encoding)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(report.lines()))
    return 0
