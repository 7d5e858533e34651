"""Start at login. Linux and other XDG desktops: a .desktop file in the autostart folder.

Windows (HKCU Run) and macOS (a LaunchAgent) are not written yet; `supported()` says so, and the setting
is kept so that it applies once they are.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import platformdirs

ENTRY = """[Desktop Entry]
Type=Application
Name=backbreak
Comment=Counts how long you have really been sitting and guides short stretch breaks
Exec={command}
Icon=backbreak
Terminal=false
X-GNOME-Autostart-enabled=true
"""


def supported() -> bool:
    """Whether this OS has an autostart backbreak can write."""
    return sys.platform.startswith("linux") or "bsd" in sys.platform


def entry_path() -> Path:
    """~/.config/autostart/backbreak.desktop (honouring XDG_CONFIG_HOME)."""
    return Path(platformdirs.user_config_dir()) / "autostart" / "backbreak.desktop"


def command() -> str:
    """How to start this backbreak: the console script if it is on PATH, else this Python with -m."""
    script = shutil.which("backbreak")
    return shlex.quote(script) if script else f"{shlex.quote(sys.executable)} -m backbreak"


class NoAutostart:
    """An OS backbreak cannot write a start-at-login entry for yet; the setting is kept for when it can."""

    def apply(self, enabled: bool) -> None:
        """Nothing to write."""


class XdgAutostart:
    """The XDG autostart entry."""

    def apply(self, enabled: bool) -> None:
        """Write or remove the autostart entry."""
        path = entry_path()
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(ENTRY.format(command=command()), encoding="utf-8")
        else:
            path.unlink(missing_ok=True)


def for_this_os() -> XdgAutostart | NoAutostart:
    """The autostart this OS has, or the stand-in that writes nothing."""
    return XdgAutostart() if supported() else NoAutostart()
