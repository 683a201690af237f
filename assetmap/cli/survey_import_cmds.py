"""assetmap survey import: KoboToolbox / ODK CSV exports into a project's survey layer."""

from __future__ import annotations


def register(sub) -> None:
    from assetmap.cli.survey_cmds import survey_group

    p = survey_group(sub).add_parser(
        "import", help="import a KoboToolbox or ODK CSV export (bad rows are reported, the rest imported)")
    p.add_argument("project")
    p.add_argument("export", help="the CSV the server exported (Kobo: ';' or ',' separated; ODK Central), or "
                   "Kobo's Excel export or ODK Central's .zip; repeats are read from EXPORT-<repeat>.csv files beside it, "
                   "its sheets or the zip")
    p.add_argument("--form", help="the XLSForm the export came from (installed if the project lacks it)")
    p.add_argument("--surveyor", help="name to record when the export has no submitter column")
    p.add_argument("--encoding", help="text encoding of the CSV (default UTF-8)")
    p.add_argument("--locator", metavar="NAME", help="rows without a location get one from their address "
                   "(offline, with this locator), and so do repeat entries whose group has its own location and "
                   "an address question marked geocode=yes (or named address); needs --address-column unless "
                   "the form marks its address question")
    p.add_argument("--address-column", metavar="COL", help="the column (or text question) with the typed address")
    p.add_argument("--zip", dest="zip_column", metavar="COL", help="with --locator: ZIP code column (or question); "
                   "chooses between streets of the same name in two places (a ZIP typed at the end of the "
                   "address counts too)")
    p.set_defaults(func=cmd_import)


def cmd_import(args) -> int:
    from assetmap.project.backends import open_project
    from assetmap.survey.kobo import import_export, load_form_for

    project = open_project(args.project)
    form_id = load_form_for(args.form, project)
    address_column = args.address_column
    if args.locator is not None and address_column is None:
        from assetmap.geocode.survey import address_question
        from assetmap.survey.store import SurveyStore

        aq = address_question(SurveyStore(project).form(form_id))   # the form's marked address question
        address_column = aq.name if aq is not None else None
    report = import_export(project, args.export, form_id, surveyor=args.surveyor, encoding=args.encoding,
                           locator=args.locator, address_column=address_column,
                           zip_column=args.zip_column)
    print(report.text())
    return 0
