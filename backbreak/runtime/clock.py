"""The real clocks, read in one place and handed to the core as an Instant."""

from __future__ import annotations

import datetime as dt
import time

from backbreak.core.clock import Instant


class SystemClock:
    """Reads `time.monotonic()` and the local wall time together."""

    def now(self) -> Instant:
        """Both clocks, now."""
        return Instant(time.monotonic(), dt.datetime.now().astimezone())
