"""Thirty simulated work days through the whole app on the fake clock: memory stays flat, and the live
timers, widgets and open files stay the same in number. A tray app runs for weeks without a restart.
"""

from __future__ import annotations

import gc
import os
import tracemalloc
from pathlib import Path

import pytest
from backbreak.ui.stretch.window import StretchWindow
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.apphelpers import AppHarness

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")

DAYS = 30
NOT_OURS = [
    tracemalloc.Filter(False, pattern)
    for pattern in ("*/logging/*", "*/_pytest/*", "*/pytestqt/*", "*/tests/*", tracemalloc.__file__)
]
"""What the test run itself keeps (pytest holds every log record of a test, the fakes their notes)."""


def work_a_day(h: AppHarness) -> int:
    """08:00 to 17:00: every break started from its notification, followed to the end, its window closed."""
    breaks = 0
    while h.clock.wall.hour < 17:
        h.advance(60)
        due = [note for note in h.notifier.showing if "start" in [key for key, _ in note.actions]]
        if not due:
            continue
        h.notifier.press("start")
        window = h.app.keeper.running
        assert isinstance(window, StretchWindow)
        h.advance(window.routine.total + 1)
        assert window.end_panel.isVisible()
        window.close()
        breaks += 1
    h.leave()
    h.advance(15 * 3600)  # the evening and the night away; back at 08:00
    h.come_back()
    h.flush()
    return breaks


def census(h: AppHarness) -> tuple[int, int, int]:
    gc.collect()
    h.flush()
    return len(h.timers.live()), len(QApplication.allWidgets()), len(os.listdir("/proc/self/fd"))


def test_thirty_days_keep_memory_timers_widgets_and_files_flat(qtbot: QtBot, tmp_path: Path) -> None:
    h = AppHarness(tmp_path).start()
    h.notifier.KEEP = 20  # the recording fake keeps only the last few, so it does not grow either
    try:
        for _ in range(3):
            assert work_a_day(h) >= 8  # warm up: every window has been made once
        tracemalloc.start()
        before = census(h)
        baseline = tracemalloc.take_snapshot()
        breaks = sum(work_a_day(h) for _ in range(DAYS - 3))
        after = census(h)
        grown = sum(
            stat.size_diff
            for stat in tracemalloc.take_snapshot()
            .filter_traces(NOT_OURS)
            .compare_to(baseline.filter_traces(NOT_OURS), "filename")
        )
        tracemalloc.stop()
        assert breaks >= 8 * (DAYS - 3)
        assert after[:2] == before[:2]  # live timers and widgets: the same number
        assert after[2] <= before[2]  # open files: none gained (earlier tests' leftovers may close meanwhile)
        # Python memory: about 250 KB over these 27 days (caches filling, then ~2 KB a day of PySide6's own
        # per-widget bookkeeping for the ~400 break windows made and destroyed); a retained window, row
        # buffer or reminder would cost far more than this bound.
        assert grown < 512 * 1024, grown
        assert len(h.history_rows()) > 0
    finally:
        h.stop()
