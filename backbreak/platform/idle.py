"""Choose the idle source for this desktop: try candidates in order, fall back to none.

Without an idle source backbreak still works on the wall clock: presence then comes from screen lock
and suspend alone, and `backbreak doctor` says so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from backbreak.platform.base import IdleSource, UnavailableError
from backbreak.platform.null import NullIdleSource


def candidates() -> list[Callable[[], IdleSource]]:
    """Idle sources to try on this OS, best first."""
    if sys.platform == "win32":
        from backbreak.platform.idle_windows import WindowsIdle

        return [WindowsIdle]
    if sys.platform == "darwin":
        from backbreak.platform.idle_macos import MacIdle

        return [MacIdle]
    from backbreak.platform.idle_dbus import MutterIdle, ScreenSaverIdle
    from backbreak.platform.idle_x11 import XScreenSaverIdle

    # X11 first (no D-Bus round trip); it refuses Wayland sessions, where Mutter or KDE's service answer.
    return [XScreenSaverIdle, MutterIdle.connect, ScreenSaverIdle.connect]


def choose_idle_source(tries: list[Callable[[], IdleSource]] | None = None) -> tuple[IdleSource, list[str]]:
    """The first source that works (else the null source), and why each one before it did not."""
    reasons: list[str] = []
    for make in candidates() if tries is None else tries:
        try:
            return make(), reasons
        except UnavailableError as exc:
            reasons.append(str(exc))
    return NullIdleSource(), reasons
