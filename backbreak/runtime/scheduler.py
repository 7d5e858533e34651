"""The only module that talks to APScheduler: it carries the engine's one "wake me at T" job.

APScheduler 3.11's QtScheduler has two faults under PySide6 (shared/PLATFORM.md section 11), fixed here:
- Jobs run in a worker thread by default, where touching Qt objects is undefined behaviour. The
  `debug` executor runs them inside the Qt timer callback, on the GUI thread.
- WORKAROUND: `QTimer.singleShot` returns None in PySide6, so QtScheduler's `_stop_timer` never stops
  anything and every add/modify/reschedule leaves another live timer chain behind. We own one precise
  single-shot timer instead and restart it, so there is always at most one.
  (agronholm/apscheduler:src/apscheduler/schedulers/qt.py, 3.x)

The core decides every time; the job only says "wake up", and the engine works out what is due now.
Jobs use misfire_grace_time=None and coalesce=True: a wake-up that comes late after a suspend still
runs, once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, QTimer

from backbreak.runtime.timers import single_shot, wait_ms

_JOB_ID = "wake"


class _OneTimerQtScheduler(QtScheduler):  # type: ignore[misc]
    """QtScheduler with one owned timer; its wait is capped at 10 min as a clock-change backstop."""

    def __init__(self, parent: QObject, **options: Any) -> None:
        self._qt_timer: QTimer = single_shot(parent, self._process_jobs)
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._qt_timer.stop()
        if wait_seconds is not None:
            self._qt_timer.start(wait_ms(wait_seconds))

    def _stop_timer(self) -> None:
        self._qt_timer.stop()


class WakeScheduler:
    """Wakes `callback` on the GUI thread at the wall time last asked for (or never, for None)."""

    def __init__(self, parent: QObject, callback: Callable[[], None]) -> None:
        # The job does not call `callback` itself: it hands it to the event loop. The engine reschedules
        # from inside the callback, and a job replaced while it runs is then removed by APScheduler's
        # own "date job done" clean-up (BaseScheduler._process_jobs), losing the new wake-up.
        self._deliver = single_shot(parent, callback)
        self._scheduler = _OneTimerQtScheduler(
            parent,
            executors={"default": {"type": "debug"}},
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
            timezone=dt.UTC,
        )
        self._scheduler.start()

    def schedule(self, at: dt.datetime | None) -> None:
        """Replace the pending wake-up with one at `at` (aware), or drop it."""
        if at is None:
            with contextlib.suppress(JobLookupError):
                self._scheduler.remove_job(_JOB_ID)
            return
        self._scheduler.add_job(self._fire, "date", run_date=at, id=_JOB_ID, replace_existing=True)

    def _fire(self) -> None:
        self._deliver.start(0)

    def pending(self) -> dt.datetime | None:
        """When the wake-up is due, if one is pending."""
        job = self._scheduler.get_job(_JOB_ID)
        return None if job is None else job.next_run_time

    @property
    def timer(self) -> QTimer:
        """The one Qt timer behind the scheduler (for tests and the idle-cost check)."""
        return self._scheduler._qt_timer

    def shutdown(self) -> None:
        """Stop the scheduler and its timer."""
        self._deliver.stop()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
