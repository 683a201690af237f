"""map: export a project's map to HTML (offline, interactive), PNG or PDF, headless."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("map", help="export the map of a project to .html, .png or .pdf")
    p.add_argument("project", help="a .gpkg project")
    p.add_argument("out", help="OUT.html (interactive, works offline), OUT.png or OUT.pdf")
    p.add_argument("--layers", help="comma-separated layer names, top first (default: the visible layers)")
    p.add_argument("--title", help="title on the map (default: the project's title)")
    p.add_argument("--width", type=float, default=11.0, help="PNG/PDF width in inches (default 11)")
    p.add_argument("--height", type=float, default=8.5, help="PNG/PDF height in inches (default 8.5)")
    p.add_argument("--dpi", type=int, default=150, help="PNG/PDF resolution (default 150)")
    p.set_defaults(func=cmd_map)


def cmd_map(args) -> int:
    import sys
    from pathlib import Path

    from assetmap.errors import UserError
    from assetmap.project.backends import open_project

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".png", ".pdf"):
        raise UserError(f"Can't export a map as '{out.suffix or out.name}'.", "Name the output .html, .png or .pdf.")
    if not out.parent.exists():
        raise UserError(f"The folder {out.parent} does not exist.", "Create it first or choose another output path.")
    if not (0.5 <= args.width <= 100 and 0.5 <= args.height <= 100 and 36 <= args.dpi <= 1200):
        raise UserError("Size or resolution out of range.", "Use --width/--height 0.5-100 inches, --dpi 36-1200.")
    project = open_project(args.project)
    layers = [n.strip() for n in args.layers.split(",") if n.strip()] if args.layers else None

    def note(text: str) -> None:
        print(f"assetmap: note: {text}", file=sys.stderr)
    if suffix == ".html":
        from assetmap.mapview.export import export_html

        export_html(project, out, layers, args.title, on_note=note)
    else:
        from assetmap.ui.app import ensure_qt_app
        from assetmap.ui.map_export import export_image

        ensure_qt_app(gui=False)
        export_image(project, out, layers, args.title, args.width, args.height, args.dpi, on_note=note)
    print(out)
    return 0
