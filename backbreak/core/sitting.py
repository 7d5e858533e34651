"""The sitting clock: time passing, and the user leaving and coming back.

- The engine keeps its own timeline `tau`: monotonic time plus any sleep it detects. Linux and macOS stop
  the monotonic clock while the machine sleeps; when the wall clock runs ahead of it by more than
  `SUSPEND_GAP`, the difference is a sleep (or a clock step forward) and counts as time away.
- Away at least as long as a break is a natural break: it resets that break's counter. Coming back
  after an hour therefore finds nothing due, and never a burst of stale reminders.
"""

from __future__ import annotations

from backbreak.core.events import BreakKind, HistoryEvent, Record, RecordSitting
from backbreak.core.state import SAMPLE_SLACK, SUSPEND_GAP
from backbreak.core.transition import Transition

EYES_RESET = 20.0
"""Away this long rested the eyes as the 20-20-20 prompt would have asked."""


def advance_time(t: Transition) -> None:
    """Move tau forward; a sleep the runtime did not report counts as time away."""
    s, now = t.s, t.now
    mono_delta = max(0.0, now.mono - s.last.mono)
    gap = (now.wall - s.last.wall).total_seconds() - mono_delta
    s.last = now
    slept_from = s.tau
    if gap <= SUSPEND_GAP:
        s.tau += mono_delta
        return
    # Asleep (or the clock stepped forward) from the last event for `gap` seconds, then awake for
    # `mono_delta`. Erring this way costs at most one reminder; the other way would nag.
    s.tau += gap + mono_delta
    if s.present:
        leave(t, slept_from)
        come_back(t, slept_from + gap)


def idle_sample(t: Transition, idle: float) -> None:
    """The last input was `idle` seconds ago."""
    s = t.s
    threshold = s.settings.reminders.idle_threshold
    last_input = s.tau - idle
    if s.present and last_input - s.last_observed > threshold + SAMPLE_SLACK:
        # Unobserved for longer than the sampling contract allows (a sleep no one reported,
        # a stopped process): nobody can vouch that the user sat there, so that span is away.
        set_flags(t, {"idle_away": True}, s.last_observed)
    s.last_observed = s.tau
    s.input_at = max(s.input_at, last_input)
    set_flags(t, {"idle_away": idle >= threshold}, last_input)


def set_flags(t: Transition, flags: dict[str, bool], at: float) -> None:
    """Set presence flags (idle_away, locked, suspended) as of `at`; leave or come back if that changed."""
    s = t.s
    was_present = s.present
    for name, value in flags.items():
        setattr(s, name, value)
    if was_present and not s.present:
        leave(t, at)
    elif not was_present and s.present:
        come_back(t, max(at, s.away_since))


def leave(t: Transition, at: float) -> None:
    """The user left at `at` (maybe in the past): stop the sitting clock there."""
    s = t.s
    at = min(at, s.tau)
    if s.accrued_to > at and s.tau > s.run_start:
        # Sitting was counted up to now; take back what lies after the user really left.
        overshoot = s.accrued_to - max(at, s.run_start)
        s.move_s = max(0.0, s.move_s - overshoot)
        s.stretch_s = max(0.0, s.stretch_s - overshoot)
        s.eyes_s = max(0.0, s.eyes_s - overshoot)
    if not s.on_break and at > s.present_since:
        t.effects.append(RecordSitting(t.wall_at(s.present_since), t.wall_at(at)))
    s.away_since = at
    s.run_start = s.tau


def come_back(t: Transition, at: float) -> None:
    """The user came back at `at`: a long enough absence is a natural break."""
    s = t.s
    away = at - s.away_since
    s.present_since = at
    s.accrued_to = at
    s.run_start = at
    s.last_observed = max(s.last_observed, at)
    if s.on_break:
        return
    reset: BreakKind | None = None
    if away >= s.settings.move.length and (s.move_s > 0 or s.stretch_s > 0):
        reset = BreakKind.MOVE
    if away >= s.stretch_length and s.stretch_s > 0:
        reset = BreakKind.STRETCH
    if away >= EYES_RESET:
        s.eyes_s = 0.0
    if reset is None:
        return
    t.reset(reset)
    t.effects.append(Record(HistoryEvent.NATURAL, reset, t.wall_at(at), f"away {round(away)} s"))
    if s.cycle is not None and (reset is BreakKind.STRETCH or s.cycle.kind is BreakKind.MOVE):
        t.drop_cycle()


def end_sitting(t: Transition) -> None:
    """A break starts (or the app stops): the current sitting span ends here."""
    s = t.s
    if s.present and s.tau > s.present_since:
        t.effects.append(RecordSitting(t.wall_at(s.present_since), t.now.wall))
    s.present_since = s.tau


def sit_down(t: Transition) -> None:
    """A break ended with the user still here: a new sitting span starts now."""
    s = t.s
    if s.present:
        s.present_since = s.tau
        s.accrued_to = s.tau
        s.run_start = s.tau
