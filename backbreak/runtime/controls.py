"""What the user's clicks mean: the tray menu, the status window and the reminder's buttons, in one place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from backbreak.core.events import (
    BreakKind,
    Event,
    Pause,
    PauseUntilTomorrow,
    Resume,
    Skip,
    Snooze,
    StartBreak,
)
from backbreak.ports import Clock

PAUSES = {"pause-30m": 30 * 60, "pause-1h": 3600, "pause-2h": 2 * 3600, "pause-tomorrow": 0}
"""The pauses the tray and the status window offer, in seconds (0: until tomorrow)."""

_ANSWERS: dict[str, Event] = {"start": StartBreak(), "snooze": Snooze(), "skip": Skip()}


class Controls:
    """Turns the user's choices into engine events, or opens the window they asked for."""

    def __init__(self, send: Callable[[Event], object], clock: Clock, windows: dict[str, Callable[[], None]]) -> None:
        self._send = send
        self._clock = clock
        self._windows = windows

    def stretch(self, routine: str = "") -> None:
        """A stretch now with `routine`; "" (a click on the icon) starts the break that is due, or a stretch."""
        self._send(StartBreak(BreakKind.STRETCH, routine) if routine else StartBreak())

    def move(self) -> None:
        """A move break now."""
        self._send(StartBreak(BreakKind.MOVE))

    def pause(self, seconds: int) -> None:
        """No reminders for `seconds`, or until tomorrow for 0."""
        if seconds:
            self._send(Pause(self._clock.now().wall + dt.timedelta(seconds=seconds)))
        else:
            self._send(PauseUntilTomorrow())

    def resume(self) -> None:
        """End the pause."""
        self._send(Resume())

    def answer(self, key: str) -> None:
        """A button of a reminder: "start", "snooze" or "skip"."""
        event = _ANSWERS.get(key)
        if event is not None:
            self._send(event)

    def action(self, key: str) -> None:
        """A button of the status window: "stretch", "move", a pause key, "resume", or a window's name."""
        if key == "stretch":
            self.stretch()
        elif key == "move":
            self.move()
        elif key in PAUSES:
            self.pause(PAUSES[key])
        elif key == "resume":
            self.resume()
        else:
            self._windows[key]()
