"""Transitions of the break engine, one behaviour per case, with a fake clock."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from backbreak.core.engine import SUSPEND_GAP
from backbreak.core.events import (
    BreakEnded,
    BreakKind,
    BusyChanged,
    CloseReminder,
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
    Refused,
    Resume,
    Resumed,
    RoutinePaused,
    RoutineResumed,
    ScheduleWakeup,
    SettingsChanged,
    ShowDue,
    ShowEyePrompt,
    ShowHeadsUp,
    Skip,
    Snooze,
    StartBreak,
    StepShown,
    Suspending,
    Tick,
    Unlocked,
)
from backbreak.core.settings import EyeSettings, HoursSettings, ReminderSettings, Settings
from backbreak.core.status import status_of

from tests.fakes import ROUTINE_SECONDS, TYPIST_IDLE, Engine, wall

MIN = 60


def sit(engine: Engine, seconds: float, sample_every: float = 60) -> None:
    """Type for `seconds`, with idle samples as the runtime takes them."""
    while seconds > 0:
        chunk = min(sample_every, seconds)
        engine.after(chunk, IdleSample(TYPIST_IDLE))
        seconds -= chunk


def of_type(effects: list, kind: type) -> list:  # type: ignore[type-arg]
    return [effect for effect in effects if isinstance(effect, kind)]


def test_heads_up_then_due_at_the_move_interval() -> None:
    engine = Engine()
    sit(engine, 29 * MIN)
    heads_up = of_type(engine.effects, ShowHeadsUp)
    assert heads_up == [ShowHeadsUp(BreakKind.MOVE, 60)]
    assert engine.state.phase is Phase.HEADS_UP
    sit(engine, 1 * MIN)
    assert of_type(engine.effects, ShowDue) == [ShowDue(BreakKind.MOVE, "move", 0)]
    assert engine.state.phase is Phase.DUE


def test_wakeup_asks_for_the_heads_up_time_not_a_poll() -> None:
    engine = Engine()
    assert engine.send(IdleSample(0)) == [ScheduleWakeup(wall("2026-11-23 08:29"))]
    effects = engine.after(60, IdleSample(0))
    assert effects == []  # nothing changed, so not even the wake-up is sent again
    assert engine.state.wakeup == wall("2026-11-23 08:29")
    effects = engine.after(60, StartBreak())
    assert ScheduleWakeup(None) not in effects


def test_stretch_replaces_the_move_break_due_at_the_same_time() -> None:
    engine = Engine()
    sit(engine, 30 * MIN)
    engine.send(StartBreak())
    engine.after(2 * MIN, BreakEnded(Outcome.COMPLETED))
    sit(engine, 30 * MIN)
    assert of_type(engine.effects, ShowDue)[-1] == ShowDue(BreakKind.STRETCH, "desk-2", 0)


@pytest.mark.parametrize(
    ("away", "expect_natural"),
    [(1 * MIN, None), (2 * MIN + 30, BreakKind.MOVE), (10 * MIN, BreakKind.STRETCH)],
)
def test_away_resets_by_how_long(away: float, expect_natural: BreakKind | None) -> None:
    engine = Engine()
    sit(engine, 20 * MIN)
    engine.send(Locked())
    engine.after(away, Unlocked())
    natural = [r for r in of_type(engine.effects, Record) if r.event.value == "natural"]
    if expect_natural is None:
        assert natural == []
        assert engine.state.move_s == pytest.approx(20 * MIN)
    else:
        assert [r.kind for r in natural] == [expect_natural]
        assert engine.state.move_s == 0


def test_idle_past_the_threshold_stops_the_clock_at_the_last_input() -> None:
    engine = Engine()
    sit(engine, 10 * MIN)
    engine.after(60, IdleSample(60))
    engine.after(60, IdleSample(120))
    engine.after(60, IdleSample(180))  # threshold reached: away since the last input
    assert engine.state.phase is Phase.AWAY
    assert engine.state.move_s == pytest.approx(10 * MIN)


def test_no_reminder_while_away_and_no_burst_on_return() -> None:
    engine = Engine()
    sit(engine, 25 * MIN)
    engine.send(Locked())
    engine.after(3 * 3600, Unlocked())
    assert of_type(engine.effects, ShowDue) == []
    sit(engine, 5 * MIN)
    assert of_type(engine.effects, ShowDue) == []


def test_unreported_suspend_counts_as_away() -> None:
    engine = Engine()
    sit(engine, 25 * MIN)
    engine.clock.sleep(45 * MIN)
    engine.send(IdleSample(0))
    assert engine.state.move_s == 0
    natural = [r for r in of_type(engine.effects, Record) if r.event.value == "natural"]
    assert natural[0].at == wall("2026-11-23 09:10")


def test_small_clock_drift_is_not_a_suspend() -> None:
    engine = Engine()
    sit(engine, 10 * MIN)
    engine.clock.sleep(SUSPEND_GAP / 2)
    engine.send(IdleSample(0))
    assert engine.state.move_s == pytest.approx(10 * MIN)


def test_reported_suspend_and_resume() -> None:
    engine = Engine()
    sit(engine, 10 * MIN)
    engine.send(Suspending())
    assert engine.state.phase is Phase.AWAY
    engine.clock.sleep(20 * MIN)
    engine.send(Resumed())
    assert engine.state.phase is Phase.WORKING
    assert engine.state.move_s == 0


def test_wall_clock_set_back_keeps_spans_monotonic() -> None:
    engine = Engine()
    sit(engine, 10 * MIN)
    engine.clock.wall -= dt.timedelta(hours=2)
    sit(engine, 5 * MIN)
    assert engine.state.move_s == pytest.approx(15 * MIN)


def test_snooze_then_due_again_after_the_snooze_length() -> None:
    engine = Engine()
    sit(engine, 30 * MIN)
    effects = engine.send(Snooze())
    assert CloseReminder() in effects
    assert engine.state.phase is Phase.SNOOZED
    sit(engine, 4 * MIN)
    assert len(of_type(engine.effects, ShowDue)) == 1
    sit(engine, 1 * MIN)
    assert of_type(engine.effects, ShowDue)[-1] == ShowDue(BreakKind.MOVE, "move", 1)
    assert status_of(engine.state).snoozes_left == 2


def test_strict_mode_limits_snoozes_and_forbids_skip() -> None:
    strict = Settings(reminders=ReminderSettings(strict=True, snooze_limit=1))
    engine = Engine(strict)
    sit(engine, 30 * MIN)
    engine.send(Snooze())
    sit(engine, 5 * MIN)
    assert of_type(engine.send(Snooze()), Refused)
    assert of_type(engine.send(Skip()), Refused)
    assert engine.state.phase is Phase.DUE


def test_skip_resets_and_records() -> None:
    engine = Engine()
    sit(engine, 30 * MIN)
    effects = engine.send(Skip())
    assert [r.event.value for r in of_type(effects, Record)] == ["skipped"]
    assert engine.state.phase is Phase.WORKING
    assert status_of(engine.state).next_break is not None
    assert status_of(engine.state).next_break.in_seconds == pytest.approx(30 * MIN)  # type: ignore[union-attr]


def test_ignored_reminder_comes_back_more_visibly() -> None:
    engine = Engine()
    sit(engine, 45 * MIN)
    levels = [effect.level for effect in of_type(engine.effects, ShowDue)]
    assert levels == [0, 1, 2, 3]


def test_start_and_complete_a_stretch_now() -> None:
    engine = Engine()
    sit(engine, 10 * MIN)
    effects = engine.send(StartBreak())
    assert OpenBreak(BreakKind.STRETCH, "desk-2") in effects
    assert engine.state.phase is Phase.ON_BREAK
    assert of_type(engine.send(StartBreak()), Refused)
    engine.after(124, BreakEnded(Outcome.COMPLETED))
    assert engine.state.move_s == 0
    assert engine.state.stretch_s == 0
    assert engine.state.phase is Phase.WORKING


def test_hurt_means_no_stretch_break_offered_again_that_day() -> None:
    engine = Engine()
    engine.send(StartBreak())
    engine.after(30, BreakEnded(Outcome.HURT))
    sit(engine, 3 * 3600)
    kinds = {effect.kind for effect in of_type(engine.effects, ShowDue)}
    assert kinds == {BreakKind.MOVE}


def test_hurt_is_forgotten_the_next_day() -> None:
    engine = Engine(start="2026-11-23 23:00")
    engine.send(StartBreak())
    engine.after(30, BreakEnded(Outcome.HURT))
    sit(engine, 2 * 3600)
    after_midnight = [e for e in of_type(engine.effects, ShowDue)][-1]
    assert after_midnight.kind is BreakKind.STRETCH


def test_a_break_window_left_open_times_out() -> None:
    engine = Engine()
    engine.send(StartBreak())
    engine.after(3600)
    assert engine.state.phase is Phase.WORKING
    assert [r.event.value for r in of_type(engine.effects, Record)][-1] == "stopped"


def test_the_timeout_follows_the_routines_own_length() -> None:
    # A 20-min user routine: a table that guessed 3 min for it ended it as stopped after 13 min.
    engine = Engine(routines={**ROUTINE_SECONDS, "long-one": 20 * MIN})
    engine.send(StartBreak(routine="long-one"))
    engine.after(19 * MIN)
    assert engine.state.phase is Phase.ON_BREAK
    engine.after(1 * MIN, BreakEnded(Outcome.COMPLETED))
    assert [r.event for r in of_type(engine.effects, Record)][-1] is HistoryEvent.COMPLETED
    engine.send(StartBreak(routine="long-one"))
    engine.after(59 * MIN)
    assert engine.state.phase is Phase.ON_BREAK  # three times its length: forgotten only after an hour
    engine.after(2 * MIN)
    assert [r.event for r in of_type(engine.effects, Record)][-1] is HistoryEvent.STOPPED


def test_a_routine_that_is_gone_runs_the_configured_one() -> None:
    engine = Engine(Settings(stretch=dataclasses.replace(Settings().stretch, routine="stand-3")))
    assert OpenBreak(BreakKind.STRETCH, "stand-3") in engine.send(StartBreak(routine="deleted-file"))


def test_steps_and_routine_pauses_are_history_rows_and_a_pause_gives_its_time_back() -> None:
    engine = Engine()
    engine.send(StartBreak())
    engine.after(10, StepShown("desk-2:chin-tuck"))
    engine.after(10, RoutinePaused())
    assert of_type(engine.after(5 * MIN, RoutinePaused()), Refused)  # already paused
    engine.after(5 * MIN, RoutineResumed())
    rows = [(r.event, r.kind, r.detail) for r in of_type(engine.effects, Record)][1:]
    assert rows == [
        (HistoryEvent.STEP, BreakKind.STRETCH, "desk-2:chin-tuck"),
        (HistoryEvent.ROUTINE_PAUSED, BreakKind.STRETCH, "desk-2"),
        (HistoryEvent.ROUTINE_RESUMED, BreakKind.STRETCH, "desk-2"),
    ]
    # desk-2 may run 124 s + 10 min; 10 min of it stood paused, so it still runs after 12 min.
    engine.after(2 * MIN)
    assert engine.state.phase is Phase.ON_BREAK
    engine.after(10 * MIN)
    assert engine.state.phase is Phase.WORKING
    assert of_type(engine.send(StepShown("desk-2:chin-tuck")), Refused)


def test_a_window_that_failed_to_open_ends_the_break_as_failed() -> None:
    engine = Engine()
    sit(engine, 30 * MIN)
    engine.send(StartBreak())
    engine.send(BreakEnded(Outcome.FAILED))
    assert engine.state.phase is Phase.WORKING
    assert [r.event for r in of_type(engine.effects, Record)][-1] is HistoryEvent.FAILED


def test_pause_and_resume() -> None:
    engine = Engine()
    sit(engine, 20 * MIN)
    engine.send(Pause(wall("2026-11-23 10:00")))
    assert engine.state.phase is Phase.PAUSED
    sit(engine, 30 * MIN)
    assert engine.state.move_s == pytest.approx(20 * MIN)
    assert of_type(engine.effects, ShowDue) == []
    engine.send(Resume())
    assert engine.state.phase is Phase.WORKING
    assert of_type(engine.send(Resume()), Refused)


def test_pause_ends_by_itself_and_asks_to_be_woken_for_it() -> None:
    engine = Engine()
    engine.send(Pause(wall("2026-11-23 08:30")))
    assert engine.state.wakeup == wall("2026-11-23 08:30")
    engine.after(30 * MIN)
    assert engine.state.phase is Phase.WORKING


def test_pause_until_tomorrow_ends_at_the_start_of_work() -> None:
    hours = Settings(hours=HoursSettings(enabled=True, start=dt.time(8, 30), end=dt.time(17)))
    engine = Engine(hours, start="2026-11-23 15:00")
    engine.send(PauseUntilTomorrow())
    assert engine.state.paused_until == wall("2026-11-24 08:30")


def test_pause_in_the_past_is_refused() -> None:
    engine = Engine()
    assert of_type(engine.send(Pause(wall("2026-11-23 07:00"))), Refused)


def test_outside_hours_nothing_is_counted_or_shown() -> None:
    hours = Settings(hours=HoursSettings(enabled=True, days=("mon",), start=dt.time(9), end=dt.time(17)))
    engine = Engine(hours, start="2026-11-24 10:00")  # a Tuesday
    sit(engine, 2 * 3600)
    assert engine.state.phase is Phase.OUTSIDE_HOURS
    assert of_type(engine.effects, ShowDue) == []
    assert engine.state.wakeup == wall("2026-11-30 09:00")


def test_full_screen_holds_the_break_until_it_ends() -> None:
    engine = Engine()
    engine.send(BusyChanged(True))
    sit(engine, 40 * MIN)
    assert of_type(engine.effects, ShowDue) == []
    assert status_of(engine.state).waiting_for == "full-screen"
    engine.send(BusyChanged(False))
    assert len(of_type(engine.effects, ShowDue)) == 1


def test_full_screen_waits_at_most_the_cap() -> None:
    capped = Settings(reminders=ReminderSettings(fullscreen_cap=10 * MIN))
    engine = Engine(capped)
    engine.send(BusyChanged(True))
    sit(engine, 39 * MIN)
    assert of_type(engine.effects, ShowDue) == []
    sit(engine, 1 * MIN)
    assert len(of_type(engine.effects, ShowDue)) == 1


def test_settings_change_moves_the_next_break_at_once() -> None:
    engine = Engine()
    sit(engine, 10 * MIN)
    settings = engine.state.settings
    shorter = dataclasses.replace(settings, move=dataclasses.replace(settings.move, every=15 * MIN))
    engine.send(SettingsChanged(shorter))
    assert engine.state.wakeup == wall("2026-11-23 08:14")


def test_breaks_off_means_no_wakeup_at_all() -> None:
    settings = Settings()
    off = dataclasses.replace(
        settings,
        move=dataclasses.replace(settings.move, enabled=False),
        stretch=dataclasses.replace(settings.stretch, enabled=False),
    )
    engine = Engine(off)
    sit(engine, 3 * 3600)
    assert engine.state.wakeup is None
    assert status_of(engine.state).next_break is None


def test_eye_prompt_when_enabled() -> None:
    engine = Engine(Settings(eyes=EyeSettings(enabled=True, every=20 * MIN)))
    sit(engine, 20 * MIN)
    assert of_type(engine.effects, ShowEyePrompt) == [ShowEyePrompt()]


def test_phase_changes_are_reported_once() -> None:
    engine = Engine()
    engine.send(Locked())
    engine.after(1, Tick())
    assert of_type(engine.effects, PhaseChanged) == [PhaseChanged(Phase.AWAY)]


def test_tooltip_reads_like_the_design() -> None:
    engine = Engine()
    sit(engine, 23 * MIN)
    assert status_of(engine.state).tooltip() == "Sitting 23 min · move break in 7 min"
    assert status_of(engine.state).to_json()["state"] == "working"
