"""Properties of the break engine over random event sequences (hypothesis)."""

from __future__ import annotations

import datetime as dt

from backbreak.core.events import (
    BreakEnded,
    BusyChanged,
    Event,
    IdleSample,
    Locked,
    Outcome,
    Pause,
    PauseUntilTomorrow,
    Phase,
    Resume,
    Resumed,
    ShowDue,
    ShowHeadsUp,
    Skip,
    Snooze,
    StartBreak,
    Suspending,
    Tick,
    Unlocked,
)
from backbreak.core.settings import HoursSettings, Settings
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fakes import Engine

QUIET = {Phase.PAUSED, Phase.AWAY, Phase.OUTSIDE_HOURS, Phase.ON_BREAK}

simple_events = st.sampled_from(
    [
        Tick(),
        Locked(),
        Unlocked(),
        Suspending(),
        Resumed(),
        BusyChanged(True),
        BusyChanged(False),
        Snooze(),
        Skip(),
        StartBreak(),
        BreakEnded(Outcome.COMPLETED),
        BreakEnded(Outcome.STOPPED),
        BreakEnded(Outcome.HURT),
        PauseUntilTomorrow(),
        Resume(),
    ]
)
idle_samples = st.builds(IdleSample, st.floats(min_value=0, max_value=7200))
pauses = st.integers(min_value=1, max_value=4 * 3600)  # seconds from now; built when sent
steps = st.tuples(
    st.floats(min_value=0, max_value=1800),  # seconds that pass first
    st.floats(min_value=0, max_value=7200) | st.just(0.0),  # of which asleep (wall jumps, monotonic not)
    st.one_of(simple_events, idle_samples, idle_samples, idle_samples, pauses),
)
configs = st.sampled_from([Settings(), Settings(hours=HoursSettings(enabled=True, start=dt.time(9), end=dt.time(17)))])


def drive(config: Settings, script: list[tuple[float, float, Event | int]]):  # type: ignore[no-untyped-def]
    engine = Engine(config, start="2026-11-23 08:30")
    for passed, asleep, what in script:
        engine.clock.advance(passed)
        engine.clock.sleep(asleep)
        event = Pause(engine.clock.wall + dt.timedelta(seconds=what)) if isinstance(what, int) else what
        before_wall = engine.clock.wall
        effects = engine.send(event)
        yield engine, before_wall, effects


@settings(max_examples=300, deadline=None)
@given(configs, st.lists(steps, max_size=60))
def test_sitting_time_is_never_negative(config: Settings, script) -> None:  # type: ignore[no-untyped-def]
    for engine, _, _ in drive(config, script):
        assert engine.state.move_s >= 0
        assert engine.state.stretch_s >= 0
        assert engine.state.move_s <= engine.state.stretch_s + 1e-6  # a stretch break resets both


@settings(max_examples=300, deadline=None)
@given(configs, st.lists(steps, max_size=60))
def test_no_reminder_while_paused_away_or_outside_hours(config: Settings, script) -> None:  # type: ignore[no-untyped-def]
    for engine, _, effects in drive(config, script):
        if any(isinstance(effect, (ShowDue, ShowHeadsUp)) for effect in effects):
            assert engine.state.phase not in QUIET
            assert engine.state.present
            assert engine.state.paused_until is None
            assert engine.state.in_hours


@settings(max_examples=300, deadline=None)
@given(configs, st.lists(steps, max_size=60))
def test_two_due_reminders_are_never_closer_than_the_snooze(config: Settings, script) -> None:  # type: ignore[no-untyped-def]
    last_shown: float | None = None
    for engine, _, effects in drive(config, script):
        if any(isinstance(effect, ShowDue) for effect in effects):
            tau = engine.state.tau
            if last_shown is not None:
                assert tau - last_shown >= config.reminders.snooze - 0.1
            last_shown = tau


@settings(max_examples=300, deadline=None)
@given(configs, st.lists(steps, max_size=60))
def test_the_next_wakeup_is_always_in_the_future(config: Settings, script) -> None:  # type: ignore[no-untyped-def]
    for engine, now_wall, _ in drive(config, script):
        assert engine.state.wakeup is None or engine.state.wakeup > now_wall
