"""The engine driver in a real Qt event loop, with a fake clock."""

from __future__ import annotations

from backbreak.core.events import BreakKind, IdleSample, Phase, ShowDue, ShowHeadsUp
from backbreak.core.settings import Settings
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.timers import MAX_WAIT_MS, wait_ms
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, wall


def make(qtbot: QtBot) -> tuple[EngineDriver, FakeClock]:
    clock = FakeClock(wall("2026-11-23 08:00"))
    driver = EngineDriver(Settings(), clock)
    return driver, clock


def test_one_wakeup_pending_at_the_engines_time(qtbot: QtBot) -> None:
    driver, _ = make(qtbot)
    driver.start()
    assert driver.scheduler.pending() == wall("2026-11-23 08:29")
    driver.shutdown()


def test_waking_at_the_time_emits_the_reminders(qtbot: QtBot) -> None:
    driver, clock = make(qtbot)
    driver.start()
    for _ in range(29):
        clock.advance(60)
        driver.send(IdleSample(0))
    with qtbot.waitSignal(driver.effect, check_params_cb=lambda e: isinstance(e, ShowDue)) as blocker:
        clock.advance(60)
        driver._wake()
    assert blocker.args == [ShowDue(BreakKind.MOVE, "move", 0)]
    assert driver.status.phase is Phase.DUE


def test_heads_up_signal_and_status(qtbot: QtBot) -> None:
    driver, clock = make(qtbot)
    driver.start()
    clock.advance(29 * 60)
    with qtbot.waitSignals([driver.effect, driver.status_changed]):
        driver._wake()
    assert driver.status.phase is Phase.HEADS_UP
    assert driver.status.tooltip() == "Sitting 29 min · move break in 1 min"


def test_effects_arrive_in_order_heads_up_before_due(qtbot: QtBot) -> None:
    driver, clock = make(qtbot)
    seen: list[object] = []
    driver.effect.connect(seen.append)
    driver.start()
    clock.advance(29 * 60)
    driver._wake()
    clock.advance(60)
    driver._wake()
    shown = [type(e) for e in seen if isinstance(e, (ShowHeadsUp, ShowDue))]
    assert shown == [ShowHeadsUp, ShowDue]


def test_wait_ms_never_fires_early_and_is_capped() -> None:
    assert wait_ms(0.0001) == 1
    assert wait_ms(-5) == 0
    assert wait_ms(3600) == MAX_WAIT_MS
