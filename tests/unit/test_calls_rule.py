"""The break waits while you are in a call or mid-sentence: the rule, on a fake clock.

A call holds a due break (capped by fullscreen_cap); its end brings the break after a minute of grace,
once. A due reminder that would land mid-sentence waits for a pause in typing of 3 s, a minute at most.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from backbreak.core.events import AwaitPause, BusyChanged, IdleSample, Phase, ShowDue
from backbreak.core.settings import ReminderSettings, Settings
from backbreak.core.state import CALL
from backbreak.core.status import status_of

from tests.fakes import TYPIST_IDLE, Engine

MIN = 60


def of_type(effects: list, kind: type) -> list:  # type: ignore[type-arg]
    return [effect for effect in effects if isinstance(effect, kind)]


def sit(engine: Engine, seconds: float) -> None:
    while seconds > 0:
        chunk = min(60.0, seconds)
        engine.after(chunk, IdleSample(TYPIST_IDLE))
        seconds -= chunk


def no_heads_up(**reminders: object) -> Settings:
    return Settings(reminders=dataclasses.replace(ReminderSettings(heads_up=0), **reminders))


def test_a_call_holds_the_break_and_after_it_a_minute_of_grace_then_once() -> None:
    engine = Engine(no_heads_up())
    sit(engine, 25 * MIN)
    engine.send(BusyChanged(True, CALL))
    sit(engine, 20 * MIN)  # due at 30 min, in the call
    assert of_type(engine.effects, ShowDue) == []
    assert engine.state.phase is Phase.DUE
    assert status_of(engine.state).waiting_for == CALL
    engine.send(BusyChanged(False))  # the call ends
    engine.after(59)
    assert of_type(engine.effects, ShowDue) == []  # a minute to hang up first
    assert status_of(engine.state).waiting_for == CALL
    engine.after(1)
    assert len(of_type(engine.effects, ShowDue)) == 1
    engine.after(60)
    assert len(of_type(engine.effects, ShowDue)) == 1  # once, never a burst of the reminders it missed


def test_the_engine_wakes_itself_for_the_end_of_the_grace() -> None:
    engine = Engine(no_heads_up())
    sit(engine, 25 * MIN)
    engine.send(BusyChanged(True, CALL))
    sit(engine, 10 * MIN)
    engine.send(BusyChanged(False))
    assert engine.state.wakeup == engine.clock.wall + dt.timedelta(seconds=60)  # nothing polls meanwhile


def test_a_long_call_is_capped_like_a_presentation() -> None:
    engine = Engine(no_heads_up(fullscreen_cap=20 * MIN))
    sit(engine, 25 * MIN)
    engine.send(BusyChanged(True, CALL))
    sit(engine, 24 * MIN + 59)  # due at 30 min; the cap ends the wait at 50 min
    assert of_type(engine.effects, ShowDue) == []
    sit(engine, 1)
    assert len(of_type(engine.effects, ShowDue)) == 1


def test_calls_do_not_hold_the_break_when_the_setting_is_off() -> None:
    engine = Engine(no_heads_up(wait_in_calls=False))
    sit(engine, 25 * MIN)
    engine.send(BusyChanged(True, CALL))
    sit(engine, 5 * MIN)
    assert len(of_type(engine.effects, ShowDue)) == 1


def test_full_screen_still_follows_its_own_setting_during_a_call_setting() -> None:
    engine = Engine(no_heads_up(wait_in_fullscreen=False, wait_in_calls=True))
    sit(engine, 25 * MIN)
    engine.send(BusyChanged(True, "full-screen"))
    sit(engine, 5 * MIN)
    assert len(of_type(engine.effects, ShowDue)) == 1


def test_mid_sentence_the_reminder_waits_for_a_pause_in_typing() -> None:
    engine = Engine(no_heads_up())
    sit(engine, 29 * MIN)
    effects = engine.after(60, IdleSample(0))  # due now, and the last key was just now
    assert of_type(effects, ShowDue) == []
    assert of_type(effects, AwaitPause) == [AwaitPause(3.0, 60.0)]  # the runtime is asked to look often
    assert engine.state.phase is Phase.DUE
    engine.after(0.5, IdleSample(0.3))
    engine.after(0.5, IdleSample(0.8))
    assert of_type(engine.effects, ShowDue) == []
    effects = engine.after(3.0, IdleSample(3.8))  # a pause: the reminder comes now
    assert len(of_type(effects, ShowDue)) == 1


def test_typing_without_a_pause_gets_the_reminder_after_a_minute() -> None:
    engine = Engine(no_heads_up())
    sit(engine, 29 * MIN)
    engine.after(60, IdleSample(0))
    for _ in range(59):
        engine.after(1, IdleSample(0))
    assert of_type(engine.effects, ShowDue) == []
    engine.after(1, IdleSample(0))
    assert len(of_type(engine.effects, ShowDue)) == 1


def test_a_pause_already_there_shows_the_reminder_at_once() -> None:
    engine = Engine(no_heads_up())
    sit(engine, 30 * MIN)  # the typist's last key was 5 s before each look
    assert len(of_type(engine.effects, ShowDue)) == 1
    assert of_type(engine.effects, AwaitPause) == []
