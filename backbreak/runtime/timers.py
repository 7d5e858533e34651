"""The one place that makes Qt timers, so every timer is precise and owned.

The app takes its timers through the `Timers` port (backbreak/ports.py): `QT_TIMERS` here, or fake ones
on a fake clock in the in-process app tests, so a whole day runs without waiting. The socket server,
the settings-file watch and the scheduler adapter, which deal in real time only, call these directly.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

MAX_WAIT_MS = 10 * 60 * 1000
"""Never sleep longer than 10 min: a backstop for a clock change or a resume nobody reported."""


def single_shot(parent: QObject, callback: Callable[[], None]) -> QTimer:
    """A stopped, precise, single-shot timer owned by `parent`.

    Precise because Qt's default coarse timers may fire up to 5 % early, which for a 30-min wait means
    a "nothing due yet" wake-up (shared/PLATFORM.md section 11).
    """
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(callback)
    return timer


def wait_ms(seconds: float) -> int:
    """Milliseconds to wait for `seconds`, rounded up (so a timer never fires before its time), capped."""
    return max(0, min(math.ceil(seconds * 1000), MAX_WAIT_MS))


def repeating(parent: QObject, callback: Callable[[], None]) -> QTimer:
    """A stopped, precise, repeating timer owned by `parent` (for animation frames while a window shows)."""
    timer = QTimer(parent)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(callback)
    return timer


class QtTimers:
    """The real timers, for the `Timers` port."""

    single_shot = staticmethod(single_shot)
    repeating = staticmethod(repeating)


QT_TIMERS = QtTimers()
