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
    from assetmap.project.backends import open_any

    project = open_any(args.project)  # a bad path or server fails here, before Qt starts
    # The target (a URL with its password too) goes to the window, never to settings.
    return run_app(project.target, screenshot=args.screenshot, survey_mode=getattr(args, "survey_mode", None))


def cmd_demo(args) -> int:
    from assetmap.demo import demo_project_path

    path = demo_project_path(fresh=args.fresh)
    _style_demo(path)
    from assetmap.ui.app import run_app

    return run_app(path, screenshot=args.screenshot)


DEMO_BREAKS = (2911.8, 4568.7, 6612.4, 8913.8, 12143.4)
DEMO_BREAKS_FOR = "a00f65f8de239c7de7a23e9c42f6f1b0"
# The bundled report layers' natural breaks of rate_per_1000 over all periods (what the first map
# shows), and what they are for: another period or changed data is classified anew.
DEMO_AGGREGATE_BREAKS = {
    "maltreatment_by_neighborhoods_quarterly": (
        [2.752487825534618, 6.922257720979766, 12.761020881670534, 18.88162672476398, 28.708133971291865],
        "1e2c6e651027b18d96971093d7257432"),
    "dv_by_neighborhoods_quarterly": (
        [5.426109160548995, 10.828370330265296, 15.646258503401361, 23.62204724409449, 41.39228598306679],
        "753de72f67854bccfa4ace75a17a684d"),
}


def _style_demo(path) -> None:
    """First opening of the demo: neighbourhoods by population density (natural breaks,
    colour-blind-safe ramp), unless the user has styled them already."""
    from assetmap.layers.style import Style
    from assetmap.project import Project

    project = Project.open(path)
    for name, (breaks, key) in DEMO_AGGREGATE_BREAKS.items():
        if not project.has_layer(name):
            continue
        info = project.layer(name)
        hints = info.style or {}
        if "kind" not in hints and hints.get("field") == "rate_per_1000" and "breaks_for" not in hints:
            info.style = {**hints, "breaks": breaks, "breaks_for": key}
            project.update_layer_info(info)
    if not project.has_layer("neighborhoods"):
        return
    info = project.layer("neighborhoods")
    if info.style:
        return
    # With the bundled data's natural breaks and what they are for (layers/breaks.py): the first
    # map needs no mapclassify. Changed data no longer matches the digest and is classified anew.
    info.style = Style(kind="graduated", field="pop_per_sqmi", scheme="natural_breaks", k=5,
                       ramp="YlGnBu", fill_opacity=0.8, stroke="#555555", breaks=list(DEMO_BREAKS),
                       breaks_for=DEMO_BREAKS_FOR).to_dict()
    project.update_layer_info(info)
