"""What the break engine knows between two steps, and the answers that follow from it alone.

`EngineState` is the engine's whole memory; `derive_phase` says what the user sees, and `plan` which
break comes next and how much sitting is left before it. Nothing here changes a state.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from backbreak.core import hours as working_hours
from backbreak.core.clock import Instant
from backbreak.core.events import BreakKind, Phase
from backbreak.core.routines import MOVE_ROUTINE, pick_routine
from backbreak.core.settings import Settings

SUSPEND_GAP = 10.0
"""Wall time running this far ahead of monotonic time between two events means the machine slept."""

SAMPLE_SLACK = 60.0
"""Grace on the sampling contract: presence samples at most one idle threshold (plus this) apart."""

MERGE_WINDOW = 5 * 60.0
"""A stretch break due within this long after a move break replaces that move break."""

NATURAL_STRETCH_MIN = 5 * 60.0
"""Away this long at least (or the routine's length, if longer) counts as a natural stretch break:
HSE's guidance is a 5-10 min break from the screen per hour (stretch-facts.md section 1.2). It is also
the length assumed for a routine the engine was not told about (only a bare engine in a test)."""

EARLY = 0.05
"""Timers may fire a few milliseconds early; a deadline this close counts as reached."""

CALL = "call"
"""The busy reason of a camera or microphone in use (runtime/busy.py's CallCheck)."""

CALL_MIN = 30.0
"""A microphone in use this long is a call: a dictation or a voice message is shorter (runtime/busy.py)."""

CALL_GRACE = 60.0
"""After a call ends, the break waits this much longer: a moment to hang up and breathe."""

TYPING_PAUSE = 3.0
"""A due reminder waits for this long a pause in typing, so it never lands mid-sentence..."""

PAUSE_CAP = 60.0
"""...but for no longer than this."""


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
        held_since: tau since which a due reminder waits for a full-screen app (or a call) to end.
        typing_since: tau since which a due reminder waits for a pause in typing.
        paused_since: tau since which the running routine is paused in its window.
    """

    kind: BreakKind
    routine: str
    stage: Phase
    level: int = 0
    next_at: float | None = None
    snoozes: int = 0
    held_since: float | None = None
    typing_since: float | None = None
    paused_since: float | None = None


@dataclass
class EngineState:
    """Everything the engine knows. `step` never changes the state it is given; it works on a copy.

    Times named `*_at`, `*_since` and `*_to` are on the engine's timeline `tau` (seconds).
    `routines` maps each loaded routine to the seconds it takes (read-only, shared between copies).
    """

    settings: Settings
    last: Instant
    routines: Mapping[str, float] = field(default_factory=dict)
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
    grace_until: float | None = None
    input_at: float = -math.inf
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

    @property
    def held_back(self) -> bool:
        """Whether a due break waits: busy in a way the settings say to wait for, or just out of a call."""
        reminders = self.settings.reminders
        if self.busy:
            return reminders.wait_in_calls if self.busy_reason == CALL else reminders.wait_in_fullscreen
        return self.grace_until is not None and self.tau < self.grace_until - EARLY

    @property
    def stretch_length(self) -> float:
        """Away at least this long is a natural stretch break."""
        return max(NATURAL_STRETCH_MIN, self.routine_seconds(self.settings.stretch.routine))

    def routine_for(self, kind: BreakKind, wanted: str | None = None) -> str:
        """The routine a break of `kind` runs (see routines.pick_routine)."""
        if kind is BreakKind.MOVE:
            return MOVE_ROUTINE
        configured = self.settings.stretch.routine
        return pick_routine(self.routines, wanted, configured) or wanted or configured

    def routine_seconds(self, routine: str) -> float:
        """How long `routine` takes, as loaded; the move break lasts as long as its setting says."""
        if routine == MOVE_ROUTINE:
            return float(self.settings.move.length)
        return self.routines.get(routine, NATURAL_STRETCH_MIN)


def initial_state(settings: Settings, now: Instant, routines: Mapping[str, float] | None = None) -> EngineState:
    """The state at start-up: the user is taken to be present and nothing has been counted yet."""
    state = EngineState(settings=settings, last=now, routines=dict(routines or {}))
    state.day = now.wall.date()
    state.in_hours = working_hours.within_hours(settings.hours, now.wall)
    state.phase = derive_phase(state)
    return state


def until_near(state: EngineState, margin: float, elapsed: float = 0.0) -> float | None:
    """Seconds of sitting until the next break is within the heads-up and `margin` of being due (0: now).

    `elapsed` is the time since the state's last step: sitting went on meanwhile if it was counting.
    None when no break is planned.
    """
    if state.cycle is not None:
        return 0.0
    upcoming = plan(state)
    if upcoming is None:
        return None
    left = upcoming[1] - (elapsed if state.accruing else 0.0)
    return max(0.0, left - state.settings.reminders.heads_up - margin)


def near_break(state: EngineState, margin: float, elapsed: float = 0.0) -> bool:
    """Whether a break is in progress, or due within the heads-up and `margin` seconds of sitting."""
    return until_near(state, margin, elapsed) == 0.0


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
