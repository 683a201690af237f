"""The ``assetmap`` command line.

Each feature registers its own sub-commands from a module listed in
``COMMAND_MODULES``; modules import nothing heavy at top level so that
``assetmap --help`` stays instant. User errors print one clear message on
stderr and exit 2; bugs keep their traceback and exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys

from assetmap import __version__
from assetmap.errors import Cancelled, UserError

# Each module and the commands it adds (tests/test_cli.py checks this against what ``register``
# adds). A command line that names a command builds only its modules' parsers: building all of
# them took 30-40 ms of every start of the app.
COMMANDS_BY_MODULE = {
    "assetmap.cli.project_cmds": ("export", "import", "layers", "new"),
    "assetmap.cli.gui_cmds": ("demo", "open"),
    "assetmap.cli.map_cmds": ("map",),
    "assetmap.cli.hubs_cmds": ("access", "catchments", "coverage", "find", "hubs"),
    "assetmap.cli.territories_cmds": ("territories",),
    "assetmap.cli.reports_cmds": ("bivariate", "hotspots", "reports"),
    "assetmap.cli.postgis_cmds": ("admin", "publish"),
    "assetmap.cli.survey_cmds": ("survey",),
    "assetmap.cli.survey_import_cmds": ("survey",),   # sub-commands of survey's parser
    "assetmap.cli.indicators_cmds": ("indicators", "report"),
    "assetmap.cli.geocode_cmds": ("geocode", "locator"),
    "assetmap.cli.risk_cmds": ("clusters", "rates", "risk-terrain"),
    "assetmap.cli.join_cmds": ("join",),
    "assetmap.cli.survey_reference_cmds": ("survey",),
    "assetmap.cli.privacy_cmds": ("sensitivity", "suppression"),
}
COMMAND_MODULES = list(COMMANDS_BY_MODULE)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own usage errors also exit 2
        self.print_usage(sys.stderr)
        self.exit(2, f"assetmap: error: {message}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``command`` (a name in ``COMMANDS_BY_MODULE``) only that command's."""
    parser = _Parser(prog="assetmap", description="Community asset and risk mapping.")
    parser.add_argument("--version", action="version", version=f"assetmap {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation headless (demo, import, map render) and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, commands in COMMANDS_BY_MODULE.items():
        if command is None or command in commands:
            importlib.import_module(name).register(sub)
    return parser


def _named_command(argv: list[str]) -> str | None:
    """The command a command line names first (``demo`` in ``demo --screenshot x``), if it is
    one we know and nothing before it is an option; else None (the whole parser answers)."""
    if not argv or argv[0].startswith("-"):
        return None
    known = {c for commands in COMMANDS_BY_MODULE.values() for c in commands}
    return argv[0] if argv[0] in known else None


# "-90.24,38.61" after an option: argparse takes it for an option ("expected one argument").
_NEGATIVE_PAIR = re.compile(r"^-\d*\.?\d+(e-?\d+)?\s*,")


def join_negative_values(argv: list[str]) -> list[str]:
    """``--at -90.24,38.61`` (the spelling every US example uses) as ``--at=-90.24,38.61``."""
    out: list[str] = []
    for tok in argv:
        if (out and out[-1].startswith("--") and "=" not in out[-1] and out[-1] != "--"
                and _NEGATIVE_PAIR.match(tok)):
            out[-1] = f"{out[-1]}={tok}"
        else:
            out.append(tok)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = join_negative_values(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(_named_command(argv))
    args = parser.parse_args(argv)
    if args.self_test:
        from assetmap.selftest import run_self_test

        return run_self_test()
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    from assetmap.layers.sensitivity import track

    try:
        with track():  # a layer made from what this command read is at least as sensitive
            result = args.func(args)
    except UserError as exc:
        print(f"assetmap: error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 2
    except Cancelled:
        print("assetmap: cancelled; nothing was changed.", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("assetmap: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    return int(result or 0)
