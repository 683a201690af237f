"""publish, admin init-roles: shared projects on PostgreSQL + PostGIS."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("publish", help="copy a GeoPackage project to a PostGIS database")
    p.add_argument("project", help="the .gpkg project file")
    p.add_argument("url", help="postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                               "(schema 'assetmap', or ?options=-csearch_path%%3DNAME)")
    p.add_argument("--replace", action="store_true", help="overwrite a project already in that schema")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("admin", help="administer a shared PostGIS project")
    admin = p.add_subparsers(dest="admin_command", metavar="ACTION", parser_class=type(p))
    r = admin.add_parser("init-roles", help="create the surveyor, team_lead and planner roles and grants")
    r.add_argument("url", help="postgresql:// URL of the published project (as its owner)")
    r.set_defaults(func=cmd_init_roles)
    p.set_defaults(func=lambda args: (p.print_help(), 0)[1])


def cmd_publish(args) -> int:
    from assetmap.postgis.connect import redact
    from assetmap.postgis.publish import publish

    summary = publish(args.project, args.url, replace=args.replace)
    n = sum(summary["layers"].values())
    print(f"Published {len(summary['layers'])} layers ({n} features) and {len(summary['tables'])} project "
          f"tables to {redact(args.url)}, schema '{summary['schema']}'.")
    return 0


def cmd_init_roles(args) -> int:
    from assetmap.postgis.roles import init_roles

    done = init_roles(args.url)
    print(f"Roles ready in schema '{done['schema']}': " + ", ".join(done["roles"]) + ".")
    print("Add people with: CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE surveyor;")
    return 0
