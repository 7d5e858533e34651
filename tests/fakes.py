"""Test doubles: a fake clock and a simulated user and runtime around the pure break engine."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field

from backbreak.core.clock import Instant
from backbreak.core.engine import EngineState, initial_state, step
from backbreak.core.events import (
    BreakEnded,
    Effect,
    Event,
    IdleSample,
    OpenBreak,
    Outcome,
    Record,
    RecordSitting,
    ScheduleWakeup,
    ShowDue,
    ShowHeadsUp,
    Skip,
    Snooze,
    StartBreak,
    Tick,
)
from backbreak.core.routines import builtin_folder, load_routines, seconds_by_name
from backbreak.core.settings import Settings

TZ = dt.timezone(dt.timedelta(hours=1), "CET")

TYPIST_IDLE = 5.0
"""A person at work types in bursts: at any one look, the last key was a few seconds ago. (A due reminder
waits for a pause of 3 s in typing; tests of that rule send IdleSample(0) themselves.)"""

BUILTIN_ROUTINES = load_routines([builtin_folder()]).routines
"""The routines that ship with backbreak, as the app loads them."""
ROUTINE_SECONDS = seconds_by_name(BUILTIN_ROUTINES)


def wall(text: str) -> dt.datetime:
    """An aware local datetime from "2026-11-23 08:00"."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


class FakeClock:
    """Both clocks, advanced by hand. `sleep` moves the wall clock only, as Linux suspend does."""

    def __init__(self, start: dt.datetime, mono: float = 1000.0) -> None:
        self.wall = start
        self.mono = mono

    def now(self) -> Instant:
        return Instant(self.mono, self.wall)

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += dt.timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.wall += dt.timedelta(seconds=seconds)


class Engine:
    """A thin holder around `step` that keeps the state and the effects, for table-driven tests."""

    def __init__(
        self,
        settings: Settings | None = None,
        start: str = "2026-11-23 08:00",
        routines: dict[str, float] | None = None,
    ) -> None:
        self.clock = FakeClock(wall(start))
        self.state: EngineState = initial_state(
            settings or Settings(), self.clock.now(), ROUTINE_SECONDS if routines is None else routines
        )
        self.effects: list[Effect] = []

    def send(self, event: Event) -> list[Effect]:
        self.state, effects = step(self.state, event, self.clock.now())
        self.effects.extend(effects)
        return effects

    def after(self, seconds: float, event: Event | None = None) -> list[Effect]:
        self.clock.advance(seconds)
        return self.send(event or Tick())


@dataclass(order=True)
class _Pending:
    mono: float
    order: int
    what: str = field(compare=False)
    arg: object = field(compare=False, default=None)


