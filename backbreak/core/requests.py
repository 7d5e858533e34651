"""What the user asks of the engine: snooze, skip, start and end a break, pause, new settings.

A request that cannot be done leaves the state alone and adds one `Refused` effect that says why.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from backbreak.core.events import BreakKind, CloseReminder, HistoryEvent, OpenBreak, Outcome, Phase
from backbreak.core.i18n import N_
from backbreak.core.settings import Settings
from backbreak.core.sitting import end_sitting, sit_down
from backbreak.core.state import CALL, CALL_GRACE, Cycle, plan
from backbreak.core.transition import Transition

ON_BREAK_GRACE = 10 * 60.0
"""A break window left open this long past its routine's length (or three times it) has been forgotten."""

_ENDINGS = {
    Outcome.COMPLETED: HistoryEvent.COMPLETED,
    Outcome.STOPPED: HistoryEvent.STOPPED,
    Outcome.HURT: HistoryEvent.HURT,
    Outcome.FAILED: HistoryEvent.FAILED,
}


def on_break_timeout(seconds: float) -> float:
    """How long a break of `seconds` may run before the engine takes its window to be forgotten."""
    return max(3 * seconds, seconds + ON_BREAK_GRACE)


def busy_changed(t: Transition, busy: bool, reason: str) -> None:
    """Busy began or ended; the end of a call leaves a minute of grace.

    What counts as a call (a camera, or a microphone for 30 s: not a voice message) is the call check's
    to say (runtime/busy.py), so every call that ends here was one.
    """
    s = t.s
    if not busy and s.busy and s.busy_reason == CALL:
        s.grace_until = s.tau + CALL_GRACE
    s.busy = busy
    s.busy_reason = reason if busy else ""


def snooze(t: Transition, seconds: int | None) -> None:
    """Put the current break off by `seconds` (None: the snooze setting)."""
    s = t.s
    cycle = s.cycle
    if cycle is None or cycle.stage is Phase.ON_BREAK:
        t.refuse(N_("Nothing to snooze: no break is due."))
        return
    reminders = s.settings.reminders
    if reminders.strict and cycle.snoozes >= reminders.snooze_limit:
        t.refuse(N_("No snoozes left for this break (strict mode)."))
        return
    length = reminders.snooze if seconds is None else seconds
    if length <= 0:
        t.refuse(N_("A snooze must last longer than 0 s."))
        return
    s.cycle = dataclasses.replace(
        cycle, stage=Phase.SNOOZED, next_at=s.tau + length, snoozes=cycle.snoozes + 1, held_since=None
    )
    t.effects.append(CloseReminder())
    t.record(HistoryEvent.SNOOZED, cycle.kind, f"{length} s")


def skip(t: Transition) -> None:
    """Skip the current break, or the next one when none is in progress."""
    s = t.s
    if s.settings.reminders.strict:
        t.refuse(N_("Breaks cannot be skipped in strict mode."))
        return
    if s.on_break:
        t.refuse(N_("A break is running: stop it instead."))
        return
    if s.cycle is not None:
        kind = s.cycle.kind
        t.drop_cycle()
    else:
        upcoming = plan(s)
        if upcoming is None:
            t.refuse(N_("Nothing to skip: both kinds of break are off."))
            return
        kind = upcoming[0]
    t.reset(kind)
    t.record(HistoryEvent.SKIPPED, kind)


def start_break(t: Transition, kind: BreakKind | None, wanted: str | None) -> None:
    """Open the break window now; the on-break timeout follows from the routine's own length."""
    s = t.s
    if s.on_break:
        t.refuse(N_("A break is already running."))
        return
    if kind is None:
        kind = s.cycle.kind if s.cycle is not None else BreakKind.STRETCH
    routine = s.routine_for(kind, wanted)
    if s.cycle is not None and s.cycle.level > 0:
        t.effects.append(CloseReminder())
    timeout = on_break_timeout(s.routine_seconds(routine))
    s.cycle = Cycle(kind, routine, Phase.ON_BREAK, next_at=s.tau + timeout)
    end_sitting(t)
    t.effects.append(OpenBreak(kind, routine))
    t.record(HistoryEvent.STARTED, kind, routine)


def end_break(t: Transition, outcome: Outcome) -> None:
    """The break window closed: the break counts as taken whatever the outcome, so nothing nags after it."""
    s = t.s
    if not s.on_break or s.cycle is None:
        t.refuse(N_("No break is running."))
        return
    kind = s.cycle.kind
    s.cycle = None
    t.reset(kind)
    if outcome is Outcome.HURT:
        s.hurt_on = s.day
    t.record(_ENDINGS[outcome], kind)
    sit_down(t)


def step_shown(t: Transition, step: str) -> None:
    """A card of the running routine shows: a history row, nothing more."""
    if not t.s.on_break:
        t.refuse(N_("No break is running."))
        return
    t.record(HistoryEvent.STEP, _kind(t), step)


def pause_routine(t: Transition) -> None:
    """The routine stands still in its window.

    The on-break timeout keeps running, so a window paused and then forgotten still ends; a resume
    gives the paused time back.
    """
    cycle = t.s.cycle
    if cycle is None or not t.s.on_break or cycle.paused_since is not None:
        t.refuse(N_("No routine is running."))
        return
    t.s.cycle = dataclasses.replace(cycle, paused_since=t.s.tau)
    t.record(HistoryEvent.ROUTINE_PAUSED, cycle.kind, cycle.routine)


def resume_routine(t: Transition) -> None:
    """The paused routine goes on; its timeout moves on by the time it stood still."""
    cycle = t.s.cycle
    if cycle is None or not t.s.on_break or cycle.paused_since is None:
        t.refuse(N_("No routine is paused."))
        return
    held = t.s.tau - cycle.paused_since
    next_at = None if cycle.next_at is None else cycle.next_at + held
    t.s.cycle = dataclasses.replace(cycle, paused_since=None, next_at=next_at)
    t.record(HistoryEvent.ROUTINE_RESUMED, cycle.kind, cycle.routine)


def pause(t: Transition, until: dt.datetime) -> None:
    """No reminders until `until`."""
    s = t.s
    if until <= t.now.wall:
        t.refuse(N_("That time has already passed."))
        return
    if s.cycle is not None and not s.on_break:
        t.drop_cycle()
    s.paused_until = until
    t.record(HistoryEvent.PAUSED, None, until.isoformat(timespec="minutes"))


def resume(t: Transition) -> None:
    """End a pause now."""
    s = t.s
    if s.paused_until is None:
        t.refuse(N_("Not paused."))
        return
    s.paused_until = None
    t.record(HistoryEvent.RESUMED, None)


def change_settings(t: Transition, settings: Settings) -> None:
    """New settings from now on; a break in progress (not running) is planned again from the counters."""
    s = t.s
    s.settings = settings
    if s.cycle is not None and not s.on_break:
        t.drop_cycle()


def _kind(t: Transition) -> BreakKind | None:
    return None if t.s.cycle is None else t.s.cycle.kind
