"""Drives the pure break engine inside the Qt event loop.

It feeds events to `core.engine.step` with the time read from the clock, performs the one effect that
belongs here (waking the engine at the time it asked for) and hands every other effect on as a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from backbreak.core.clock import Instant
from backbreak.core.engine import EngineState, initial_state, step
from backbreak.core.events import Effect, Event, IdleSample, ScheduleWakeup, Tick
from backbreak.core.settings import Settings
from backbreak.core.status import Status, status_of
from backbreak.runtime.scheduler import WakeScheduler


class Clock(Protocol):
    """Anything that reads both clocks at once."""

    def now(self) -> Instant:
        """Both clocks, now."""
        ...


class EngineDriver(QObject):
    """Owns the engine state and the one wake-up timer.

    Signals:
        effect: an effect for the shell (show a reminder, open a break, record a row...).
        status_changed: the Status after a step that changed something.
    """

    effect = Signal(object)
    status_changed = Signal(object)

    def __init__(self, settings: Settings, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._state: EngineState = initial_state(settings, clock.now())
        self._scheduler = WakeScheduler(self, self._wake)
        # Asked before each step that time drives (a wake-up or a presence sample): a break may be about
        # to show, so e.g. the full-screen check must have answered first.
        self.before_step: list[Callable[[], None]] = []

    @property
    def status(self) -> Status:
        """The status as of the last step."""
        return status_of(self._state)

    @property
    def scheduler(self) -> WakeScheduler:
        """The wake-up scheduler (tests look at its one timer)."""
        return self._scheduler

    @property
    def state(self) -> EngineState:
        """The engine state (read-only use: tests and `status`)."""
        return self._state

    def now(self) -> Instant:
        """The time on the driver's clock."""
        return self._clock.now()

    def start(self) -> None:
        """Take the first step, which plans the first wake-up."""
        self.tick()

    def tick(self) -> None:
        """Bring the engine up to now (time passed; nothing else is known)."""
        self.send(Tick())

    def send(self, event: Event) -> list[Effect]:
        """Apply one event now and perform its effects."""
        if isinstance(event, Tick | IdleSample):
            for probe in self.before_step:
                probe()
        now = self._clock.now()
        self._state, effects = step(self._state, event, now)
        for effect in effects:
            if isinstance(effect, ScheduleWakeup):
                self._scheduler.schedule(effect.at)
            else:
                self.effect.emit(effect)
        if effects:
            self.status_changed.emit(self.status)
        return effects

    def _wake(self) -> None:
        self.send(Tick())

    def shutdown(self) -> None:
        """Stop waking up."""
        self._scheduler.shutdown()
