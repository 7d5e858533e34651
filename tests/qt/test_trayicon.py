"""The tray icon's ring: it fills with progress and warms as a break gets due."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from backbreak.core.events import BreakKind, Phase
from backbreak.core.status import NextBreak, Status
from backbreak.ui.trayicon import ACCENT, WARM, progress_of, ring_icon
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot


def image(progress: float, phase: Phase) -> QImage:
    return ring_icon(progress, phase).pixmap(64, 64).toImage()


def coloured_pixels(img: QImage, colour: QColor) -> int:
    return sum(
        1
        for y in range(img.height())
        for x in range(img.width())
        if img.pixelColor(x, y).alpha() > 200 and _near(img.pixelColor(x, y), colour)
    )


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_ring_fills_with_progress(qtbot: QtBot) -> None:
    quarter = coloured_pixels(image(0.25, Phase.WORKING), ACCENT)
    most = coloured_pixels(image(0.9, Phase.WORKING), ACCENT)
    assert 0 < quarter < most


def test_ring_warms_when_due(qtbot: QtBot) -> None:
    due = image(1.0, Phase.DUE)
    assert coloured_pixels(due, WARM) > 0
    assert coloured_pixels(due, ACCENT) == 0


def test_progress_of_status() -> None:
    status = Status(Phase.WORKING, 600, NextBreak(BreakKind.MOVE, 1200), None, 3, None)
    assert progress_of(status, 1800) == pytest.approx(1 / 3)
    assert progress_of(Status(Phase.DUE, 1800, None, None, 3, None), 1800) == 1.0


PROBE_THREADS = """
import os, sys
if sys.argv[1] == "as-the-app":
    from backbreak.startup import prepare_qt_environment
    prepare_qt_environment()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from backbreak.core.events import Phase
from backbreak.ui.trayicon import ring_icon
before = len(os.listdir("/proc/self/task"))
for size in (22, 64, 128):
    ring_icon(0.6, Phase.WORKING).pixmap(size, size)
print(len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="counts threads through /proc")
def test_painting_the_ring_starts_no_threads_in_the_app() -> None:
    # Qt's raster engine hands big fills to a thread pool whose threads live 30 s: a tray that
    # repaints would wake for them all day. The app turns the pool off (backbreak.app).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_NO_GUI_THREADPOOL", None)

    def new_threads(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", PROBE_THREADS, mode], env=env, capture_output=True, text=True)
        return int(done.stdout.strip())

    assert new_threads("as-the-app") == 0
    if (os.cpu_count() or 1) > 1:  # Qt uses no pool on one core
        assert new_threads("plain Qt") > 0  # the probe does see the pool when it is on
