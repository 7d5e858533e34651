"""What time alone brings: pauses and working hours ending, breaks coming due, and the next wake-up.

`settle` runs at the end of every step; `next_wakeup` says when the engine must be woken next, so
nothing polls while nothing can change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from backbreak.core import hours as working_hours
from backbreak.core.events import (
    AwaitPause,
    BreakKind,
    HistoryEvent,
    Outcome,
    Phase,
    PhaseChanged,
    ScheduleWakeup,
    ShowDue,
    ShowEyePrompt,
    ShowHeadsUp,
)
from backbreak.core.requests import end_break
from backbreak.core.state import EARLY, PAUSE_CAP, TYPING_PAUSE, Cycle, EngineState, derive_phase, plan
from backbreak.core.transition import Transition

_WAKEUP_TOLERANCE = 0.01


def settle(t: Transition) -> None:
    """Everything that follows from the time alone: expiries, hours, due breaks, the wake-up."""
    s, wall = t.s, t.now.wall
    if wall.date() != s.day:
        s.day = wall.date()
    if s.paused_until is not None and wall >= s.paused_until:
        s.paused_until = None
        t.record(HistoryEvent.RESUMED, None, "pause ended")
    in_hours = working_hours.within_hours(s.settings.hours, wall)
    if in_hours != s.in_hours:
        s.in_hours = in_hours
        if in_hours:
            t.reset(BreakKind.STRETCH)  # a new working day starts from zero
        elif s.cycle is not None and not s.on_break:
            t.drop_cycle()
    t.accrue()
    if s.cycle is not None and s.on_break and s.cycle.next_at is not None and s.tau >= s.cycle.next_at:
        end_break(t, Outcome.STOPPED)  # the window was forgotten
    if s.accruing:
        _progress_cycle(t)
        _eyes(t)
    phase = derive_phase(s)
    if phase is not s.phase:
        s.phase = phase
        t.effects.append(PhaseChanged(phase))
    wakeup = next_wakeup(s)
    if not _same_time(wakeup, s.wakeup):
        s.wakeup = wakeup
        t.effects.append(ScheduleWakeup(wakeup))


def _progress_cycle(t: Transition) -> None:
    s = t.s
    reminders = s.settings.reminders
    waiting = s.held_back
    cycle = s.cycle
    upcoming = plan(s)
    if cycle is None:
        if upcoming is None:
            return
        kind, left = upcoming
        if left <= EARLY:
            _make_due(t, kind)
        elif left <= reminders.heads_up + EARLY:
            s.cycle = Cycle(kind, s.routine_for(kind), Phase.HEADS_UP)
            if not waiting:
                t.effects.append(ShowHeadsUp(kind, left))
                t.record(HistoryEvent.HEADS_UP, kind)
        return
    if (
        cycle.kind is BreakKind.MOVE
        and upcoming is not None
        and upcoming[0] is BreakKind.STRETCH
        and upcoming[1] <= EARLY
    ):
        # Put off long enough, the move break meets the stretch break: it becomes one.
        cycle = dataclasses.replace(cycle, kind=BreakKind.STRETCH, routine=s.routine_for(BreakKind.STRETCH))
        s.cycle = cycle
    if cycle.stage is Phase.HEADS_UP:
        if upcoming is None or upcoming[1] <= EARLY:
            _make_due(t, cycle.kind, cycle.snoozes)
    elif cycle.stage is Phase.DUE and cycle.typing_since is not None:
        if waiting:  # busy meanwhile (a call began): that wait takes over
            s.cycle = dataclasses.replace(cycle, held_since=s.tau, typing_since=None)
        else:
            _show_due(t, cycle)
    elif cycle.stage is Phase.DUE and cycle.held_since is not None:
        if not waiting or s.tau - cycle.held_since >= reminders.fullscreen_cap - EARLY:
            _show_due(t, cycle)
    elif cycle.next_at is not None and s.tau >= cycle.next_at - EARLY:
        if cycle.stage is Phase.SNOOZED and cycle.level == 0:
            # Snoozed at the heads-up: it becomes due only when the sitting time says so.
            s.cycle = dataclasses.replace(cycle, stage=Phase.HEADS_UP, next_at=None)
            _progress_cycle(t)
        elif waiting:
            s.cycle = dataclasses.replace(cycle, stage=Phase.DUE, held_since=s.tau, next_at=None)
        else:
            _show_due(t, cycle)


def _make_due(t: Transition, kind: BreakKind, snoozes: int = 0) -> None:
    s = t.s
    cycle = Cycle(kind, s.routine_for(kind), Phase.DUE, snoozes=snoozes)
    t.record(HistoryEvent.DUE, kind)
    if s.held_back:
        s.cycle = dataclasses.replace(cycle, held_since=s.tau)
    else:
        _show_due(t, cycle)


def _show_due(t: Transition, cycle: Cycle) -> None:
    """Show the due reminder, unless the user is mid-sentence: then wait for a pause in typing, a minute at most."""
    s = t.s
    waiting_since = s.tau if cycle.typing_since is None else cycle.typing_since
    typing = s.tau - s.input_at < TYPING_PAUSE - EARLY
    if typing and s.tau - waiting_since < PAUSE_CAP - EARLY:
        if cycle.typing_since is None:
            t.effects.append(AwaitPause(TYPING_PAUSE, PAUSE_CAP))
        s.cycle = dataclasses.replace(cycle, stage=Phase.DUE, typing_since=waiting_since, held_since=None, next_at=None)
        return
    s.cycle = dataclasses.replace(
        cycle,
        stage=Phase.DUE,
        level=cycle.level + 1,
        next_at=s.tau + s.settings.reminders.snooze,
        held_since=None,
        typing_since=None,
    )
    t.effects.append(ShowDue(cycle.kind, cycle.routine, cycle.level))


def _eyes(t: Transition) -> None:
    s = t.s
    if s.settings.eyes.enabled and s.eyes_s >= s.settings.eyes.every - EARLY:
        s.eyes_s = 0.0
        t.effects.append(ShowEyePrompt())


def next_wakeup(state: EngineState) -> dt.datetime | None:
    """The earliest wall time at which something can change without an event from outside."""
    s = state
    wall = s.last.wall
    seconds: list[float] = []
    moments: list[dt.datetime] = []
    cycle = s.cycle
    if cycle is not None and cycle.stage is Phase.ON_BREAK and cycle.next_at is not None:
        seconds.append(cycle.next_at - s.tau)
    if s.accruing:
        reminders = s.settings.reminders
        if cycle is None:
            upcoming = plan(s)
            if upcoming is not None:
                left = upcoming[1]
                seconds.append(left - reminders.heads_up if left > reminders.heads_up else left)
        elif cycle.stage is Phase.HEADS_UP:
            upcoming = plan(s)
            if upcoming is not None:
                seconds.append(upcoming[1])
        elif cycle.typing_since is not None:
            seconds.append(cycle.typing_since + PAUSE_CAP - s.tau)  # samples may find the pause sooner
        elif cycle.held_since is not None:
            if s.held_back:
                seconds.append(cycle.held_since + reminders.fullscreen_cap - s.tau)
            if s.grace_until is not None and s.grace_until > s.tau:
                seconds.append(s.grace_until - s.tau)
        elif cycle.next_at is not None:
            seconds.append(cycle.next_at - s.tau)
        if s.settings.eyes.enabled:
            seconds.append(s.settings.eyes.every - s.eyes_s)
    if s.paused_until is not None:
        moments.append(s.paused_until)
    boundary = working_hours.next_boundary(s.settings.hours, wall)
    if boundary is not None:
        moments.append(boundary)
    # A due time that is already here was handled by settle; never ask to be woken in the past.
    moments.extend(wall + dt.timedelta(seconds=max(left, 0.001)) for left in seconds)
    return min(moments, default=None)


def _same_time(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).total_seconds()) < _WAKEUP_TOLERANCE
