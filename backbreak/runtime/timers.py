"""The one place that makes Qt timers, so every timer is precise, single-shot and owned."""

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


def repeating(parent: QObject, interval_ms: int, callback: Callable[[], None]) -> QTimer:
    """A stopped, precise, repeating timer owned by `parent` (for animation frames while a window shows)."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(callback)
    return timer
