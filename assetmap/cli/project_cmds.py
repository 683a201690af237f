"""new, import, layers, export."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("new", help="create an empty project file (or shared project at a postgresql:// URL)")
    p.add_argument("project")
    p.add_argument("--crs", default="EPSG:4326", help="project CRS (default EPSG:4326)")
    p.add_argument("--title")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("import", help="import a file as a layer")
    p.add_argument("project", help="a .gpkg project or a postgresql:// URL")
    from assetmap.importers.readers import supported_text

    p.add_argument("file", help=f"the file to import: {supported_text()}")
    p.add_argument("--role", required=True, help="areas, assets, hubs, survey, territories, other")
    p.add_argument("--name", help="layer name (default: from the file name)")
    p.add_argument("--layer", help="layer inside a GeoPackage/KML with several")
    p.add_argument("--x", help="CSV column with x/longitude")
    p.add_argument("--y", help="CSV column with y/latitude")
    p.add_argument("--src-crs", help="CRS of the file when it does not say (e.g. EPSG:4326)")
    p.add_argument("--encoding", help="text encoding of a CSV or shapefile (default UTF-8)")
    p.add_argument("--swap-xy", action="store_true", help="the file has latitude and longitude swapped")
    p.add_argument("--id-field", help="unique id field of an areas layer")
    p.add_argument("--name-field", help="name field of an areas layer")
    p.add_argument("--replace", action="store_true", help="replace a layer of the same name")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    p.add_argument("--allow-case-records", action="store_true",
                   help="import even though columns look like case records (abuse, DV, victims, case numbers, "
                        "dates of birth); recorded in the layer's provenance. Reports belong in `assetmap reports`")
    p.add_argument("--sensitivity", choices=["public", "internal", "confidential"],
                   help="how far the layer may travel (default public; see docs/privacy.md)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("layers", help="list the layers of a project")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_layers)

    p = sub.add_parser("export", help="export a layer to gpkg, geojson, csv, shp or fgb")
    p.add_argument("project")
    p.add_argument("layer")
    p.add_argument("out")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=cmd_export)


def cmd_new(args) -> int:
    from assetmap.project.backends import create_project

    # A file, or an empty shared project on a server (made as a file, published in one transaction).
    project = create_project(args.project, crs=args.crs, title=args.title)
    where = f"the shared project {project.server}" if project.server else str(project.path)
    print(f"Created {where} (CRS {project.crs}).")
    return 0


def cmd_import(args) -> int:
    from assetmap.importers import import_file
    from assetmap.project.backends import open_any

    project = open_any(args.project)
    report = import_file(
        project, args.file, args.role, name=args.name, layer=args.layer, x=args.x, y=args.y,
        src_crs=args.src_crs, encoding=args.encoding, swap_xy=args.swap_xy,
        id_field=args.id_field, name_field=args.name_field, replace=args.replace,
        allow_case_records=args.allow_case_records, sensitivity=args.sensitivity,
    )
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(report.lines()))
    return 0


def cmd_layers(args) -> int:
    from assetmap.project.backends import open_any

    project = open_any(args.project)
    rows = [
        {"name": i.name, "display_name": i.display_name, "role": i.role.value,
         "geometry_type": i.geometry_type, "feature_count": i.feature_count, "crs": project.crs,
         "visible": i.visible, "sensitivity": i.sensitivity}
        for i in project.layers()
    ]
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        print()
        return 0
    if not rows:
        print(f"{project.path} has no layers yet. Add one with `assetmap import`.")
        return 0
    print(f"{'name':24} {'role':12} {'geometry':16} {'features':>8}  crs")
    for r in rows:
        mark = "" if r["sensitivity"] == "public" else f"  [{r['sensitivity']}]"
        print(f"{r['name']:24} {r['role']:12} {r['geometry_type']:16} {r['feature_count']:>8}  {r['crs']}{mark}")
    return 0


def cmd_export(args) -> int:
    from assetmap.exporters.vector import export_layer
    from assetmap.project.backends import open_any

    n = export_layer(open_any(args.project), args.layer, args.out, overwrite=args.overwrite)
    print(f"Wrote {n} features to {args.out}.")
    return 0
