"""`python -m backbreak` and the `backbreak` console script: parse, then do what was asked.

Only starting the tray app loads Qt widgets; commands to the running instance never load Qt at all.
"""

from __future__ import annotations

import argparse
import os
import sys

from backbreak import cli, paths
from backbreak.core import languages
from backbreak.core.i18n import _


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    argv = sys.argv[1:] if argv is None else argv
    # Before anything says a word (the tray menu, the parser's help): the language of the setting or the system.
    languages.speak(languages.setting_in(paths.settings_file()), os.environ)
    if not argv:
        return _start()  # the usual start, from the menu or at login: no parser to build first
    args = cli.build_parser().parse_args(argv)
    if args.install_desktop_entry or args.remove_desktop_entry or args.uninstall or args.delete_data:
        return _set_up(args)
    match args.command:
        case None:
            return _start()
        case "routines":
            return cli.run_routines(args)
        case "stats":
            return cli.run_stats(args)
        case "doctor":
            from backbreak import doctor

            return doctor.run(args.json)
        case _:
            return cli.run_client(args)


def _set_up(args: argparse.Namespace) -> int:
    """The menu entry and the uninstall: they change the desktop, not the running backbreak."""
    if args.delete_data and not args.uninstall:
        print(_("backbreak: --delete-data goes with --uninstall (see 'backbreak --help')"), file=sys.stderr)
        return cli.EXIT_USAGE
    from backbreak import desktopentry

    if (args.install_desktop_entry or args.remove_desktop_entry) and not desktopentry.has_xdg_menu():
        print(_("backbreak: the menu entry is for Linux and other XDG desktops"), file=sys.stderr)
        return cli.EXIT_FAILED
    if args.install_desktop_entry:
        menu, *_icons = desktopentry.install()
        print(_("backbreak is in the application menu: {file}").format(file=menu))
        return cli.EXIT_OK
    if args.remove_desktop_entry:
        removed = desktopentry.remove()
        said = "\n".join(_("removed {file}").format(file=path) for path in removed)
        print(said or _("backbreak was not in the menu"))
        return cli.EXIT_OK
    from backbreak import uninstall

    return uninstall.run(args.delete_data)


def _start() -> int:
    shown = cli.show_running()
    if shown is not None:
        return shown
    from backbreak.platform.display import display_problem

    problem = display_problem()
    if problem is not None:
        print(_("backbreak: {problem}").format(problem=problem), file=sys.stderr)
        return 1
    import backbreak.importcheck  # noqa: F401  (first, before anything else imports PySide6: see there)
    from backbreak import paths
    from backbreak.runtime.instance import InstanceLock  # QtCore only: cheap enough to decide

    lock = InstanceLock(paths.lock_file())
    if not lock.acquire():
        return cli.hand_over()
    from backbreak import startup

    return startup.run([sys.argv[0]], lock)


if __name__ == "__main__":
    sys.exit(main())
