"""Runs inside the bench's desktop: starts backbreak, opens its settings and statistics windows as the tray
menu does, and times each from the request to its first painted frame (prints one JSON line).

The first open of each is "cold": its modules are imported then, since the app loads no window before it is
wanted. The statistics window reads a real history: a year of busy work days in SQLite.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable

from backbreak import paths
from backbreak.app import App, desktop_ports
from backbreak.core.history import EventRow, HistoryStore, SittingRow
from backbreak.runtime.clock import SystemClock
from backbreak.runtime.settingsstore import SettingsStore
from backbreak.startup import prepare_qt_environment
from backbreak.ui.theme import Theme
from backbreak.ui.tray import Tray
from backbreak.ui.windows import WindowKeeper
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from tests.statsdata import work_day

ROUNDS = 20


class FirstPaint(QObject):
    """Notes when a window (or any of its children) first paints."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def a_busy_year(history: HistoryStore, today: dt.date) -> int:
    """Write a year of work days up to today; returns how many rows."""
    rows = 0
    for back in range(365):
        day = today - dt.timedelta(days=back)
        if day.weekday() < 5:
            events, spans = work_day(day, back)
            for event in events:
                history.add_event(EventRow(event.at, event.event, event.kind, event.detail))
            for span in spans:
                history.add_sitting(SittingRow(span.start, span.end))
            rows += len(events) + len(spans)
    return rows


def time_open(app: QApplication, keeper: WindowKeeper, name: str, show: Callable[[], None]) -> float:
    """Milliseconds from asking for the window to its first painted frame; the window is closed again."""
    clock = FirstPaint()
    app.installEventFilter(clock)
    started = time.perf_counter()
    show()
    deadline = started + 5
    while clock.at is None and time.perf_counter() < deadline:
        app.processEvents()
    app.removeEventFilter(clock)
    window = keeper.open[name]
    assert isinstance(window, QWidget)
    window.close()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    assert clock.at is not None, f"the {name} window never painted"
    return (clock.at - started) * 1000


def main() -> None:
    prepare_qt_environment()
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    clock = SystemClock()
    history = HistoryStore(paths.history_file(), clock.now().wall)
    rows = a_busy_year(history, clock.now().wall.date())
    history.close()
    # The app itself, on this desktop's ports, with its tray icon up: what it has loaded by the time
    # someone picks Settings from the tray menu is loaded here too, and nothing more.
    ports = desktop_ports(app)
    backbreak = App(app, ports, SettingsStore(paths.settings_file(), ports.clock, app), Theme(app), Tray(app))
    backbreak.start()
    for _ in range(20):
        app.processEvents()
    figures: dict[str, object] = {"history_rows": rows}
    keeper = backbreak.keeper
    for name, show in (("settings", keeper.show_settings), ("stats", keeper.show_stats)):
        cold = time_open(app, keeper, name, show)
        warm = [time_open(app, keeper, name, show) for _ in range(ROUNDS)]
        figures[name] = {"cold_ms": cold, "warm_median_ms": statistics.median(warm), "warm_max_ms": max(warm)}
    backbreak.stop()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
