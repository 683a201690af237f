"""assetmap sensitivity: show or change how far a layer may travel (docs/privacy.md)."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("sensitivity", help="show or set a layer's sensitivity (public, internal, confidential)",
                       description="Public layers go everywhere; internal ones stay in the office (never in a "
                                   "field package or a surveyor's view); confidential ones are never drawn, "
                                   "exported or packaged. A layer made from internal data can't be made public.")
    p.add_argument("project")
    p.add_argument("layer", nargs="?", help="the layer (default: list every layer)")
    p.add_argument("level", nargs="?", choices=["public", "internal", "confidential"])
    p.set_defaults(func=cmd_sensitivity)

    p = sub.add_parser("suppression", help="show or raise the project's small-count threshold (default 10)",
                       description="Counts from 1 to N are withheld in every report layer of the project. "
                                   "Raising N re-derives every published count layer; below 10 is refused.")
    p.add_argument("project")
    p.add_argument("threshold", nargs="?", type=int, metavar="N")
    p.set_defaults(func=cmd_suppression)


def cmd_suppression(args) -> int:
    from assetmap.project.backends import open_any
    from assetmap.reports.policy import project_threshold, set_threshold

    project = open_any(args.project)
    if args.threshold is not None:
        remade = set_threshold(project, args.threshold)
        if remade:
            print(f"Re-derived {len(remade)} layer(s): {', '.join(remade)}.")
    print(f"Counts 1–{project_threshold(project)} are withheld in every report layer of {project.path}.")
    return 0


def cmd_sensitivity(args) -> int:
    from assetmap.layers.sensitivity import describe, lineage_names
    from assetmap.project.backends import open_any
    from assetmap.privacy import set_sensitivity

    project = open_any(args.project)
    if args.layer and args.level:
        info = set_sensitivity(project, args.layer, args.level)
        print(f"{info.name}: {describe(info.sensitivity)}")
        return 0
    infos = [project.layer(args.layer)] if args.layer else project.layers()
    for info in infos:
        made = lineage_names(info.extra)
        print(f"{info.name:32} {info.sensitivity:13}" + (f" made from {', '.join(made)}" if made else ""))
    return 0
