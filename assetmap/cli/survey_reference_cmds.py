"""assetmap survey reference: mark a line layer (streets) to be shown in volunteers' survey mode."""

from __future__ import annotations


def register(sub) -> None:
    from assetmap.cli.survey_cmds import survey_group

    p = survey_group(sub).add_parser(
        "reference", help="show a line layer (e.g. streets) as a reference in survey mode and field packages")
    p.add_argument("project")
    p.add_argument("layer", help="a line layer of the project")
    p.add_argument("--off", action="store_true", help="stop showing it")
    p.set_defaults(func=cmd_reference)


def cmd_reference(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.whereabouts import mark_reference

    info = mark_reference(open_project(args.project), args.layer, not args.off)
    print(f"{info.name}: {'shown' if not args.off else 'not shown'} in survey mode "
          "(packages made from now on carry it).")
    return 0
