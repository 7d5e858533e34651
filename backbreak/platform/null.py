"""Stand-ins for what a desktop lacks: each does nothing, or answers "no", so the app needs no checks.

- No idle source: the sitting clock runs on the wall clock, with lock and suspend.
- No session events: lock is not seen; a sleep is still noticed by the engine's clock-gap check.
- No notification service: every notification reports "not shown" (id 0), and the caller shows it
  another way (the tray's balloon, or the status window), with the reminder card for the buttons.
- No autostart on this OS: platform/autostart.py's NoAutostart, kept there, free of Qt.
- No local sockets (Windows' Python): runtime/instance.py's ControlServer says so when asked to
  listen, and the app goes on without its command line.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

NO_IDLE_SOURCE = "none (wall clock, with lock and suspend)"


class NullIdleSource:
    """Never has a reading."""

    name = NO_IDLE_SOURCE
    live = False

    def idle_seconds(self) -> float | None:
        """No reading."""
        return None


class NullSession(QObject):
    """Never reports a lock or a sleep.

    Signals:
        locked_changed, sleeping_changed: never emitted.
    """

    locked_changed = Signal(bool)
    sleeping_changed = Signal(bool)


class NullNotifier(QObject):
    """Shows nothing; every notification is "not shown" so the caller shows it another way.

    Signals:
        action_invoked: never emitted.
    """

    action_invoked = Signal(int, str)
    has_actions = False

    def notify(
        self,
        summary: str,
        body: str,
        actions: list[tuple[str, str]],
        replaces: int = 0,
        urgency: int = 1,
        sound: bool = False,
        expire_ms: int = 0,
    ) -> int:
        """Not shown."""
        return 0

    def close(self, nid: int) -> None:
        """Nothing to close."""


class NeverBusy:
    """Where a busy check cannot be made: never busy, so breaks never wait for nothing."""

    name = "none"

    def busy(self) -> bool:
        """Never busy."""
        return False
