"""Drives the pure break engine inside the Qt event loop.

It feeds events to `core.engine.step` with the time read from the clock port, performs the one effect
that belongs here (waking the engine at the time it asked for) and hands every other effect on as a
signal, to the effect router (backbreak/runtime/effects.py).

An event sent while a step's effects are still being handed on (an effect handler that answers with an
event, say) waits until they all are, so history rows and reminders keep the order the engine gave them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from backbreak.core.clock import Instant
from backbreak.core.engine import EngineState, initial_state, step
from backbreak.core.events import Effect, Event, IdleSample, Refused, ScheduleWakeup, SettingsChanged, Tick
from backbreak.core.settings import Settings
from backbreak.core.state import until_near
from backbreak.core.status import Status, status_of
from backbreak.ports import Clock, WakeUpFactory


class EngineDriver(QObject):
    """Owns the engine state and its wake-ups.

    Signals:
        effect: an effect for the router (show a reminder, open a break, record a row...).
        status_changed: the Status after a step that changed something.
    """

    effect = Signal(object)
    status_changed = Signal(object)

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        wakeups: WakeUpFactory,
        routines: Mapping[str, float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._state: EngineState = initial_state(settings, clock.now(), routines)
        self._wakeups = wakeups(self, self.tick)
        self._queue: list[Event] = []
        self._stepping = False
        # Asked before each step that time drives (a wake-up or a presence sample): a break may be about
        # to show, so e.g. the full-screen check must have answered first.
        self.before_step: list[Callable[[], None]] = []

    @property
    def status(self) -> Status:
        """The status as of the last step."""
        return status_of(self._state)

    @property
    def state(self) -> EngineState:
        """The engine state (read-only use: tests, `status` and the busy checks)."""
        return self._state

    def now(self) -> Instant:
        """The time on the driver's clock."""
        return self._clock.now()

    def until_near(self, margin: float) -> float | None:
        """Seconds until the next break comes within its heads-up and `margin` (0: now; None: none planned)."""
        return until_near(self._state, margin, self._clock.now().mono - self._state.last.mono)

    def start(self) -> None:
        """Take the first step, which plans the first wake-up."""
        self.tick()

    def tick(self) -> None:
        """Bring the engine up to now (time passed; nothing else is known)."""
        self.send(Tick())

    def settings_changed(self, old: Settings, new: Settings) -> None:
        """New settings apply from now on."""
        self.send(SettingsChanged(new))

    def send(self, event: Event) -> list[Effect]:
        """Apply one event now and hand on all its effects; returns them (empty if it had to wait)."""
        return self._apply(event, quiet_refusals=False)

    def ask(self, event: Event) -> list[str]:
        """Apply a request whose asker hears the refusals itself (a command); returns them."""
        return [effect.reason for effect in self._apply(event, quiet_refusals=True) if isinstance(effect, Refused)]

    def _apply(self, event: Event, quiet_refusals: bool) -> list[Effect]:
        if self._stepping:
            self._queue.append(event)
            return []
        if isinstance(event, Tick | IdleSample):
            # Before the step, not inside it: what a probe sends (BusyChanged) must apply first.
            for probe in self.before_step:
                probe()
        self._stepping = True
        try:
            effects = self._step(event, quiet_refusals)
            while self._queue:
                self._step(self._queue.pop(0), quiet_refusals=False)
        finally:
            self._stepping = False
        return effects

    def _step(self, event: Event, quiet_refusals: bool) -> list[Effect]:
        self._state, effects = step(self._state, event, self._clock.now())
        for effect in effects:
            if isinstance(effect, ScheduleWakeup):
                self._wakeups.schedule(effect.at)
            elif not (quiet_refusals and isinstance(effect, Refused)):
                self.effect.emit(effect)
        if effects:
            self.status_changed.emit(self.status)
        return effects

    def shutdown(self) -> None:
        """Stop waking up."""
        self._wakeups.shutdown()
