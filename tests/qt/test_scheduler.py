"""The APScheduler adapter: jobs on the GUI thread, one timer however often it is rescheduled."""

from __future__ import annotations

import datetime as dt
import threading

from backbreak.runtime.scheduler import WakeScheduler
from backbreak.runtime.timers import MAX_WAIT_MS
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot


def test_rescheduling_a_thousand_times_leaves_one_pending_wakeup(qtbot: QtBot) -> None:
    owner = QObject()
    scheduler = WakeScheduler(owner, lambda: None)
    start = dt.datetime.now(dt.UTC)
    for i in range(1000):
        scheduler.schedule(start + dt.timedelta(minutes=5, seconds=i))
    qtbot.waitUntil(lambda: scheduler.timer.interval() > 0)  # the scheduler's own wakeup ran
    timers = owner.findChildren(QTimer)
    assert sum(t.isActive() for t in timers) == 1  # the scheduler's one timer; the hand-over is idle
    assert scheduler.pending() == start + dt.timedelta(minutes=5, seconds=999)
    assert scheduler.timer.interval() <= MAX_WAIT_MS
    scheduler.shutdown()
    assert not scheduler.timer.isActive()


def test_jobs_run_on_the_gui_thread(qtbot: QtBot) -> None:
    threads: list[threading.Thread] = []
    owner = QObject()
    scheduler = WakeScheduler(owner, lambda: threads.append(threading.current_thread()))
    scheduler.schedule(dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=20))
    qtbot.waitUntil(lambda: len(threads) == 1)
    assert threads == [threading.main_thread()]
    assert scheduler.pending() is None
    scheduler.shutdown()


def test_a_wakeup_in_the_past_still_runs_once(qtbot: QtBot) -> None:
    calls: list[int] = []
    owner = QObject()
    scheduler = WakeScheduler(owner, lambda: calls.append(1))
    scheduler.schedule(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10))  # e.g. after a suspend
    qtbot.waitUntil(lambda: len(calls) >= 1)
    assert scheduler.pending() is None  # the missed job ran and is gone, not kept for another run
    # "Once" needs the event loop to keep running after the first call: a second scheduler's wake-up,
    # well after the first, goes through the same APScheduler and Qt timer path. Any repeat of the
    # missed wake-up (a timer chain left behind, a job run per missed interval) would come before it.
    later: list[int] = []
    marker = WakeScheduler(owner, lambda: later.append(1))
    marker.schedule(dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=300))
    qtbot.waitUntil(lambda: later == [1])
    assert calls == [1]
    marker.shutdown()
    scheduler.shutdown()


def test_none_drops_the_wakeup(qtbot: QtBot) -> None:
    owner = QObject()
    scheduler = WakeScheduler(owner, lambda: None)
    scheduler.schedule(dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    scheduler.schedule(None)
    assert scheduler.pending() is None
    scheduler.schedule(None)  # dropping twice is fine
    scheduler.shutdown()


def test_a_wakeup_scheduled_from_inside_the_callback_stays_pending(qtbot: QtBot) -> None:
    # The engine plans its next wake-up while handling the current one (heads-up, then due).
    calls: list[int] = []
    owner = QObject()
    scheduler: WakeScheduler

    def wake() -> None:
        calls.append(1)
        if len(calls) == 1:
            scheduler.schedule(dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=30))

    scheduler = WakeScheduler(owner, wake)
    scheduler.schedule(dt.datetime.now(dt.UTC) + dt.timedelta(milliseconds=10))
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=3000)
    scheduler.shutdown()
