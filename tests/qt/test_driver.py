"""The engine driver in a real Qt event loop, with a fake clock."""

from __future__ import annotations

from collections.abc import Callable

from backbreak.core.events import (
    BreakEnded,
    BreakKind,
    Effect,
    IdleSample,
    Outcome,
    Phase,
    Record,
    ShowDue,
    ShowHeadsUp,
    StartBreak,
)
from backbreak.core.settings import Settings
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.timers import MAX_WAIT_MS, wait_ms
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tests.apphelpers import FakeWakeUps
from tests.fakes import ROUTINE_SECONDS, FakeClock, wall

WAKEUPS: list[FakeWakeUps] = []


def wakeups(parent: QObject, callback: Callable[[], None]) -> FakeWakeUps:
    WAKEUPS.append(FakeWakeUps(parent, callback))
    return WAKEUPS[-1]


def make(qtbot: QtBot) -> tuple[EngineDriver, FakeClock]:
    clock = FakeClock(wall("2026-11-23 08:00"))
    driver = EngineDriver(Settings(), clock, wakeups, ROUTINE_SECONDS)
    return driver, clock


def test_one_wakeup_pending_at_the_engines_time(qtbot: QtBot) -> None:
    driver, _ = make(qtbot)
    driver.start()
    assert WAKEUPS[-1].at == wall("2026-11-23 08:29")
    driver.shutdown()
    assert WAKEUPS[-1].at is None


def test_an_event_sent_by_an_effect_handler_waits_for_the_rest_of_the_step(qtbot: QtBot) -> None:
    # The router ends a break whose window failed while the step that opened it is still handing out
    # its effects; the history must still read "started" before "failed".
    driver, _ = make(qtbot)
    seen: list[Effect] = []

    def handle(effect: Effect) -> None:
        seen.append(effect)
        if type(effect).__name__ == "OpenBreak":
            assert driver.send(BreakEnded(Outcome.FAILED)) == []  # queued, not applied inside the step

    driver.effect.connect(handle)
    driver.send(StartBreak())
    rows = [effect.event.value for effect in seen if isinstance(effect, Record)]
    assert rows == ["started", "failed"]
    assert driver.status.phase is Phase.WORKING


def test_a_command_hears_its_refusal_and_nothing_else_does(qtbot: QtBot) -> None:
    driver, _ = make(qtbot)
    seen: list[Effect] = []
    driver.effect.connect(seen.append)
    assert driver.ask(BreakEnded(Outcome.COMPLETED)) == ["No break is running."]
    assert seen == []


def test_waking_at_the_time_emits_the_reminders(qtbot: QtBot) -> None:
    driver, clock = make(qtbot)
    driver.start()
    for _ in range(29):
        clock.advance(60)
        driver.send(IdleSample(0))
    with qtbot.waitSignal(driver.effect, check_params_cb=lambda e: isinstance(e, ShowDue)) as blocker:
        clock.advance(60)
        driver.tick()
    assert blocker.args == [ShowDue(BreakKind.MOVE, "move", 0)]
    assert driver.status.phase is Phase.DUE


def test_heads_up_signal_and_status(qtbot: QtBot) -> None:
    driver, clock = make(qtbot)
    driver.start()
    clock.advance(29 * 60)
    with qtbot.waitSignals([driver.effect, driver.status_changed]):
        driver.tick()
    assert driver.status.phase is Phase.HEADS_UP
    assert driver.status.tooltip() == "Sitting 29 min · move break in 1 min"


def test_effects_arrive_in_order_heads_up_before_due(qtbot: QtBot) -> None:
    driver, clock = make(qtbot)
    seen: list[object] = []
    driver.effect.connect(seen.append)
    driver.start()
    clock.advance(29 * 60)
    driver.tick()
    clock.advance(60)
    driver.tick()
    shown = [type(e) for e in seen if isinstance(e, (ShowHeadsUp, ShowDue))]
    assert shown == [ShowHeadsUp, ShowDue]


def test_wait_ms_never_fires_early_and_is_capped() -> None:
    assert wait_ms(0.0001) == 1
    assert wait_ms(-5) == 0
    assert wait_ms(3600) == MAX_WAIT_MS
