"""The engine's own wake-ups are never later than the first moment it would act.

The same random day runs twice: once woken only when the engine asks (`ScheduleWakeup`), as the app
runs it, and once ticked every second, as a naive poller would. Both see the same outside events at
the same seconds. Whatever the poller sees happen (a reminder, a history row, a phase change) the
woken engine must do too, in the same order, and no later than the poller's tick (at most a second
earlier, since the poller only looks once a second).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from backbreak.core.engine import initial_state, step
from backbreak.core.events import (
    BreakEnded,
    BusyChanged,
    Effect,
    Event,
    IdleSample,
    Locked,
    OpenBreak,
    Outcome,
    PhaseChanged,
    Record,
    RecordSitting,
    Refused,
    Resumed,
    ScheduleWakeup,
    ShowDue,
    ShowHeadsUp,
    Skip,
    Snooze,
    StartBreak,
    Suspending,
    Tick,
    Unlocked,
)
from backbreak.core.settings import (
    EyeSettings,
    HoursSettings,
    MoveSettings,
    ReminderSettings,
    Settings,
    StretchSettings,
)
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.fakes import ROUTINE_SECONDS, FakeClock, wall

DAY = 3 * 3600

MIN = 60
user_settings = st.builds(
    Settings,
    move=st.builds(
        MoveSettings,
        enabled=st.booleans(),
        every=st.integers(5 * MIN, 40 * MIN),
        length=st.integers(MIN, 5 * MIN),
    ),
    stretch=st.builds(
        StretchSettings, enabled=st.booleans(), every=st.integers(10 * MIN, 90 * MIN), routine=st.just("desk-2")
    ),
    reminders=st.builds(
        ReminderSettings,
        heads_up=st.integers(0, 2 * MIN),
        snooze=st.integers(MIN, 10 * MIN),
        snooze_limit=st.integers(0, 4),
        idle_threshold=st.integers(MIN, 5 * MIN),
        wait_in_fullscreen=st.booleans(),
        fullscreen_cap=st.integers(5 * MIN, 30 * MIN),
        strict=st.booleans(),
    ),
    hours=st.builds(
        HoursSettings,
        enabled=st.booleans(),
        start=st.sampled_from([dt.time(8, 30), dt.time(9, 15), dt.time(10, 0)]),
        end=st.sampled_from([dt.time(9, 45), dt.time(10, 30), dt.time(17, 30)]),
        days=st.just(("mon", "tue", "wed", "thu", "fri")),
    ),
    eyes=st.builds(EyeSettings, enabled=st.booleans(), every=st.integers(10 * MIN, 30 * MIN)),
)

Outside = tuple[int, str, int]
"""(second of the day, what happens, a number for it)."""

outside_events = st.lists(
    st.tuples(
        st.integers(1, DAY - 1),
        st.sampled_from(
            ["type", "idle", "lock", "unlock", "suspend", "busy", "not busy", "snooze", "skip", "start", "end"]
        ),
        st.integers(1, 2 * 3600),
    ),
    max_size=40,
)


@dataclass(frozen=True)
class Happened:
    """One thing the engine did, and when (seconds into the day on the monotonic clock)."""

    at: float
    what: str


def describe(effect: Effect) -> str | None:
    """What a person (or the history) would notice; None for effects that are only plumbing."""
    match effect:
        case ShowHeadsUp(kind=kind):
            return f"heads-up {kind.value}"
        case ShowDue(kind=kind, level=level):
            return f"due {kind.value} {level}"
        case OpenBreak(routine=routine):
            return f"open {routine}"
        case Record(event=event, kind=kind):
            return f"record {event.value} {kind.value if kind else ''}"
        case PhaseChanged(phase=phase):
            return f"phase {phase.value}"
        case Refused(reason=reason):
            return f"refused {reason}"
        case RecordSitting() | ScheduleWakeup():
            return None
        case _:
            return type(effect).__name__


def outside(kind: str, number: int) -> tuple[Event | None, float]:
    """The event for an outside happening, and how long the machine sleeps before it (suspend only)."""
    events: dict[str, Event] = {
        "type": IdleSample(0),
        "idle": IdleSample(float(number)),
        "lock": Locked(),
        "unlock": Unlocked(),
        "busy": BusyChanged(True),
        "not busy": BusyChanged(False),
        "snooze": Snooze(),
        "skip": Skip(),
        "start": StartBreak(),
        "end": BreakEnded(Outcome.COMPLETED),
    }
    if kind == "suspend":
        return None, float(number)
    return events[kind], 0.0


def run(settings: Settings, script: list[Outside], by_wakeups: bool, late: float = 0.0) -> list[Happened]:
    clock = FakeClock(wall("2026-11-23 08:00"))
    start = clock.mono
    state = initial_state(settings, clock.now(), ROUTINE_SECONDS)
    wakeup: dt.datetime | None = None
    seen: list[Happened] = []

    def send(event: Event) -> None:
        nonlocal state, wakeup
        state, effects = step(state, event, clock.now())
        for effect in effects:
            if isinstance(effect, ScheduleWakeup):
                wakeup = None if effect.at is None else effect.at + dt.timedelta(seconds=late)
            what = describe(effect)
            if what is not None:
                seen.append(Happened(clock.mono - start, what))

    def happen(kind: str, number: int) -> None:
        event, asleep = outside(kind, number)
        if event is None:
            send(Suspending())
            clock.sleep(asleep)  # the wall clock jumps, the monotonic one does not
            send(Resumed())
        else:
            send(event)

    send(Tick())
    pending = sorted(script)
    for second in range(1, DAY + 1):
        if by_wakeups:
            # Wake as often as the engine asks before this second, then the outside events of it.
            while wakeup is not None and (due := (wakeup - clock.wall).total_seconds()) <= second - (
                clock.mono - start
            ):
                clock.advance(max(0.0, due))
                wakeup = None
                send(Tick())
            clock.advance(second - (clock.mono - start))
        else:
            clock.advance(1.0)
            send(Tick())
        while pending and pending[0][0] == second:
            _, kind, number = pending.pop(0)
            happen(kind, number)
    return seen


def differences(woken: list[Happened], ticked: list[Happened]) -> list[str]:
    """What the woken engine did otherwise than the poller: missing, extra, late, or early by a second."""
    if [happened.what for happened in woken] != [happened.what for happened in ticked]:
        return [f"did {[h.what for h in woken]} where the poller did {[h.what for h in ticked]}"]
    return [
        f"{early.what} at {early.at} s, the poller at {polled.at} s"
        for early, polled in zip(woken, ticked, strict=True)
        if not polled.at - 1.0 - 1e-6 < early.at <= polled.at + 1e-6
    ]


@hypothesis_settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(user_settings, outside_events)
def test_woken_when_asked_does_everything_a_poller_does_never_later(settings: Settings, script: list[Outside]) -> None:
    assert differences(run(settings, script, by_wakeups=True), run(settings, script, by_wakeups=False)) == []


def test_a_day_of_defaults_has_something_to_compare_and_a_late_wakeup_is_seen() -> None:
    settings = dataclasses.replace(Settings(), eyes=EyeSettings(enabled=True))
    ticked = run(settings, [(4000, "snooze", 0), (7000, "start", 0), (7100, "end", 0)], by_wakeups=False)
    assert sum(h.what.startswith("due") for h in ticked) >= 2
    woken = run(settings, [(4000, "snooze", 0), (7000, "start", 0), (7100, "end", 0)], by_wakeups=True)
    assert differences(woken, ticked) == []
    late = run(settings, [(4000, "snooze", 0), (7000, "start", 0), (7100, "end", 0)], by_wakeups=True, late=2.0)
    assert differences(late, ticked) != []  # the check itself catches a wake-up two seconds late
