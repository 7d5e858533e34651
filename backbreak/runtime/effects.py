"""The effect router: every effect the engine asks for has exactly one handler here.

The `match` is exhaustive: its last case is `assert_never`, so `make lint` (mypy) fails the moment a
new effect is added to core/events.py without a handler.

A handler that fails does not take the app down: the traceback goes to the log, the user gets one calm
line (once per kind of effect, not at every repeat), and a break whose window could not open is ended
so the engine does not sit in on_break waiting for a window that never came.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, assert_never

from backbreak.core.events import (
    AwaitPause,
    BreakEnded,
    CloseReminder,
    Effect,
    Event,
    OpenBreak,
    Outcome,
    Phase,
    PhaseChanged,
    Record,
    RecordSitting,
    Refused,
    ScheduleWakeup,
    ShowDue,
    ShowEyePrompt,
    ShowHeadsUp,
)
from backbreak.core.history import EventRow, SittingRow
from backbreak.core.i18n import N_, _
from backbreak.ports import History

log = logging.getLogger(__name__)

_DOING = {
    ShowHeadsUp: N_("Showing the heads-up"),
    ShowDue: N_("Showing the break reminder"),
    AwaitPause: N_("Waiting for a pause in typing"),
    CloseReminder: N_("Closing the reminder"),
    OpenBreak: N_("Opening the break window"),
    ShowEyePrompt: N_("Showing the eye prompt"),
    PhaseChanged: N_("Updating the break window"),
    Record: N_("Writing the history"),
    RecordSitting: N_("Writing the history"),
    Refused: N_("Showing a message"),
    ScheduleWakeup: N_("Planning the next reminder"),
}
"""What each handler does, in English for the log and translated for the user when it fails."""


class PauseWatch(Protocol):
    """What looks for a pause in typing (backbreak/runtime/presence.py)."""

    def await_pause(self, pause: float, within: float) -> None:
        """Read input often until `pause` seconds pass without any, for `within` seconds at most."""
        ...


class ReminderView(Protocol):
    """What shows reminders (backbreak/ui/reminders.py)."""

    def heads_up(self, effect: ShowHeadsUp) -> None:
        """A quiet note before a break."""
        ...

    def due(self, effect: ShowDue) -> None:
        """A break is due."""
        ...

    def eyes(self) -> None:
        """The 20-20-20 prompt."""
        ...

    def close(self) -> None:
        """Take the reminder away."""
        ...


class BreakWindows(Protocol):
    """What opens and closes break windows (backbreak/ui/windows.py)."""

    def open_break(self, effect: OpenBreak) -> None:
        """Open the break window."""
        ...

    def phase_changed(self, phase: Phase) -> None:
        """The engine's phase changed (a break it timed out closes its window)."""
        ...


class EffectRouter:
    """Performs each effect with its one handler."""

    def __init__(
        self,
        reminders: ReminderView,
        windows: BreakWindows,
        pauses: PauseWatch,
        history: History,
        say: Callable[[str, str], None],
        send: Callable[[Event], object],
        log_file: Path,
    ) -> None:
        self._reminders = reminders
        self._windows = windows
        self._pauses = pauses
        self._history = history
        self._say = say
        self._send = send
        self._log_file = log_file
        self._told: set[str] = set()

    def perform(self, effect: Effect) -> None:
        """Do what the engine asked; a failure is logged and said, and the app goes on."""
        try:
            self._dispatch(effect)
        except Exception:
            log.exception("%s failed (%s)", _DOING[type(effect)], effect)
            self._failed(effect)

    def _dispatch(self, effect: Effect) -> None:
        match effect:
            case ShowHeadsUp():
                self._reminders.heads_up(effect)
            case ShowDue():
                self._reminders.due(effect)
            case AwaitPause(pause=pause, within=within):
                self._pauses.await_pause(pause, within)
            case ShowEyePrompt():
                self._reminders.eyes()
            case CloseReminder():
                self._reminders.close()
            case OpenBreak():
                self._windows.open_break(effect)
            case PhaseChanged(phase=phase):
                self._windows.phase_changed(phase)
            case Record(event=event, kind=kind, at=at, detail=detail):
                self._history.add_event(EventRow(at, event, kind, detail))
            case RecordSitting(start=start, end=end):
                self._history.add_sitting(SittingRow(start, end))
            case Refused(reason=reason):
                log.info("refused: %s", reason)
                self._say("backbreak", _(reason))  # the engine's reasons are marked in core/requests.py
            case ScheduleWakeup():
                pass  # the engine driver's own effect: it never reaches the router (runtime/driver.py)
            case _:
                assert_never(effect)

    def _failed(self, effect: Effect) -> None:
        doing = _DOING[type(effect)]
        if isinstance(effect, OpenBreak):
            self._send(BreakEnded(Outcome.FAILED))
        if doing in self._told:
            return
        self._told.add(doing)
        self._say(
            _("backbreak: something went wrong"),
            _("{doing} did not work. backbreak keeps running; {log} has the details.").format(
                doing=_(doing), log=self._log_file
            ),
        )
