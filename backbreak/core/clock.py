"""Time as the core sees it: an `Instant` pairs a monotonic reading with the local wall time.

Spans (how long you sat, how long a snooze lasts) use the monotonic reading, which no clock change can
move. Wall time is used only for what people read off a clock: working hours, "pause until tomorrow",
the day rollover and history rows. The runtime reads the real clocks; tests build Instants by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Instant:
    """One moment, read from both clocks at once.

    Attributes:
        mono: seconds on a monotonic clock. On Linux and macOS it stops while the machine sleeps.
        wall: aware local date and time.
    """

    mono: float
    wall: dt.datetime

    def __post_init__(self) -> None:
        if self.wall.tzinfo is None:
            raise ValueError("Instant.wall must be timezone-aware")

    def after(self, seconds: float) -> Instant:
        """The instant `seconds` later on both clocks (no suspend in between)."""
        return Instant(self.mono + seconds, self.wall + dt.timedelta(seconds=seconds))
