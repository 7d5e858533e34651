"""Statistics for the windows, read from the history port as of the clock's today.

A history that cannot be read shows zeros and the reason goes to the log: a chart is never worth a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from backbreak.core.history import HistoryError, SittingRow
from backbreak.core.stats import StatsPage, Summary, page_of, summarize, summary_of, today_line
from backbreak.ports import Clock, History

log = logging.getLogger(__name__)


class Statistics:
    """Reads summaries for the statistics window and the end card."""

    def __init__(
        self, history: History, clock: Clock, sitting_now: Callable[[], SittingRow | None] = lambda: None
    ) -> None:
        """`sitting_now` gives the span the user is sitting in, which the history has not got yet."""
        self._history = history
        self._clock = clock
        self._sitting_now = sitting_now

    def load(self, days: int) -> tuple[Summary, list[SittingRow]]:
        """The summary for the last `days` days and today's sitting spans (zeros if the history cannot be read)."""
        today = self._clock.now().wall.date()
        try:
            return summary_of(self._history.read, today, days)
        except HistoryError as exc:
            log.error("%s", exc)
            return summarize([], [], today, days), []

    def page(self, days: int) -> StatsPage:
        """What the statistics window shows for the last `days` days (zeros if the history cannot be read)."""
        today = self._clock.now().wall.date()
        try:
            return page_of(self._history.read, today, days, self._sitting_now())
        except HistoryError as exc:
            log.error("%s", exc)
            return StatsPage(summarize([], [], today, days), [])

    def today_line(self) -> str:
        """Today's breaks and the streak, for the end card."""
        return today_line(self.load(1)[0])
