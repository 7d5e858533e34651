"""The break engine: one explicit state machine that decides every reminder.

`step(state, event, now)` returns the next state and the effects for the runtime to perform; it performs
none itself and reads no clock. The last effect of a step that changes when the engine must next be
woken is `ScheduleWakeup`, so nothing polls while nothing can change.

How time is counted (core/sitting.py has the details):
- Sitting accrues only while the user is present (not idle past the threshold, not locked, not asleep),
  within working hours, not paused and not on a break. Two counters run: since the last move and since
  the last stretch. A stretch break resets both; a move break resets the move counter.
- Away at least as long as a break is a natural break: it resets that break's counter.

The rules live in three modules: core/sitting.py (time and presence), core/requests.py (what the user
asks) and core/due.py (what time brings). This module routes each event to them.
"""

from __future__ import annotations

from typing import assert_never

from backbreak.core import requests, sitting
from backbreak.core.clock import Instant
from backbreak.core.due import next_wakeup, settle
from backbreak.core.events import (
    BreakEnded,
    BusyChanged,
    Effect,
    Event,
    IdleSample,
    Locked,
    Pause,
    PauseUntilTomorrow,
    Resume,
    Resumed,
    RoutinePaused,
    RoutineResumed,
    SettingsChanged,
    Skip,
    Snooze,
    StartBreak,
    StepShown,
    Stopping,
    Suspending,
    Tick,
    Unlocked,
)
from backbreak.core.hours import tomorrow_start
from backbreak.core.state import (
    MERGE_WINDOW,
    NATURAL_STRETCH_MIN,
    SAMPLE_SLACK,
    SUSPEND_GAP,
    Cycle,
    EngineState,
    derive_phase,
    initial_state,
    plan,
)
from backbreak.core.transition import Transition

__all__ = [
    "MERGE_WINDOW",
    "NATURAL_STRETCH_MIN",
    "SAMPLE_SLACK",
    "SUSPEND_GAP",
    "Cycle",
    "EngineState",
    "derive_phase",
    "initial_state",
    "next_wakeup",
    "plan",
    "step",
]


def step(state: EngineState, event: Event, now: Instant) -> tuple[EngineState, list[Effect]]:
    """Apply `event` at `now`; return the new state and what the runtime must do."""
    t = Transition(state, now)
    sitting.advance_time(t)
    t.accrue()
    _handle(t, event)
    settle(t)
    return t.s, t.effects


def _handle(t: Transition, event: Event) -> None:
    s = t.s
    match event:
        case Tick():
            pass
        case IdleSample(idle_seconds=idle):
            sitting.idle_sample(t, max(0.0, idle))
        case Locked():
            sitting.set_flags(t, {"locked": True}, s.tau)
        case Unlocked():
            # Unlocking takes input, so the user is not idle either.
            s.input_at = s.tau
            sitting.set_flags(t, {"locked": False, "idle_away": False}, s.tau)
        case Suspending():
            sitting.set_flags(t, {"suspended": True}, s.tau)
        case Resumed():
            sitting.set_flags(t, {"suspended": False}, s.tau)
        case BusyChanged(busy=busy, reason=reason):
            requests.busy_changed(t, busy, reason)
        case Snooze(seconds=seconds):
            requests.snooze(t, seconds)
        case Skip():
            requests.skip(t)
        case StartBreak(kind=kind, routine=routine):
            requests.start_break(t, kind, routine)
        case BreakEnded(outcome=outcome):
            requests.end_break(t, outcome)
        case StepShown(step=shown):
            requests.step_shown(t, shown)
        case RoutinePaused():
            requests.pause_routine(t)
        case RoutineResumed():
            requests.resume_routine(t)
        case Pause(until=until):
            requests.pause(t, until)
        case PauseUntilTomorrow():
            requests.pause(t, tomorrow_start(s.settings.hours, t.now.wall))
        case Resume():
            requests.resume(t)
        case SettingsChanged(settings=settings):
            requests.change_settings(t, settings)
        case Stopping():
            if s.present and not s.on_break:
                sitting.end_sitting(t)
        case _:
            assert_never(event)
