"""open, demo: start the desktop app."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("open", help="open a project in the desktop app")
    p.add_argument("project", nargs="?",
                   help="a .gpkg project or field package, or a shared project's postgresql:// URL (none: a "
                        "welcome page offers the demo, a new project from your boundaries, or joining a survey)")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="save a PNG of the window once the map is drawn, then exit")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--survey-mode", dest="survey_mode", action="store_const", const=True,
                      help="the volunteer's window: the form, their blocks and entries, nothing else "
                           "(the default for a field package)")
    mode.add_argument("--full", dest="survey_mode", action="store_const", const=False,
                      help="the planner's full window, even for a field package")
    p.set_defaults(func=cmd_open)

    p = sub.add_parser("demo", help="open the bundled St. Louis demo project")
    p.add_argument("--screenshot", metavar="FILE.png",
                   help="save a PNG of the window once the map is drawn, then exit")
    p.add_argument("--fresh", action="store_true", help="start again from the bundled copy")
    p.set_defaults(func=cmd_demo)


def cmd_open(args) -> int:
    from assetmap.ui.app import run_app

    if args.project is None:  # launched from a desktop menu with no file: the welcome page
        return run_app(None, screenshot=args.screenshot)
    from assetmap.postgis import is_postgres_url, open_any

    project = open_any(args.project)  # a bad path or server fails here, before Qt starts
    if is_postgres_url(args.project):  # the URL (its password too) goes to the window, never to settings
        return run_app(args.project, screenshot=args.screenshot, survey_mode=False)
    return run_app(project.path, screenshot=args.screenshot, survey_mode=getattr(args, "survey_mode", None))


def cmd_demo(args) -> int:
    from assetmap.demo import demo_project_path

    path = demo_project_path(fresh=args.fresh)
    _style_demo(path)
    from assetmap.ui.app import run_app

    return run_app(path, screenshot=args.screenshot)


def _style_demo(path) -> None:
    """First opening of the demo: neighbourhoods by population density (natural breaks,
    colour-blind-safe ramp), unless the user has styled them already."""
    from assetmap.layers.style import Style
    from assetmap.project import Project

    project = Project.open(path)
    if not project.has_layer("neighborhoods"):
        return
    info = project.layer("neighborhoods")
    if info.style:
        return
    info.style = Style(kind="graduated", field="pop_per_sqmi", scheme="natural_breaks", k=5,
                       ramp="YlGnBu", fill_opacity=0.8, stroke="#555555").to_dict()
    project.update_layer_info(info)
