"""Where backbreak keeps its files (platformdirs, app name "backbreak"); the one place that asks.

On Linux the XDG variables are honoured, which is also how tests isolate themselves.
"""

from __future__ import annotations

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


def settings_file() -> Path:
    """The settings file users edit by hand."""
    return config_dir() / "settings.toml"
