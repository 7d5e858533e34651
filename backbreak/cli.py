"""The `backbreak` command line: parsing and the client side. Imports no Qt, so commands stay quick.

Exit codes: 0 done; 1 no running instance, or the request failed (one clear line); 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from backbreak import __version__, ipc, paths
from backbreak.core.durations import DurationError, parse_duration
from backbreak.core.i18n import _
from backbreak.core.statusline import status_line_of

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One clear line and exit 2, not argparse's usage block.
        self.exit(EXIT_USAGE, _("backbreak: {message} (see 'backbreak --help')").format(message=message) + "\n")


def _duration(text: str) -> int:
    try:
        seconds = parse_duration(text)
    except DurationError:
        # i18n: {text} is what was typed; "45s", "25m" and "1h30m" are how durations are written, never translated
        message = _('"{text}" is not a duration (write it like "45s", "25m" or "1h30m")')
        raise argparse.ArgumentTypeError(message.format(text=text)) from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError(_('"{text}" is no time at all').format(text=text))
    return seconds


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_('"{text}" is not a whole number of days').format(text=text)) from None
    if not 1 <= days <= 3660:
        raise argparse.ArgumentTypeError(_("days must be between 1 and 3660"))
    return days


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; `backbreak` with no command starts the tray app."""
    parser = _Parser(
        prog="backbreak",
        description=_(
            "A quiet tray app that counts how long you have really been sitting and guides short breaks. "
            "With no command it starts (or shows) the tray app; commands control the running one."
        ),
    )
    parser.add_argument("--version", action="version", version=f"backbreak {__version__}")
    setup = parser.add_mutually_exclusive_group()
    setup.add_argument(
        "--install-desktop-entry", action="store_true", help=_("put backbreak in the application menu (pip installs)")
    )
    setup.add_argument("--remove-desktop-entry", action="store_true", help=_("take it out of the menu again"))
    setup.add_argument(
        "--uninstall",
        action="store_true",
        help=_("remove start at login and the menu entry, before removing backbreak"),
    )
    parser.add_argument(
        "--delete-data", action="store_true", help=_("with --uninstall: delete settings and history too")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    status = commands.add_parser("status", help=_("how long you have been sitting and what comes next"))
    status.add_argument("--json", action="store_true", help=_("one JSON object"))
    start = commands.add_parser("break", help=_("start a break now"))
    start.add_argument("routine", nargs="?", help=_("a routine name (see 'backbreak routines'), or 'move'"))
    snooze = commands.add_parser("snooze", help=_("put off the due break"))
    snooze.add_argument("duration", nargs="?", type=_duration, help=_('like "10m" (default: the snooze setting)'))
    commands.add_parser("skip", help=_("skip the due (or next) break"))
    pause = commands.add_parser("pause", help=_("no reminders for a while"))
    how_long = pause.add_mutually_exclusive_group(required=True)
    how_long.add_argument("duration", nargs="?", type=_duration, help=_('like "30m" or "1h30m"'))
    how_long.add_argument("--until-tomorrow", action="store_true", help=_("until tomorrow's start of work"))
    commands.add_parser("resume", help=_("end a pause"))
    commands.add_parser("quit", help=_("stop the running backbreak"))
    routines = commands.add_parser("routines", help=_("list the stretch routines"))
    routines_sub = routines.add_subparsers(dest="routines_command", metavar="show", parser_class=_Parser)
    show = routines_sub.add_parser("show", help=_("one routine"))
    show.add_argument("name")
    stats = commands.add_parser("stats", help=_("how much you sat and moved (reads the history; no instance needed)"))
    stats.add_argument("--days", type=_days, default=7, help=_("how many days, ending today (default 7)"))
    form = stats.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help=_("one JSON object"))
    form.add_argument("--csv", action="store_true", help=_("one row per day"))
    doctor = commands.add_parser("doctor", help=_("what this desktop offers backbreak, and what to do about it"))
    doctor.add_argument("--json", action="store_true", help=_("one JSON object"))
    return parser


def run_client(args: argparse.Namespace) -> int:
    """Send a command to the running instance and print its answer."""
    request: dict[str, Any] = {}
    match args.command:
        case "break":
            request = {"routine": args.routine} if args.routine else {}
        case "snooze":
            request = {"seconds": args.duration} if args.duration else {}
        case "pause":
            request = {"until_tomorrow": True} if args.until_tomorrow else {"seconds": args.duration}
    try:
        result = ipc.request(paths.socket_file(), args.command, request)
    except ipc.IpcError as exc:
        print(f"backbreak: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.command == "status" and args.json:
        print(json.dumps(result, indent=None))
    elif args.command == "quit":
        print(_("backbreak stopped."))
    elif "tooltip" in result:
        print(status_line_of(result))  # in this command's language; the app's own tooltip there is English
    return EXIT_OK


def run_routines(args: argparse.Namespace) -> int:
    """List routines (built-in and yours), or show one's steps."""
    from backbreak import cliwords
    from backbreak.core.routines import builtin_folder, load_routines
    from backbreak.core.routinewords import translated

    loaded = load_routines([builtin_folder(), paths.routines_dir()])
    for problem in loaded.problems:
        print(_("backbreak: skipped {problem}").format(problem=problem), file=sys.stderr)
    if getattr(args, "routines_command", None) == "show":
        routine = loaded.routines.get(args.name)
        if routine is None:
            known = ", ".join(sorted(loaded.routines))
            message = _("backbreak: no routine called {name} (known: {known})")
            print(message.format(name=repr(args.name), known=known), file=sys.stderr)
            return EXIT_FAILED
        print(cliwords.routine_page(translated(routine)))
        return EXIT_OK
    for routine in loaded.routines.values():
        print(
            cliwords.routine_row(routine.name, translated(routine).title, routine.total, routine.source != "built-in")
        )
    return EXIT_OK


def run_stats(args: argparse.Namespace) -> int:
    """Print statistics from the history file; an empty history gives zeros."""
    import datetime as dt

    from backbreak import cliwords
    from backbreak.core.history import HistoryError
    from backbreak.core.stats import summary_from_file

    try:
        summary, _ = summary_from_file(paths.history_file(), dt.datetime.now().astimezone().date(), args.days)
    except HistoryError as exc:
        print(f"backbreak: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(summary.to_json()))
    elif args.csv:
        sys.stdout.write(summary.to_csv())
    else:
        totals = summary.to_json()
        print(cliwords.stats_text(totals, args.days))
    return EXIT_OK


def show_running() -> int | None:
    """If a backbreak already answers, ask it to show itself and return the exit code; else None.

    The usual second start: it costs one socket round trip and never loads Qt.
    """
    try:
        result = ipc.request(paths.socket_file(), "show")
    except ipc.IpcError:
        return None  # nothing answers (or not properly): the lock decides, and says what is wrong
    print(_("backbreak is already running. {status}").format(status=status_line_of(result)).strip())
    return EXIT_OK


def hand_over(timeout: float = 5.0) -> int:
    """Another backbreak holds the lock: ask it to show itself, waiting a moment if it is still starting."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            result = ipc.request(paths.socket_file(), "show")
        except ipc.NotRunningError:
            if time.monotonic() > deadline:
                print(_("backbreak: another backbreak holds the lock but does not answer"), file=sys.stderr)
                return EXIT_FAILED
            time.sleep(0.05)  # the winner of a simultaneous start is still opening its socket
            continue
        except ipc.IpcError as exc:
            print(f"backbreak: {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(_("backbreak is already running. {status}").format(status=status_line_of(result)).strip())
        return EXIT_OK
