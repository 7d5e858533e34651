"""Start at login, on each OS, and what backbreak can tell about it.

- XDG desktops (Linux, BSD): a .desktop file in ~/.config/autostart (this module).
- Windows: a value in the per-user Run key (autostart_windows.py).
- macOS: a LaunchAgent plist in ~/Library/LaunchAgents (autostart_macos.py).
- Inside a Flatpak: the Background portal, since the sandbox cannot write ~/.config/autostart
  (autostart_portal.py; the only one that needs Qt, so it is imported only there).

Each writes one thing and turning it off removes that one thing: never the folder or key it sits in,
never anything beside it. Where each lives comes from backbreak/paths.py; how to start backbreak from
backbreak/platform/launch.py. Every backend takes both by injection, so tests check them on any OS.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from backbreak import APP_ID, paths
from backbreak.platform import launch

ENTRY = """[Desktop Entry]
Type=Application
Name=backbreak
Comment=Counts how long you have really been sitting and guides short stretch breaks
Exec={command}
Icon={icon}
Terminal=false
X-GNOME-Autostart-enabled=true
"""


@dataclass(frozen=True)
class AutostartState:
    """What the OS will do at the next login, as far as backbreak can read it."""

    enabled: bool | None  # None: the OS keeps it where backbreak cannot read it (the Background portal)
    where: str
    note: str = ""


class Autostart(Protocol):
    """One OS's start-at-login entry."""

    def apply(self, enabled: bool) -> None:
        """Write the entry, or remove exactly what was written."""
        ...

    def state(self) -> AutostartState:
        """Whether the entry is there and in force."""
        ...


class NoAutostart:
    """An OS backbreak has no start-at-login entry for; the setting is kept."""

    def __init__(self, platform: str = sys.platform) -> None:
        self._platform = platform

    def apply(self, enabled: bool) -> None:
        """Nothing to write."""

    def state(self) -> AutostartState:
        """Never on."""
        return AutostartState(False, "nowhere", f"backbreak cannot start at login on {self._platform}")


class XdgAutostart:
    """The XDG autostart entry: a desktop file that the session starts at login."""

    def __init__(self, entry: Path, command: Sequence[str]) -> None:
        self.entry = entry
        self._command = list(command)

    def apply(self, enabled: bool) -> None:
        """Write or remove the entry file (the autostart folder stays)."""
        if enabled:
            self.entry.parent.mkdir(parents=True, exist_ok=True)
            text = ENTRY.format(command=launch.exec_line(self._command), icon=APP_ID)
            self.entry.write_text(text, encoding="utf-8")
        else:
            self.entry.unlink(missing_ok=True)

    def state(self) -> AutostartState:
        """On when the file is there and no desktop switched it off inside it (Hidden, GNOME's key)."""
        where = str(self.entry)
        if not self.entry.exists():
            return AutostartState(False, where)
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
        try:
            parser.read(self.entry, encoding="utf-8")
            group = parser["Desktop Entry"]
        except (configparser.Error, KeyError, UnicodeDecodeError):
            return AutostartState(False, where, "the entry cannot be read; turn start at login off and on again")
        if group.get("Hidden", "false").strip() == "true" or group.get("X-GNOME-Autostart-enabled") == "false":
            return AutostartState(False, where, "switched off in the desktop's own start-up settings")
        return AutostartState(True, where)


def in_flatpak(environ: Mapping[str, str] = os.environ, info: Path = Path("/.flatpak-info")) -> bool:
    """Whether backbreak runs inside a Flatpak sandbox."""
    return "FLATPAK_ID" in environ or info.exists()


def for_this_os(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> Autostart:
    """The start-at-login entry of this OS (without Qt: the Flatpak one is made by autostart_portal)."""
    if platform == "win32":
        from backbreak.platform.autostart_windows import RunKey, WindowsRegistry

        return RunKey(WindowsRegistry(), launch.command_line(launch.argv()))
    if platform == "darwin":
        from backbreak.platform.autostart_macos import LaunchAgent

        return LaunchAgent(paths.launch_agent(), launch.argv())
    if platform.startswith("linux") or "bsd" in platform:
        return XdgAutostart(paths.autostart_entry(), launch.argv())
    return NoAutostart(platform)
