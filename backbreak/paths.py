"""Where backbreak keeps its files (platformdirs, app name "backbreak"); the one place that asks.

On Linux the XDG variables are honoured, which is also how tests isolate themselves.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "backbreak"


def config_dir() -> Path:
    """settings.toml and routines/ live here."""
    return platformdirs.user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    """history.sqlite3 lives here."""
    return platformdirs.user_data_path(APP, appauthor=False)


def log_dir() -> Path:
    """The rotating log lives here."""
    return platformdirs.user_log_path(APP, appauthor=False)


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
    """
    folder = platformdirs.user_runtime_path(APP, appauthor=False)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def socket_file() -> Path:
    """The control socket of the running instance."""
    return runtime_dir() / "backbreak.sock"


def lock_file() -> Path:
    """Whoever holds this lock is the running instance."""
    return runtime_dir() / "backbreak.lock"
