"""The break engine: one explicit state machine that decides every reminder.

`step(state, event, now)` returns the next state and the effects for the runtime to perform; it performs
none itself and reads no clock. `next_wakeup` (emitted as `ScheduleWakeup`) says when the engine must be
woken next, so nothing polls while nothing can change.

How time is counted:
- The engine keeps its own timeline `tau`: monotonic time plus any sleep it detects. Linux and macOS stop
  the monotonic clock while the machine sleeps; when the wall clock runs ahead of it by more than
  `SUSPEND_GAP`, the difference is a sleep (or a clock step forward) and counts as time away.
- Sitting accrues only while the user is present (not idle past the threshold, not locked, not asleep),
  within working hours, not paused and not on a break. Two counters run: since the last move and since
  the last stretch. A stretch break resets both; a move break resets the move counter.
- Away at least as long as a break is a natural break: it resets that break's counter. Coming back
  after an hour therefore finds nothing due, and never a burst of stale reminders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass

from backbreak.core import hours as working_hours
from backbreak.core.clock import Instant
from backbreak.core.events import (
    BreakEnded,
    BreakKind,
    BusyChanged,
    CloseReminder,
    Effect,
    Event,
    HistoryEvent,
    IdleSample,
    Locked,
    OpenBreak,
    Outcome,
    Pause,
    PauseUntilTomorrow,
    Phase,
    PhaseChanged,
    Record,
    RecordSitting,
    Refused,
    Resume,
    Resumed,
    ScheduleWakeup,
    SettingsChanged,
    ShowDue,
    ShowEyePrompt,
    ShowHeadsUp,
    Skip,
    Snooze,
    StartBreak,
    Stopping,
    Suspending,
    Tick,
    Unlocked,
)
from backbreak.core.routines import MOVE_ROUTINE, routine_seconds
from backbreak.core.settings import Settings

SUSPEND_GAP = 10.0
"""Wall time running this far ahead of monotonic time between two events means the machine slept."""

SAMPLE_SLACK = 60.0
"""Grace on the sampling contract: presence samples at most one idle threshold (plus this) apart."""

MERGE_WINDOW = 5 * 60.0
"""A stretch break due within this long after a move break replaces that move break."""

NATURAL_STRETCH_MIN = 5 * 60.0
"""Away this long at least (or the routine's length, if longer) counts as a natural stretch break:
HSE's guidance is a 5-10 min break from the screen per hour (stretch-facts.md section 1.2)."""

_WAKEUP_TOLERANCE = 0.01
_EARLY = 0.05
"""Timers may fire a few milliseconds early; a deadline this close counts as reached."""


@dataclass(frozen=True)
class Cycle:
    """One break from heads-up to its end.

    Attributes:
        kind: move or stretch.
        routine: what the break window will run.
        stage: HEADS_UP, DUE, SNOOZED or ON_BREAK (a subset of Phase).
        level: how many times the due reminder was shown.
        next_at: tau of the next renotify, the end of a snooze, or the on-break timeout.
        snoozes: how many times the user snoozed this break.
        held_since: tau since which a due reminder waits for a full-screen app to end.
    """

    kind: BreakKind
    routine: str
    stage: Phase
    level: int = 0
    next_at: float | None = None
    snoozes: int = 0
    held_since: float | None = None


@dataclass
class EngineState:
    """Everything the engine knows. `step` never changes the state it is given; it works on a copy.

    Times named `*_at`, `*_since` and `*_to` are on the engine's timeline `tau` (seconds).
    """

    settings: Settings
    stretch_length: float  # away at least this long is a natural stretch break
    last: Instant
    tau: float = 0.0
    idle_away: bool = False
    locked: bool = False
    suspended: bool = False
    away_since: float = 0.0
    present_since: float = 0.0
    last_observed: float = 0.0
    move_s: float = 0.0
    stretch_s: float = 0.0
    eyes_s: float = 0.0
    accrued_to: float = 0.0
    run_start: float = 0.0
    cycle: Cycle | None = None
    paused_until: dt.datetime | None = None
    busy: bool = False
    busy_reason: str = ""
    in_hours: bool = True
    day: dt.date = dt.date.min
    hurt_on: dt.date | None = None
    phase: Phase = Phase.WORKING
    wakeup: dt.datetime | None = None

    @property
    def present(self) -> bool:
        """At the computer: not idle past the threshold, not locked, not asleep."""
        return not (self.idle_away or self.locked or self.suspended)

    @property
    def on_break(self) -> bool:
        """A break window is open."""
        return self.cycle is not None and self.cycle.stage is Phase.ON_BREAK

    @property
    def accruing(self) -> bool:
        """Whether sitting time counts right now."""
        return self.present and not self.on_break and self.in_hours and self.paused_until is None


def initial_state(settings: Settings, now: Instant) -> EngineState:
    """The state at start-up: the user is taken to be present and nothing has been counted yet."""
    state = EngineState(settings=settings, stretch_length=_natural_stretch(settings), last=now)
    state.day = now.wall.date()
    state.in_hours = working_hours.within_hours(settings.hours, now.wall)
    state.phase = derive_phase(state)
    return state


def _natural_stretch(settings: Settings) -> float:
    return max(NATURAL_STRETCH_MIN, float(routine_seconds(settings.stretch.routine)))


def derive_phase(state: EngineState) -> Phase:
    """The one phase the user sees; the order says what wins when several hold."""
    if state.on_break:
        return Phase.ON_BREAK
    if state.paused_until is not None:
        return Phase.PAUSED
    if not state.in_hours:
        return Phase.OUTSIDE_HOURS
    if not state.present:
        return Phase.AWAY
    if state.cycle is not None:
        return state.cycle.stage
    return Phase.WORKING


def step(state: EngineState, event: Event, now: Instant) -> tuple[EngineState, list[Effect]]:
    """Apply `event` at `now`; return the new state and what the runtime must do."""
    transition = _Transition(dataclasses.replace(state), now)
    transition.run(event)
    return transition.s, transition.effects


def plan(state: EngineState) -> tuple[BreakKind, float] | None:
    """The next break and the seconds of sitting left before it is due, or None if both are off."""
    s = state.settings
    move_left = s.move.every - state.move_s if s.move.enabled else math.inf
    stretch_on = s.stretch.enabled and state.hurt_on != state.day
    stretch_left = s.stretch.every - state.stretch_s if stretch_on else math.inf
    if math.isinf(move_left) and math.isinf(stretch_left):
        return None
    window = min(MERGE_WINDOW, s.move.every / 2)
    # An overdue move break is due "now": a stretch due within the window of now replaces it.
    if stretch_left <= max(move_left, 0.0) + window:
        return BreakKind.STRETCH, min(move_left, stretch_left)
    return BreakKind.MOVE, move_left


class _Transition:
    """One step's work on a private copy of the state; collects effects in order."""

    def __init__(self, state: EngineState, now: Instant) -> None:
        self.s = state
        self.now = now
        self.effects: list[Effect] = []

    # ------------------------------------------------------------------------------ the step
    def run(self, event: Event) -> None:
        self._advance_time()
        self._accrue()
        self._handle(event)
        self._settle()

    def _handle(self, event: Event) -> None:
        s = self.s
        match event:
            case Tick():
                pass
            case IdleSample(idle_seconds=idle):
                self._idle_sample(max(0.0, idle))
            case Locked():
                self._set_flags({"locked": True}, s.tau)
            case Unlocked():
                # Unlocking takes input, so the user is not idle either.
                self._set_flags({"locked": False, "idle_away": False}, s.tau)
            case Suspending():
                self._set_flags({"suspended": True}, s.tau)
            case Resumed():
                self._set_flags({"suspended": False}, s.tau)
            case BusyChanged(busy=busy, reason=reason):
                s.busy = busy
                s.busy_reason = reason if busy else ""
            case Snooze(seconds=seconds):
                self._snooze(seconds)
            case Skip():
                self._skip()
            case StartBreak(kind=kind, routine=routine):
                self._start_break(kind, routine)
            case BreakEnded(outcome=outcome):
                self._end_break(outcome)
            case Pause(until=until):
                self._pause(until)
            case PauseUntilTomorrow():
                self._pause(working_hours.tomorrow_start(s.settings.hours, self.now.wall))
            case Resume():
                self._resume()
            case SettingsChanged(settings=settings):
                self._change_settings(settings)
            case Stopping():
                if s.present and not s.on_break:
                    self._leave_sitting()

    # ------------------------------------------------------------------------------ time
    def _advance_time(self) -> None:
        """Move tau forward; a sleep the runtime did not report counts as time away."""
        s, now = self.s, self.now
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
            self._leave(slept_from)
            self._return(slept_from + gap)

    def _wall_at(self, tau: float) -> dt.datetime:
        return self.now.wall - dt.timedelta(seconds=self.s.tau - tau)

    def _accrue(self) -> None:
        s = self.s
        if s.accruing and s.tau > s.accrued_to:
            delta = s.tau - s.accrued_to
            s.move_s += delta
            s.stretch_s += delta
            s.eyes_s += delta
        s.accrued_to = max(s.accrued_to, s.tau)
        if not s.accruing:
            s.run_start = s.tau

    def _reset(self, kind: BreakKind) -> None:
        s = self.s
        s.move_s = 0.0
        if kind is BreakKind.STRETCH:
            s.stretch_s = 0.0
        s.eyes_s = 0.0

    # ------------------------------------------------------------------------------ presence
    def _idle_sample(self, idle: float) -> None:
        s = self.s
        threshold = s.settings.reminders.idle_threshold
        last_input = s.tau - idle
        if s.present and last_input - s.last_observed > threshold + SAMPLE_SLACK:
            # Unobserved for longer than the sampling contract allows (a sleep no one reported,
            # a stopped process): nobody can vouch that the user sat there, so that span is away.
            self._set_flags({"idle_away": True}, s.last_observed)
        s.last_observed = s.tau
        self._set_flags({"idle_away": idle >= threshold}, last_input)

    def _set_flags(self, flags: dict[str, bool], at: float) -> None:
        s = self.s
        was_present = s.present
        for name, value in flags.items():
            setattr(s, name, value)
        if was_present and not s.present:
            self._leave(at)
        elif not was_present and s.present:
            self._return(max(at, s.away_since))

    def _leave(self, at: float) -> None:
        """The user left at `at` (maybe in the past): stop the sitting clock there."""
        s = self.s
        at = min(at, s.tau)
        if s.accrued_to > at and s.tau > s.run_start:
            # Sitting was counted up to now; take back what lies after the user really left.
            overshoot = s.accrued_to - max(at, s.run_start)
            s.move_s = max(0.0, s.move_s - overshoot)
            s.stretch_s = max(0.0, s.stretch_s - overshoot)
            s.eyes_s = max(0.0, s.eyes_s - overshoot)
        if not s.on_break and at > s.present_since:
            self.effects.append(RecordSitting(self._wall_at(s.present_since), self._wall_at(at)))
        s.away_since = at
        s.run_start = s.tau

    def _return(self, at: float) -> None:
        """The user came back at `at`: a long enough absence is a natural break."""
        s = self.s
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
        if away >= 20:
            s.eyes_s = 0.0
        if reset is None:
            return
        self._reset(reset)
        self.effects.append(Record(HistoryEvent.NATURAL, reset, self._wall_at(at), f"away {round(away)} s"))
        if s.cycle is not None and (reset is BreakKind.STRETCH or s.cycle.kind is BreakKind.MOVE):
            self._drop_cycle()

    # ------------------------------------------------------------------------------ requests
    def _snooze(self, seconds: int | None) -> None:
        s = self.s
        cycle = s.cycle
        if cycle is None or cycle.stage is Phase.ON_BREAK:
            self._refuse("Nothing to snooze: no break is due.")
            return
        reminders = s.settings.reminders
        if reminders.strict and cycle.snoozes >= reminders.snooze_limit:
            self._refuse("No snoozes left for this break (strict mode).")
            return
        length = reminders.snooze if seconds is None else seconds
        if length <= 0:
            self._refuse("A snooze must last longer than 0 s.")
            return
        s.cycle = dataclasses.replace(
            cycle, stage=Phase.SNOOZED, next_at=s.tau + length, snoozes=cycle.snoozes + 1, held_since=None
        )
        self.effects.append(CloseReminder())
        self._record(HistoryEvent.SNOOZED, cycle.kind, f"{length} s")

    def _skip(self) -> None:
        s = self.s
        if s.settings.reminders.strict:
            self._refuse("Breaks cannot be skipped in strict mode.")
            return
        if s.on_break:
            self._refuse("A break is running: stop it instead.")
            return
        if s.cycle is not None:
            kind = s.cycle.kind
            self._drop_cycle()
        else:
            upcoming = plan(s)
            if upcoming is None:
                self._refuse("Nothing to skip: both kinds of break are off.")
                return
            kind = upcoming[0]
        self._reset(kind)
        self._record(HistoryEvent.SKIPPED, kind)

    def _start_break(self, kind: BreakKind | None, routine: str | None) -> None:
        s = self.s
        if s.on_break:
            self._refuse("A break is already running.")
            return
        if kind is None:
            kind = s.cycle.kind if s.cycle is not None else BreakKind.STRETCH
        if routine is None:
            routine = s.settings.stretch.routine if kind is BreakKind.STRETCH else MOVE_ROUTINE
        if s.cycle is not None and s.cycle.level > 0:
            self.effects.append(CloseReminder())
        length = s.settings.move.length if kind is BreakKind.MOVE else routine_seconds(routine)
        timeout = max(3 * length, length + 10 * 60)
        s.cycle = Cycle(kind, routine, Phase.ON_BREAK, next_at=s.tau + timeout)
        self._leave_sitting()
        self.effects.append(OpenBreak(kind, routine))
        self._record(HistoryEvent.STARTED, kind, routine)

    def _end_break(self, outcome: Outcome) -> None:
        s = self.s
        if not s.on_break or s.cycle is None:
            self._refuse("No break is running.")
            return
        kind = s.cycle.kind
        s.cycle = None
        self._reset(kind)
        if outcome is Outcome.HURT:
            s.hurt_on = s.day
        event = {
            Outcome.COMPLETED: HistoryEvent.COMPLETED,
            Outcome.STOPPED: HistoryEvent.STOPPED,
            Outcome.HURT: HistoryEvent.HURT,
        }[outcome]
        self._record(event, kind)
        if s.present:
            s.present_since = s.tau
            s.accrued_to = s.tau
            s.run_start = s.tau

    def _leave_sitting(self) -> None:
        """A break starts: the current sitting span ends here."""
        s = self.s
        if s.present and s.tau > s.present_since:
            self.effects.append(RecordSitting(self._wall_at(s.present_since), self.now.wall))
        s.present_since = s.tau

    def _pause(self, until: dt.datetime) -> None:
        s = self.s
        if until <= self.now.wall:
            self._refuse("That time has already passed.")
            return
        if s.cycle is not None and not s.on_break:
            self._drop_cycle()
        s.paused_until = until
        self._record(HistoryEvent.PAUSED, None, until.isoformat(timespec="minutes"))

    def _resume(self) -> None:
        s = self.s
        if s.paused_until is None:
            self._refuse("Not paused.")
            return
        s.paused_until = None
        self._record(HistoryEvent.RESUMED, None)

    def _change_settings(self, settings: Settings) -> None:
        s = self.s
        s.settings = settings
        s.stretch_length = _natural_stretch(settings)
        if s.cycle is not None and not s.on_break:
            # Intervals, kinds or hours may have changed: plan the break again from the counters.
            self._drop_cycle()

    # ------------------------------------------------------------------------------ settle
    def _settle(self) -> None:
        """Everything that follows from the time alone: expiries, hours, due breaks, the wake-up."""
        s, wall = self.s, self.now.wall
        if wall.date() != s.day:
            s.day = wall.date()
        if s.paused_until is not None and wall >= s.paused_until:
            s.paused_until = None
            self._record(HistoryEvent.RESUMED, None, "pause ended")
        in_hours = working_hours.within_hours(s.settings.hours, wall)
        if in_hours != s.in_hours:
            s.in_hours = in_hours
            if in_hours:
                self._reset(BreakKind.STRETCH)  # a new working day starts from zero
            elif s.cycle is not None and not s.on_break:
                self._drop_cycle()
        self._accrue()
        self._timeout_break()
        if s.accruing:
            self._progress_cycle()
            self._eyes()
        phase = derive_phase(s)
        if phase is not s.phase:
            s.phase = phase
            self.effects.append(PhaseChanged(phase))
        wakeup = next_wakeup(s)
        if not _same_time(wakeup, s.wakeup):
            s.wakeup = wakeup
            self.effects.append(ScheduleWakeup(wakeup))

    def _timeout_break(self) -> None:
        s = self.s
        if s.cycle is not None and s.on_break and s.cycle.next_at is not None and s.tau >= s.cycle.next_at:
            self._end_break(Outcome.STOPPED)

    def _progress_cycle(self) -> None:
        s = self.s
        reminders = s.settings.reminders
        waiting = s.busy and reminders.wait_in_fullscreen
        cycle = s.cycle
        upcoming = plan(s)
        if cycle is None:
            if upcoming is None:
                return
            kind, left = upcoming
            if left <= _EARLY:
                self._make_due(kind)
            elif left <= reminders.heads_up + _EARLY:
                s.cycle = Cycle(kind, self._routine_for(kind), Phase.HEADS_UP)
                if not waiting:
                    self.effects.append(ShowHeadsUp(kind, left))
                    self._record(HistoryEvent.HEADS_UP, kind)
            return
        if (
            cycle.kind is BreakKind.MOVE
            and upcoming is not None
            and upcoming[0] is BreakKind.STRETCH
            and upcoming[1] <= _EARLY
        ):
            # Put off long enough, the move break meets the stretch break: it becomes one.
            cycle = dataclasses.replace(cycle, kind=BreakKind.STRETCH, routine=self._routine_for(BreakKind.STRETCH))
            s.cycle = cycle
        if cycle.stage is Phase.HEADS_UP:
            if upcoming is None or upcoming[1] <= _EARLY:
                self._make_due(cycle.kind, cycle.snoozes)
        elif cycle.stage is Phase.DUE and cycle.held_since is not None:
            if not waiting or s.tau - cycle.held_since >= reminders.fullscreen_cap - _EARLY:
                self._show_due(cycle)
        elif cycle.next_at is not None and s.tau >= cycle.next_at - _EARLY:
            if cycle.stage is Phase.SNOOZED and cycle.level == 0:
                # Snoozed at the heads-up: it becomes due only when the sitting time says so.
                s.cycle = dataclasses.replace(cycle, stage=Phase.HEADS_UP, next_at=None)
                self._progress_cycle()
            elif waiting:
                s.cycle = dataclasses.replace(cycle, stage=Phase.DUE, held_since=s.tau, next_at=None)
            else:
                self._show_due(cycle)

    def _make_due(self, kind: BreakKind, snoozes: int = 0) -> None:
        s = self.s
        cycle = Cycle(kind, self._routine_for(kind), Phase.DUE, snoozes=snoozes)
        self._record(HistoryEvent.DUE, kind)
        if s.busy and s.settings.reminders.wait_in_fullscreen:
            s.cycle = dataclasses.replace(cycle, held_since=s.tau)
        else:
            self._show_due(cycle)

    def _show_due(self, cycle: Cycle) -> None:
        s = self.s
        s.cycle = dataclasses.replace(
            cycle,
            stage=Phase.DUE,
            level=cycle.level + 1,
            next_at=s.tau + s.settings.reminders.snooze,
            held_since=None,
        )
        self.effects.append(ShowDue(cycle.kind, cycle.routine, cycle.level))

    def _routine_for(self, kind: BreakKind) -> str:
        return self.s.settings.stretch.routine if kind is BreakKind.STRETCH else MOVE_ROUTINE

    def _eyes(self) -> None:
        s = self.s
        if s.settings.eyes.enabled and s.eyes_s >= s.settings.eyes.every:
            s.eyes_s = 0.0
            self.effects.append(ShowEyePrompt())

    # ------------------------------------------------------------------------------ helpers
    def _drop_cycle(self) -> None:
        s = self.s
        if s.cycle is not None and (s.cycle.level > 0 or s.cycle.stage is Phase.HEADS_UP):
            self.effects.append(CloseReminder())
        s.cycle = None

    def _record(self, event: HistoryEvent, kind: BreakKind | None, detail: str = "") -> None:
        self.effects.append(Record(event, kind, self.now.wall, detail))

    def _refuse(self, reason: str) -> None:
        self.effects.append(Refused(reason))


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
        elif cycle.held_since is not None:
            if s.busy:
                seconds.append(cycle.held_since + reminders.fullscreen_cap - s.tau)
        elif cycle.next_at is not None:
            seconds.append(cycle.next_at - s.tau)
        if s.settings.eyes.enabled:
            seconds.append(s.settings.eyes.every - s.eyes_s)
    if s.paused_until is not None:
        moments.append(s.paused_until)
    boundary = working_hours.next_boundary(s.settings.hours, wall)
    if boundary is not None:
        moments.append(boundary)
    # A due time that is already here was handled by _settle; never ask to be woken in the past.
    moments.extend(wall + dt.timedelta(seconds=max(left, 0.001)) for left in seconds)
    return min(moments, default=None)


def _same_time(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).total_seconds()) < _WAKEUP_TOLERANCE
