"""`backbreak --uninstall [--delete-data]`: take back what backbreak added to the desktop.

Run before the program itself is removed (pipx uninstall, or deleting the bundle's folder).

It removes the start-at-login entry and the menu entry with its icons; with --delete-data also the
settings, your routines, the history and the log. It refuses while backbreak runs, which would write
them again.
"""

from __future__ import annotations

import sys

from backbreak import APP_ID, desktopentry, ipc, paths
from backbreak.core.i18n import _
from backbreak.platform import autostart


def run(delete_data: bool) -> int:
    """Remove, print what went, and say how to remove the program; 1 when backbreak still runs."""
    try:
        ipc.request(paths.socket_file(), "status", timeout=1.0)
    except ipc.IpcError:
        pass
    else:
        print(_("backbreak: backbreak is running; stop it first with 'backbreak quit'"), file=sys.stderr)
        return 1
    if autostart.in_flatpak():
        command = f"flatpak uninstall {'--delete-data ' if delete_data else ''}{APP_ID}"
        print(_("Inside the Flatpak, remove it with: {command}").format(command=command))
        return 1
    entry = autostart.for_this_os()
    state = entry.state()
    if not isinstance(entry, autostart.NoAutostart) and (state.enabled or state.note):
        entry.apply(False)
        print(_("removed start at login: {where}").format(where=entry.state().where))
    for path in desktopentry.remove():
        print(_("removed {file}").format(file=path))
    if delete_data:
        for folder in desktopentry.delete_user_data():
            print(_("deleted {folder}").format(folder=folder))
    else:
        print(_("kept your settings and history (add --delete-data to delete them too)"))
    print(_("Now remove the program itself: 'pipx uninstall backbreak', or delete the bundle's folder."))
    return 0
