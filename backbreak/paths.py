"""Where backbreak keeps its files, and where it writes into the desktop; the one place that says.

Its own files come from platformdirs (app name "backbreak"). What it adds to the desktop is named here too:
the start-at-login entry of each OS, the menu entry and the icons, so that writing, reporting (`backbreak
doctor`) and removing (`backbreak --uninstall`) always look in the same places. On Linux the XDG
variables are honoured, which is also how tests isolate themselves.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import platformdirs

from backbreak import APP_ID

APP = "backbreak"

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
"""The hicolor sizes of the app icon, as PNGs (and a scalable SVG beside them)."""

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
"""Windows: the per-user Run key (under HKEY_CURRENT_USER); backbreak's value is RUN_VALUE."""

STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
"""Windows: where Task Manager and Settings keep their own on/off switch for a Run value (read, never written)."""

RUN_VALUE = APP

_runtime_notes: dict[Path, str] = {}


def config_dir() -> Path:
    """settings.toml and routines/ live here."""
    return platformdirs.user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    """history.sqlite3 lives here."""
    return platformdirs.user_data_path(APP, appauthor=False)


def log_dir() -> Path:
    """The rotating log lives here."""
    return platformdirs.user_log_path(APP, appauthor=False)


def log_file() -> Path:
    """The current log (older ones beside it, numbered)."""
    return log_dir() / "backbreak.log"


def routines_dir() -> Path:
    """Users' own routines (*.toml) live here."""
    return config_dir() / "routines"


def history_file() -> Path:
    """The history database."""
    return data_dir() / "history.sqlite3"


def settings_file() -> Path:
    """The settings file users edit by hand."""
    return config_dir() / "settings.toml"


def runtime_dir() -> Path:
    """The lock file and the control socket live here, in a folder only the user can enter.

    platformdirs gives $XDG_RUNTIME_DIR/backbreak on Linux (a 0700 tmpfs owned by the user); the folder is
    created 0700 and its mode enforced, so no other user can reach the socket even on a shared /tmp.
    Without a usable XDG_RUNTIME_DIR platformdirs falls back to a private folder and says so in a Python
    warning, which would print its source line under every command; the note is kept instead, for the
    log and `backbreak doctor` (runtime_dir_note). (No logging here: the `status` client imports this.)
    """
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        folder = platformdirs.user_runtime_path(APP, appauthor=False)
    if said:  # platformdirs says it once per process, so it is kept for whoever asks later
        _runtime_notes[folder] = "; ".join(str(warning.message) for warning in said)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def runtime_dir_note() -> str:
    """Why runtime_dir() is not under XDG_RUNTIME_DIR ("" when it is)."""
    return _runtime_notes.get(runtime_dir(), "")


def socket_file() -> Path:
    """The control socket of the running instance."""
    return runtime_dir() / "backbreak.sock"


def lock_file() -> Path:
    """Whoever holds this lock is the running instance."""
    return runtime_dir() / "backbreak.lock"


def autostart_entry() -> Path:
    """XDG: the start-at-login entry, ~/.config/autostart/<app id>.desktop (honouring XDG_CONFIG_HOME).

    Named like the menu entry, as GNOME's and KDE's own start-up settings name the copy they make, so
    that a switch flipped there and one flipped in backbreak act on the same file.
    """
    return platformdirs.user_config_path() / "autostart" / f"{APP_ID}.desktop"


def launch_agent() -> Path:
    """macOS: the start-at-login LaunchAgent, ~/Library/LaunchAgents/<app id>.plist."""
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def menu_entry() -> Path:
    """XDG: the menu entry `backbreak --install-desktop-entry` writes (~/.local/share/applications)."""
    return platformdirs.user_data_path() / "applications" / f"{APP_ID}.desktop"


def icon_files() -> dict[str, Path]:
    """XDG: the app icon in the user's hicolor theme, by size ("48x48", ..., "scalable")."""
    theme = platformdirs.user_data_path() / "icons" / "hicolor"
    files = {f"{size}x{size}": theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES}
    files["scalable"] = theme / "scalable" / "apps" / f"{APP_ID}.svg"
    return files
