"""Runs inside the bench's desktop: opens the stretch window and measures it (prints one JSON line)."""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time

from backbreak.core.routines import builtin_folder, load_routines
from backbreak.startup import prepare_qt_environment
from backbreak.ui.stretch.window import StretchWindow
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


class PaintClock(QObject):
    """Notes when the figure paints."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


def spin_until(app: QApplication, condition: object, timeout: float = 5.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition() and time.perf_counter() < deadline:  # type: ignore[operator]
        app.processEvents()
        # processEvents() leaves deleteLater() to the main loop; run those deletions here as it would.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> None:
    prepare_qt_environment()  # the Qt settings the app runs with
    app = QApplication(sys.argv)
    routine = load_routines([builtin_folder()]).routines["desk-2"]
    first_paint = []
    for _ in range(20):
        clock = PaintClock()
        started = time.perf_counter()
        window = StretchWindow(routine, time.monotonic)
        window.figure.installEventFilter(clock)
        window.open_near_mouse()
        spin_until(app, lambda clock=clock: clock.times)
        first_paint.append((clock.times[0] - started) * 1000)
        window.close()
        window.deleteLater()
        spin_until(app, lambda: False, 0.05)
    # Frame pacing: three seconds of movements that never stop (a hold is still on purpose and is not
    # repainted): desk-2's shoulder rolls, stand-3's walk, and floor-7's roll onto the side.
    gaps: list[float] = []
    pacing = {}
    for name, skips in (("desk-2", 1), ("stand-3", 0), ("floor-7", 7)):
        clock = PaintClock()
        window = StretchWindow(load_routines([builtin_folder()]).routines[name], time.monotonic)
        for _ in range(skips):
            window.next()
        window.figure.installEventFilter(clock)
        window.open_near_mouse()
        spin_until(app, lambda: False, 3.2)
        window.close()
        window.deleteLater()
        # From the sixth paint on: the card's entry (its first frames) is timed above.
        these = [(b - a) * 1000 for a, b in zip(clock.times[5:], clock.times[6:], strict=False)]
        pacing[name] = max(these) if these else None
        gaps += these
    refresh = (app.primaryScreen().refreshRate() if app.primaryScreen() else 60.0) or 60.0
    # Memory: open and close the window 50 times after a warm-up.
    spin_until(app, lambda: False, 0.2)
    gc.collect()
    before = rss_mb()
    for _ in range(50):
        window = StretchWindow(routine, time.monotonic)
        window.open_near_mouse()
        spin_until(app, lambda: False, 0.02)
        window.close()
        window.deleteLater()
        spin_until(app, lambda: False, 0.02)
    gc.collect()
    spin_until(app, lambda: False, 0.2)
    after = rss_mb()
    print(
        json.dumps(
            {
                "first_paint_ms_median": statistics.median(first_paint),
                "first_paint_ms_max": max(first_paint),
                "frames": len(gaps) + 1,
                "frame_gap_ms_median": statistics.median(gaps) if gaps else None,
                "frame_gap_ms_max": max(gaps) if gaps else None,
                "frame_gap_ms_max_by_routine": pacing,
                "display_interval_ms": 1000 / refresh,
                "rss_before_mb": before,
                "rss_after_50_mb": after,
            }
        )
    )


if __name__ == "__main__":
    main()