class SimulatedDay:
    """A runtime and a user around the engine, driven by a fake clock.

    The "runtime" honours ScheduleWakeup and samples idle time every `sample_every` seconds (the
    sampling contract). The "user" types or not, and answers reminders by `policy`: start the break
    and finish it after its length, snooze, skip, ignore, or stop it because it hurts.
    """

    def __init__(self, settings: Settings, start: str, sample_every: float = 60.0) -> None:
        self.settings = settings
        self.clock = FakeClock(wall(start))
        self.state = initial_state(settings, self.clock.now(), ROUTINE_SECONDS)
        self.sample_every = sample_every
        self.typing = True
        self.last_input = self.clock.mono
        self.policy = "start"
        self.timeline: list[str] = []
        self.history: list[Effect] = []  # Record and RecordSitting effects, in order
        self.wakeups = 0
        self._wakeup_mono: float | None = None
        self._queue: list[_Pending] = []
        self._order = 0
        self._on_break = False
        self._answers: list[Event] = []
        self._push(self.clock.mono + sample_every, "sample")

    # -------------------------------------------------------------------- the user's script
    def send(self, event: Event) -> None:
        self.state, effects = step(self.state, event, self.clock.now())
        for effect in effects:
            self._perform(effect)
        # The user answers after the runtime has done everything the step asked for.
        while self._answers:
            self.send(self._answers.pop(0))

    def until(self, hhmm: str) -> None:
        """Run the simulation up to the wall time hh:mm[:ss] on the current day."""
        target = dt.datetime.combine(self.clock.wall.date(), dt.time.fromisoformat(hhmm), TZ)
        end = self.clock.mono + (target - self.clock.wall).total_seconds()
        while True:
            candidates = list(self._queue)
            if self._wakeup_mono is not None:
                candidates.append(_Pending(self._wakeup_mono, -1, "wakeup"))
            upcoming = min(candidates, default=None)
            if upcoming is None or upcoming.mono > end:
                break
            if upcoming.what == "wakeup":
                self._wakeup_mono = None
            else:
                heapq.heappop(self._queue)
            self.clock.advance(upcoming.mono - self.clock.mono)
            self._fire(upcoming)
        self.clock.advance(end - self.clock.mono)
        if self.typing:
            self.last_input = self.clock.mono

    def type(self) -> None:
        self.typing = True
        self.last_input = self.clock.mono
        self.send(IdleSample(0))

    def leave(self) -> None:
        self.typing = False
        self.last_input = self.clock.mono

    def sleep(self, hhmm: str) -> None:
        """Close the lid now and open it at hh:mm: the wall clock jumps, monotonic time does not."""
        target = dt.datetime.combine(self.clock.wall.date(), dt.time.fromisoformat(hhmm), TZ)
        self.clock.sleep((target - self.clock.wall).total_seconds())
        if self._wakeup_mono is not None:
            # A Qt timer counts monotonic time, so it fires late by the sleep; the engine re-plans anyway.
            self._wakeup_mono = max(self._wakeup_mono, self.clock.mono)
        self.last_input = self.clock.mono

    # -------------------------------------------------------------------- the runtime
    def _push(self, mono: float, what: str, arg: object = None) -> None:
        self._order += 1
        heapq.heappush(self._queue, _Pending(mono, self._order, what, arg))

    def _fire(self, pending: _Pending) -> None:
        if pending.what == "wakeup":
            self.wakeups += 1
            self.send(Tick())
        elif pending.what == "sample":
            if self.typing and not self._on_break:
                self.last_input = self.clock.mono - TYPIST_IDLE
            self.send(IdleSample(max(0.0, self.clock.mono - self.last_input)))
            self._push(self.clock.mono + self.sample_every, "sample")
        elif pending.what == "end_break":
            self._on_break = False
            self.send(BreakEnded(pending.arg))  # type: ignore[arg-type]
            if self.typing:
                # The key that closed the break window is input: the runtime samples right away.
                self.last_input = self.clock.mono
                self.send(IdleSample(0))

    def _perform(self, effect: Effect) -> None:
        stamp = self.clock.wall.strftime("%H:%M:%S")
        match effect:
            case ScheduleWakeup(at=at):
                self._wakeup_mono = (
                    None if at is None else self.clock.mono + max(0.0, (at - self.clock.wall).total_seconds())
                )
            case ShowHeadsUp(kind=kind, in_seconds=left):
                self.timeline.append(f"{stamp} heads-up {kind.value} in {round(left)} s")
            case ShowDue(kind=kind, level=level):
                self.timeline.append(f"{stamp} due {kind.value} (shown {level + 1}x)")
                self._answer()
            case OpenBreak(kind=kind, routine=routine):
                self.timeline.append(f"{stamp} open {routine}")
                self._on_break = True
                length = self.state.routine_seconds(routine)
                outcome = Outcome.HURT if self.policy == "hurt" else Outcome.COMPLETED
                self._push(self.clock.mono + (60 if outcome is Outcome.HURT else length), "end_break", outcome)
            case RecordSitting():
                self.history.append(effect)
            case Record(event=event, kind=kind):
                self.history.append(effect)
                label = f" {kind.value}" if kind else ""
                self.timeline.append(f"{stamp} record {event.value}{label}")
            case _:
                pass

    def _answer(self) -> None:
        policy = self.policy
        if policy == "snooze twice":
            policy = "snooze" if self.state.cycle is not None and self.state.cycle.snoozes < 2 else "start"
        answer = {"start": StartBreak(), "hurt": StartBreak(), "snooze": Snooze(), "skip": Skip()}.get(policy)
        if answer is not None:
            self._answers.append(answer)
