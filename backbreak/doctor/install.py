"""How backbreak is installed: its files, start at login, the menu entry, versions, a running instance.

Nothing here creates a file or a folder: a folder that does not exist yet is judged by the nearest one
above it that does (backbreak makes the rest at its first start).
"""

from __future__ import annotations

import importlib.metadata
import os
import sys
from pathlib import Path

from backbreak import ipc, paths
from backbreak.core.settingsfile import inspect_settings
from backbreak.doctor.report import MISSING, OK, WARN, Finding
from backbreak.platform import autostart
from backbreak.platform.autostart import Autostart


def _writable(folder: Path) -> bool:
    for place in (folder, *folder.parents):
        if place.exists():
            return place.is_dir() and os.access(place, os.W_OK | os.X_OK)
    return False


def _folder(key: str, label: str, where: Path) -> Finding:
    if _writable(where.parent):
        return Finding(key, label, OK, str(where), essential=True)
    return Finding(
        key, label, MISSING, f"{where}: its folder cannot be written", f"make {where.parent} yours and writable", True
    )


def settings() -> Finding:
    """The settings file: defaults when missing, its problems when broken (the app repairs them)."""
    where = paths.settings_file()
    found = _folder("settings", "settings", where)
    if found.status != OK:
        return found
    if not where.exists():
        return Finding("settings", "settings", OK, f"defaults ({where} is written at the first change)", essential=True)
    problems = inspect_settings(where)
    if problems:
        advice = "backbreak keeps the file aside and repairs it at its next start"
        return Finding("settings", "settings", WARN, f"{where}: " + "; ".join(problems), advice, True)
    return found


def files() -> list[Finding]:
    """History, log, and the folder of the lock and the control socket."""
    found = [
        settings(),
        _folder("history", "history", paths.history_file()),
        _folder("log", "log", paths.log_file()),
    ]
    runtime, note = paths.runtime_dir(), paths.runtime_dir_note()
    if note:
        advice = "log in through a session manager that sets XDG_RUNTIME_DIR (systemd-logind does)"
        found.append(Finding("runtime", "lock and socket", WARN, f"{runtime} ({note})", advice, True))
    else:
        found.append(Finding("runtime", "lock and socket", OK, str(runtime), essential=True))
    return found


def start_at_login(entry: Autostart | None = None) -> Finding:
    """The entry this OS starts at login, read from the OS rather than from the settings."""
    if entry is None and autostart.in_flatpak():
        return Finding("autostart", "start at login", OK, "kept by the desktop (Background portal)")
    entry = entry or autostart.for_this_os()
    state = entry.state()
    if isinstance(entry, autostart.NoAutostart):
        return Finding("autostart", "start at login", WARN, state.note, "start backbreak yourself after login")
    if state.enabled:
        return Finding("autostart", "start at login", OK, f"on ({state.where})")
    if state.note:
        return Finding("autostart", "start at login", WARN, f"off: {state.note}", "tick Start at login in Settings")
    return Finding("autostart", "start at login", OK, "off (tick Start at login in Settings to turn it on)")


def menu_entry() -> Finding:
    """On XDG desktops: whether backbreak is in the application menu."""
    name = paths.menu_entry().name
    dirs = [paths.menu_entry().parent] + [
        Path(folder) / "applications"
        for folder in os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
        if folder
    ]
    for folder in dirs:
        if (folder / name).exists():
            return Finding("menu", "menu entry", OK, str(folder / name))
    return Finding(
        "menu", "menu entry", WARN, "backbreak is not in the application menu", "run: backbreak --install-desktop-entry"
    )


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def versions() -> Finding:
    """Python, Qt, PySide6 and APScheduler; the one pair known to crash is missing."""
    import PySide6
    from PySide6.QtCore import qVersion

    pyside = PySide6.__version__
    python = sys.version.split()[0]
    detail = f"Python {python}, Qt {qVersion()}, PySide6 {pyside}, APScheduler {_version('APScheduler')}"
    if sys.version_info < (3, 12) and pyside.startswith("6.12."):
        # shared/PLATFORM.md section 0: this pair drops a reference to None per void call and aborts.
        advice = "install PySide6-Essentials below 6.12, or use Python 3.12 or newer"
        return Finding("versions", "versions", MISSING, detail + " (this pair crashes)", advice, True)
    return Finding("versions", "versions", OK, detail, essential=True)


def running() -> Finding:
    """Whether a backbreak answers on the control socket."""
    try:
        reply = ipc.request(paths.socket_file(), "status", timeout=1.0)
    except ipc.IpcError:
        return Finding("running", "running", OK, "no")
    return Finding("running", "running", OK, f"yes, {reply.get('state')}")


def install_findings() -> list[Finding]:
    """All of the above."""
    found = [*files(), start_at_login()]
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        found.append(menu_entry())
    return [*found, versions(), running()]
