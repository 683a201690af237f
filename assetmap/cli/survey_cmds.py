"""assetmap survey forms | install | pack | merge | conflicts | resolve | summary | export.

One ``survey`` group; other modules may add actions to it with ``survey_group(sub)``
(e.g. ``survey import``) without touching this file's commands.
"""

from __future__ import annotations

import json
import sys


def survey_group(sub):
    """The ``survey`` group's action parsers, made by whichever module asks first."""
    group = getattr(sub, "_assetmap_survey_group", None)
    if group is None:
        top = sub.add_parser("survey", help="door-to-door survey: forms, field packages, merge, summary")
        top.set_defaults(func=lambda args: (top.print_help(), 0)[1])
        group = top.add_subparsers(dest="survey_command", metavar="ACTION", parser_class=type(top))
        sub._assetmap_survey_group = group
    return group


def register(sub) -> None:
    ssub = survey_group(sub)

    p = ssub.add_parser("forms", help="list the survey forms installed in a project")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_forms)

    p = ssub.add_parser("install", help="install the built-in form or an XLSForm into a project")
    p.add_argument("project")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--builtin", action="store_true", help='the built-in "Community asset survey"')
    src.add_argument("form", nargs="?", help="an XLSForm (.xlsx)")
    p.set_defaults(func=cmd_install)

    p = ssub.add_parser("pack", help="make a field package for one surveyor")
    p.add_argument("project")
    p.add_argument("out", help="the package to write (.gpkg)")
    p.add_argument("--surveyor", required=True)
    p.add_argument("--areas", help="ids of the areas layer (comma-separated) the surveyor covers")
    p.add_argument("--form", help="form id (default: every installed form)")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=cmd_pack)

    p = ssub.add_parser("merge", help="merge filled-in field packages back (idempotent)")
    p.add_argument("project")
    p.add_argument("packages", nargs="+")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_merge)

    p = ssub.add_parser("conflicts", help="list merge conflicts waiting for a decision")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)

    p = ssub.add_parser("resolve", help="settle a merge conflict")
    p.add_argument("project")
    p.add_argument("uuid")
    p.add_argument("--keep", required=True, choices=["project", "package"])
    p.add_argument("--surveyor", default="", help="who decides (default: the package's surveyor)")
    p.set_defaults(func=cmd_resolve)

    p = ssub.add_parser("summary", help="entries per area, type and surveyor")
    p.add_argument("project")
    p.add_argument("--areas", help="areas layer (default: the project's first)")
    p.add_argument("--form", help="form id (needed when several are installed)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)

    p = ssub.add_parser("export", help="write responses to .csv (lat/lon), .gpkg or .geojson")
    p.add_argument("project")
    p.add_argument("out")
    p.add_argument("--form", help="form id (needed when several are installed)")
    p.add_argument("--labels", action="store_true", help="choice labels instead of codes")
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=cmd_export)


def _store(path):
    from assetmap.project.backends import open_project
    from assetmap.survey.store import SurveyStore

    return SurveyStore(open_project(path))


def cmd_forms(args) -> int:
    store = _store(args.project)
    rows = [{"form_id": f.form_id, "title": f.title, "version": f.version, "layer": store.layer(f.form_id),
             "responses": len(store.responses(f.form_id))} for f in store.forms()]
    if args.json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print("No survey forms. Install one: assetmap survey install PROJECT.gpkg --builtin")
    for r in rows if not args.json else []:
        print(f"{r['form_id']}\t{r['title']}\tversion {r['version'] or '-'}\tlayer {r['layer']}\t{r['responses']} responses")
    return 0


def cmd_install(args) -> int:
    from assetmap.errors import UserError

    store = _store(args.project)
    if args.builtin:
        from assetmap.survey import builtin_form

        form = builtin_form()
    elif args.form:
        from assetmap.survey.xlsform import load_form

        form = load_form(args.form)
    else:
        raise UserError("Which form? Give --builtin or an XLSForm file.", "Example: assetmap survey install P.gpkg --builtin")
    layer = store.install_form(form)
    print(f"Installed form '{form.form_id}' ({form.title}); responses go to layer '{layer}'.")
    for line in form.unsupported:
        print(f"  not supported, ignored: {line}")
    return 0


def cmd_pack(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.pack import make_package

    areas = [a.strip() for a in args.areas.split(",") if a.strip()] if args.areas else None
    result = make_package(open_project(args.project), args.out, surveyor=args.surveyor, form_id=args.form,
                          areas=areas, overwrite=args.overwrite)
    print(result.text())
    return 0


def cmd_merge(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.merge import merge_package

    project = open_project(args.project)
    reports = [merge_package(project, pkg) for pkg in args.packages]
    if args.json:
        print(json.dumps([dict(package=r.package, surveyor=r.surveyor, **r.counts,
                               conflict_uuids=[c.uuid for c in r.conflicts],
                               possible_duplicates=r.possible_duplicates,
                               placed_from_address=[dict(uuid=u, where=pl.where, match_type=pl.match_type,
                                                         score=pl.score) for u, pl in r.placed])
                           for r in reports], indent=2))
    else:
        for r in reports:
            print(r.text())
    return 0


def cmd_conflicts(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.merge import pending_conflicts

    conflicts = pending_conflicts(open_project(args.project))
    if args.json:
        print(json.dumps([{"uuid": c.uuid, "form_id": c.form_id, "package_id": c.package_id,
                           "package_surveyor": c.package_surveyor, "fields": c.fields,
                           "project": c.project, "package": c.package, "project_deleted": c.project_deleted,
                           "package_deleted": c.package_deleted, "detected_at": c.detected_at}
                          for c in conflicts], indent=2, ensure_ascii=False))
        return 0
    if not conflicts:
        print("No merge conflicts waiting.")
    for c in conflicts:
        print(c.text())
    return 0


def cmd_resolve(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.merge import resolve_conflict

    r = resolve_conflict(open_project(args.project), args.uuid, keep=args.keep, surveyor=args.surveyor)
    print(f"Resolved {r.uuid}: kept the {args.keep}'s version (revision {r.revision}).")
    return 0


def cmd_summary(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.summary import survey_summary

    s = survey_summary(open_project(args.project), form_id=args.form, areas_layer=args.areas)
    if args.json:
        print(json.dumps({"form_id": s.form_id, "areas_layer": s.areas_layer, "entries": s.entries,
                          "covered": s.covered, "total_areas": s.total_areas, "by_type": s.by_type,
                          "by_surveyor": s.by_surveyor, "confidential": s.confidential,
                          "no_location": s.no_location, "outside": s.outside,
                          "areas": [a.__dict__ for a in s.areas if a.entries]}, indent=2, ensure_ascii=False))
    else:
        print(s.text())
    return 0


def cmd_export(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.summary import export_responses

    n = export_responses(open_project(args.project), args.out, form_id=args.form, labels=args.labels,
                         overwrite=args.overwrite)
    print(f"Wrote {n} responses to {args.out} (confidential and deleted entries left out).", file=sys.stdout)
    return 0
