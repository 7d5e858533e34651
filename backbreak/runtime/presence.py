"""Samples idle time only as often as the idle threshold needs, and feeds it to the engine.

While the user is present the next sample comes when the idle time could first reach the threshold
(threshold - idle): about one wake-up per threshold while someone types. While away, a slower poll
notices the return; the return moment itself comes from the idle time, so the poll's pace costs nothing
in accuracy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from backbreak.core.events import Event, IdleSample, Locked, Resumed, Suspending, Unlocked
from backbreak.core.settings import Settings
from backbreak.platform.base import IdleSource
from backbreak.ports import Clock, SessionEvents, Timers
from backbreak.runtime.timers import wait_ms

AWAY_POLL = 45.0
"""Seconds between samples while the user is away.

Measured by `make bench`: a sample costs about 0.6 ms of CPU when the process wakes cold, and each
wake-up brings some of Qt's own work with it: polling every 15 s cost 3.8 ms a minute, every 30 s
2.4 ms; every 45 s keeps within the 2 ms budget. The moment of return still comes exact from the idle
time; only the tray lags by up to 45 s, and `backbreak status` samples afresh.
"""

_MIN_WAIT = 1.0

PAUSE_LOOK = 0.5
"""Seconds between samples while a due reminder waits for a pause in typing (a minute at most)."""


class PresenceSampler(QObject):
    """Reads `source` on a single timer and sends IdleSample events.

    A source that is not live (no idle source on this desktop) is never read and nothing wakes for it.
    Near a break it also reads just before each step that time drives (`probe`), so the engine knows
    whether the user is typing right then; and while a due reminder waits for a pause in typing it reads
    twice a second until it sees one (`await_pause`).
    """

    def __init__(
        self,
        source: IdleSource,
        threshold: float,
        send: Callable[[Event], object],
        timers: Timers,
        clock: Clock,
        near: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._threshold = threshold
        self._send = send
        self._clock = clock
        self._near = near
        self._timer = timers.single_shot(self, self.sample)
        self._sampling = False
        self._pause: tuple[float, float] | None = None  # (seconds without input, until monotonic time)
        self.last_idle: float | None = None

    def probe(self) -> None:
        """Before a time-driven step near a break: a fresh reading (a break may be about to show)."""
        if not self._sampling and self._near():
            self.sample()

    def await_pause(self, pause: float, within: float) -> None:
        """Read often until `pause` seconds pass without input, for `within` seconds at most."""
        self._pause = (pause, self._clock.now().mono + within)
        self.sample()

    def settings_changed(self, old: Settings, new: Settings) -> None:
        """Use a new idle threshold from now on (and sample now)."""
        if new.reminders.idle_threshold != old.reminders.idle_threshold:
            self._threshold = new.reminders.idle_threshold
            self.sample()

    def start(self) -> None:
        """Take the first sample now."""
        self.sample()

    def stop(self) -> None:
        """No more samples."""
        self._timer.stop()

    def sample(self) -> None:
        """Read the idle time, tell the engine, and plan the next read."""
        if not self._source.live:
            return
        idle = self._source.idle_seconds()
        self.last_idle = idle
        if idle is not None:
            self._sampling = True
            try:
                self._send(IdleSample(idle))
            finally:
                self._sampling = False
        wait = self.next_in(idle, self._threshold)
        if self._pause is not None:
            pause, until = self._pause
            now = self._clock.now().mono
            if now < until and (idle is None or idle < pause):
                wait = min(wait, PAUSE_LOOK, until - now)
            else:
                self._pause = None
        self._timer.start(wait_ms(wait))

    @staticmethod
    def next_in(idle: float | None, threshold: float) -> float:
        """Seconds until the next sample for an idle reading."""
        if idle is None or idle >= threshold:
            return AWAY_POLL
        return max(_MIN_WAIT, threshold - idle)


def follow_session(session: SessionEvents, send: Callable[[Event], object]) -> None:
    """Screen lock and suspend, as the desktop reports them, become engine events."""
    session.locked_changed.connect(lambda locked: send(Locked() if locked else Unlocked()))
    session.sleeping_changed.connect(lambda sleeping: send(Suspending() if sleeping else Resumed()))
