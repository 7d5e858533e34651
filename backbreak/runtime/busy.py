"""Tells the engine when the user is busy: a full-screen window in front, or do-not-disturb on.

Checked before each time-driven engine step while a break is near (within the heads-up and a minute,
or already showing or held), and while busy every 10 s, so a held break shows soon after the
presentation ends. Far from a break nothing is asked, so the checks cost nothing most of the day.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from backbreak.core.engine import plan
from backbreak.core.events import BusyChanged
from backbreak.ports import BusyCheck, Timers
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.timers import wait_ms

RECHECK = 10.0
NEAR = 60.0


class BusyWatch(QObject):
    """Turns named checks ("full-screen", "do not disturb") into BusyChanged events."""

    def __init__(
        self, driver: EngineDriver, checks: Mapping[str, BusyCheck], timers: Timers, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._driver = driver
        self._checks = checks
        self.reason = ""
        self._recheck = timers.single_shot(self, self.check)
        driver.before_step.append(self.check)

    def _near_break(self) -> bool:
        state = self._driver.state
        if state.cycle is not None:
            return True
        upcoming = plan(state)
        return upcoming is not None and upcoming[1] <= state.settings.reminders.heads_up + NEAR

    def check(self) -> None:
        """Ask every check; tell the engine if the answer changed."""
        if not self.reason and not self._near_break():
            return
        reason = next((name for name, check in self._checks.items() if check.busy()), "")
        if reason != self.reason:
            self.reason = reason
            self._driver.send(BusyChanged(bool(reason), reason or "full-screen"))
        if reason:
            self._recheck.start(wait_ms(RECHECK))
        else:
            self._recheck.stop()
