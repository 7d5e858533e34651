"""Tells the engine when the user is busy: a full-screen window in front, do-not-disturb on, or a call.

Checked before each time-driven engine step while a break is near (within the heads-up and a minute,
or already showing or held), once at the moment a break comes near, and every 10 s while busy (or
while a microphone's use is still being timed), so a held break shows soon after the presentation or
the call ends. Far from a break nothing is asked, so the checks cost nothing most of the day.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject

from backbreak.core.events import BusyChanged
from backbreak.core.state import CALL_MIN
from backbreak.platform.calls import Devices
from backbreak.ports import BusyCheck, Clock, Timers
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.timers import wait_ms

RECHECK = 10.0
NEAR = 60.0


@runtime_checkable
class Settling(Protocol):
    """A check whose answer needs a few more looks (a microphone whose use is still being timed)."""

    @property
    def settling(self) -> bool:
        """Whether to look again soon."""
        ...


class CallCheck:
    """In a call: a camera in use, or a microphone in use for at least 30 s.

    A dictation or a voice message holds the microphone for seconds; they are not calls and hold no
    break. The microphone's use is timed from the first look that saw it, so looks start as a break
    comes near (BusyWatch) and repeat while one is being timed.
    """

    def __init__(self, devices: Callable[[], Devices], clock: Clock) -> None:
        self._choose = devices
        self._chosen: Devices | None = None
        self._clock = clock
        self._microphone_since: float | None = None
        self._confirmed = False

    @property
    def _devices(self) -> Devices:
        # Chosen at the first look, near the first break: finding the readers runs pactl and pw-dump,
        # which would cost every start, often for a day with no call.
        if self._chosen is None:
            self._chosen = self._choose()
        return self._chosen

    def busy(self) -> bool:
        """Whether the user is in a call now."""
        if self._devices.camera():
            return True
        if not self._devices.microphone():
            self._microphone_since, self._confirmed = None, False
            return False
        now = self._clock.now().mono
        if self._microphone_since is None:
            self._microphone_since = now
        self._confirmed = now - self._microphone_since >= CALL_MIN - 0.5  # looks are 10 s apart, give or take
        return self._confirmed

    @property
    def settling(self) -> bool:
        """A microphone in use, not yet long enough to call it a call."""
        return self._microphone_since is not None and not self._confirmed


class BusyWatch(QObject):
    """Turns named checks ("full-screen", "do not disturb", "call") into BusyChanged events."""

    def __init__(
        self, driver: EngineDriver, checks: Mapping[str, BusyCheck], timers: Timers, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._driver = driver
        self._checks = checks
        self.reason = ""
        self._recheck = timers.single_shot(self, self.check)
        self._comes_near = timers.single_shot(self, self._near_yet)
        driver.before_step.append(self.check)
        driver.status_changed.connect(self._look_when_near)

    def check(self) -> None:
        """Ask every check; tell the engine if the answer changed."""
        if not self.reason and self._driver.until_near(NEAR) != 0.0:
            return
        answers = {name: check.busy() for name, check in self._checks.items()}
        reason = next((name for name, busy in answers.items() if busy), "")
        if reason != self.reason:
            self.reason = reason
            self._driver.send(BusyChanged(bool(reason), reason or "full-screen"))
        settling = any(isinstance(check, Settling) and check.settling for check in self._checks.values())
        if reason or settling:
            self._recheck.start(wait_ms(RECHECK))
        else:
            self._recheck.stop()

    def _near_yet(self) -> None:
        # Timers wait at most 10 min (runtime/timers.py), so a look armed further ahead arms itself again.
        if self._driver.until_near(NEAR) == 0.0:
            self.check()
        else:
            self._look_when_near()

    def _look_when_near(self) -> None:
        """After each step: arm one look for the moment the next break comes near (at once if it is).

        So a call that began before then is timed from then, and seen before the break is due, whatever
        drives the engine meanwhile (a wake-up, a sample, the end of a break).
        """
        until = self._driver.until_near(NEAR)
        if until is None or not self._driver.state.accruing or self.reason or self._recheck.isActive():
            self._comes_near.stop()
        else:
            self._comes_near.start(wait_ms(until))
