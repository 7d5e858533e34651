"""Start at login on macOS: a LaunchAgent plist in ~/Library/LaunchAgents.

SMAppService (macOS 13+) needs a signed .app and cannot pass arguments; a LaunchAgent works for a pip
install and a bundle alike, and shows under Login Items as a background item (shared/PLATFORM.md
section 7). The plist is only read by launchd at the next login, so writing it starts nothing now, and
removing it leaves the running backbreak alone.
"""

from __future__ import annotations

import plistlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from backbreak import APP_ID
from backbreak.platform.autostart import AutostartState


def agent(command: Sequence[str]) -> dict[str, Any]:
    """The LaunchAgent's keys."""
    return {
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # A GUI app: only in the graphical login session (not over ssh), and not throttled as a daemon.
        "LimitLoadToSessionType": "Aqua",
        "ProcessType": "Interactive",
    }


class LaunchAgent:
    """The plist that makes launchd start backbreak at login."""

    def __init__(self, plist: Path, command: Sequence[str]) -> None:
        self.plist = plist
        self._command = list(command)

    def apply(self, enabled: bool) -> None:
        """Write or remove the plist (the LaunchAgents folder stays)."""
        if enabled:
            self.plist.parent.mkdir(parents=True, exist_ok=True)
            self.plist.write_bytes(plistlib.dumps(agent(self._command)))
        else:
            self.plist.unlink(missing_ok=True)

    def state(self) -> AutostartState:
        """On when backbreak's plist is there and not marked Disabled."""
        where = str(self.plist)
        if not self.plist.exists():
            return AutostartState(False, where)
        try:
            keys = plistlib.loads(self.plist.read_bytes())
        except (plistlib.InvalidFileException, ValueError):
            return AutostartState(False, where, "the plist cannot be read; turn start at login off and on again")
        if not isinstance(keys, dict) or keys.get("Label") != APP_ID or keys.get("Disabled") is True:
            return AutostartState(False, where, "the plist there is not backbreak's, or is disabled")
        return AutostartState(True, where)
