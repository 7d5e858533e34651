"""What the running app needs from the clock and the desktop, as small protocols, and the bundle of them.

The composition root (backbreak/app.py) builds the real ones for this desktop (backbreak/desktop.py),
each with a null stand-in where the desktop lacks the feature, and the in-process app tests build fakes
(tests/apphelpers.py). Nothing else in the app checks for a missing feature: a null port simply does
nothing, or answers "no".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, SignalInstance

if TYPE_CHECKING:  # annotations only: the start path imports this module before the core is loaded
    from backbreak.core.clock import Instant
    from backbreak.core.history import EventRow, SittingRow
    from backbreak.core.routines import LoadedRoutines
    from backbreak.platform.base import IdleSource


class Clock(Protocol):
    """Both clocks at once. The only clock the app reads."""

    def now(self) -> Instant:
        """Both clocks, now."""
        ...


class Timer(Protocol):
    """A single-shot or repeating timer (a QTimer, or a fake one on a fake clock)."""

    def start(self, msec: int) -> None:
        """(Re)start it to fire in `msec` ms (a repeating one: every `msec` ms)."""
        ...

    def stop(self) -> None:
        """Stop it."""
        ...

    def isActive(self) -> bool:  # noqa: N802 - QTimer's name
        """Whether it will fire."""
        ...


class Timers(Protocol):
    """Makes the app's timers (backbreak/runtime/timers.py for real ones)."""

    def single_shot(self, parent: QObject, callback: Callable[[], None]) -> Timer:
        """A stopped single-shot timer owned by `parent`."""
        ...

    def repeating(self, parent: QObject, callback: Callable[[], None]) -> Timer:
        """A stopped repeating timer owned by `parent`."""
        ...


class WakeUps(Protocol):
    """Wakes the engine at a wall time (backbreak/runtime/scheduler.py, on APScheduler)."""

    def schedule(self, at: dt.datetime | None) -> None:
        """Replace the pending wake-up with one at `at`, or drop it."""
        ...

    def shutdown(self) -> None:
        """No more wake-ups."""
        ...


WakeUpFactory = Callable[[QObject, Callable[[], None]], WakeUps]
"""Makes the engine's wake-ups: (owner, callback) -> WakeUps."""


class SessionEvents(Protocol):
    """Screen lock and suspend, as the desktop reports them (backbreak/platform/session_linux.py).

    Signals arrive on the GUI thread.
    """

    @property
    def locked_changed(self) -> SignalInstance:
        """True when the screen locks, False when it unlocks."""
        ...

    @property
    def sleeping_changed(self) -> SignalInstance:
        """True before the machine sleeps, False after it wakes."""
        ...


class Notifier(Protocol):
    """Notifications, with buttons where the service shows them (backbreak/platform/notify_dbus.py)."""

    @property
    def action_invoked(self) -> SignalInstance:
        """(notification id, action key) when a button is pressed."""
        ...

    @property
    def has_actions(self) -> bool:
        """Whether notifications show buttons."""
        ...

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
        """Show or replace a notification; its id, or 0 when it could not be shown (show it another way).

        `expire_ms`: 0 never (a reminder is closed when it stops being true), -1 the service's default.
        """
        ...

    def close(self, nid: int) -> None:
        """Take it away."""
        ...


class BusyCheck(Protocol):
    """A yes/no question to the desktop (full screen, do not disturb); cheap, asked only near a break."""

    def busy(self) -> bool:
        """Whether the user is busy this way."""
        ...


class History(Protocol):
    """The history database (backbreak/core/history.py): written by the engine's effects, read for statistics."""

    @property
    def notice(self) -> str:
        """What the user must be told about it once the app can show it, or ""."""
        ...

    def add_event(self, row: EventRow) -> None:
        """Write one break event."""
        ...

    def add_sitting(self, row: SittingRow) -> None:
        """Write one sitting span."""
        ...

    def read(self, since: dt.date) -> tuple[list[EventRow], list[SittingRow]]:
        """Rows from `since` on."""
        ...

    def close(self) -> None:
        """Close it."""
        ...


class Autostart(Protocol):
    """Start at login (backbreak/platform/autostart.py)."""

    def apply(self, enabled: bool) -> None:
        """Write or remove the entry."""
        ...


Handler = Callable[[str, dict[str, Any]], dict[str, Any]]
"""Runs one command from `backbreak COMMAND`; returns a reply (backbreak/ipc.py)."""


class ControlSocket(Protocol):
    """The local socket the `backbreak` command talks to (backbreak/runtime/instance.py)."""

    def listen(self, handler: Handler) -> None:
        """Answer commands with `handler` from now on. Raises OSError when the socket cannot be made."""
        ...

    def close(self) -> None:
        """Stop listening."""
        ...


class TrayHost(Protocol):
    """Whether the desktop has a system tray right now (asked rarely: it may cost a D-Bus round trip)."""

    def available(self) -> bool:
        """Whether an icon can show."""
        ...


@dataclass(frozen=True)
class Ports:
    """Everything the app takes from outside, for one run."""

    clock: Clock
    timers: Timers
    wakeups: WakeUpFactory
    idle: IdleSource
    session: SessionEvents
    notifier: Notifier
    busy: Mapping[str, BusyCheck]
    history: History
    autostart: Autostart
    control: ControlSocket
    routines: LoadedRoutines
    tray: TrayHost
    log_file: Path
