"""The settings window (every setting edits, validates and restores) and the statistics window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from backbreak.core.durations import format_duration
from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.history import EventRow, SittingRow
from backbreak.core.settings import SPECS, Kind, Settings, Spec
from backbreak.core.stats import summarize
from backbreak.ui.settingswindow import SettingsWindow
from backbreak.ui.statswindow import StatsWindow
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QTimeEdit
from pytestqt.qtbot import QtBot

from tests.fakes import wall

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots" / "windows"
ROUTINES = ["desk-2", "flare-4", "floor-7", "stand-3"]


def current(settings: Settings, spec: Spec) -> Any:
    return getattr(getattr(settings, spec.section), spec.key)


def edit(window: SettingsWindow, spec: Spec) -> Any:
    """Change one setting through its widget, as a user would; return the value set."""
    field = window.fields[spec.name]
    widget = field.widget
    old = current(window.settings, spec)
    if isinstance(widget, QCheckBox):
        widget.setChecked(not old)
        return not old
    if isinstance(widget, QLineEdit):
        value = spec.offer_max if old != spec.offer_max else spec.offer_min
        widget.setText(format_duration(int(value or 0)))
        widget.editingFinished.emit()
        return value
    if isinstance(widget, QSpinBox):
        value = old + 1
        widget.setValue(value)
        return value
    if isinstance(widget, QComboBox):
        value = next(widget.itemText(i) for i in range(widget.count()) if widget.itemText(i) != old)
        widget.setCurrentText(value)
        return value
    if isinstance(widget, QTimeEdit):
        widget.setTime(QTime(7, 45))
        return dt.time(7, 45)
    boxes = widget.findChildren(QCheckBox)
    boxes[5].setChecked(True)  # add Saturday
    return (*old, "sat")


@pytest.mark.parametrize("spec", SPECS, ids=[spec.name for spec in SPECS])
def test_every_setting_edits_and_applies(qtbot: QtBot, spec: Spec) -> None:
    window = SettingsWindow(Settings(), ROUTINES)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.changed) as changed:
        value = edit(window, spec)
    assert current(changed.args[0], spec) == value
    assert window.fields[spec.name].widget.accessibleName() == spec.label


def test_a_duration_out_of_range_says_so_and_changes_nothing(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings(), ROUTINES)
    qtbot.addWidget(window)
    field = window.fields["move.every"]
    with qtbot.assertNotEmitted(window.changed):
        field.widget.setText("5m")  # the window offers 20 min to 1 h
        field.widget.editingFinished.emit()
        field.widget.setText("soon")
        field.widget.editingFinished.emit()
    assert not field.problem.isHidden()
    assert "not a duration" in field.problem.text()
    assert window.settings == Settings()


def test_restore_defaults_per_group(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings(), ROUTINES)
    qtbot.addWidget(window)
    edit(window, SPECS[1])  # move.every
    edit(window, next(spec for spec in SPECS if spec.name == "reminders.snooze"))
    with qtbot.waitSignal(window.changed) as changed:
        window.restore("Breaks")
    restored = changed.args[0]
    assert restored.move == Settings().move
    assert restored.reminders != Settings().reminders  # other groups keep their changes


def busy_month() -> tuple[list[EventRow], list[SittingRow]]:
    events, spans = [], []
    for back in range(30):
        day = dt.date(2026, 11, 24) - dt.timedelta(days=back)
        if day.weekday() >= 5:
            continue
        for hour in (9, 10, 11, 14, 15, 16):
            start = wall(f"{day} {hour:02d}:00")
            spans.append(SittingRow(start, start + dt.timedelta(minutes=25 + (back % 4) * 5)))
            events.append(EventRow(start + dt.timedelta(minutes=30), HistoryEvent.COMPLETED, BreakKind.MOVE))
        events.append(EventRow(wall(f"{day} 12:00"), HistoryEvent.NATURAL, BreakKind.STRETCH))
        events.append(EventRow(wall(f"{day} 13:00"), HistoryEvent.SNOOZED, BreakKind.MOVE))
    return events, spans


def loader(events: list[EventRow], spans: list[SittingRow]):  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 24)
    return lambda days: (summarize(events, spans, today, days), [s for s in spans if s.start.date() == today])


@pytest.mark.parametrize(("name", "history"), [("empty", ([], [])), ("busy-month", busy_month())])
def test_statistics_window_screenshots(qtbot: QtBot, name: str, history: tuple[list, list]) -> None:  # type: ignore[type-arg]
    window = StatsWindow(loader(*history))
    qtbot.addWidget(window)
    window.resize(560, 480)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for index in range(3):
        window.span.setCurrentIndex(index)
        assert window.grab().save(str(SCREENSHOTS / f"stats-{name}-{window.span.currentData()}d.png"))
    if name == "empty":
        assert "Breaks taken 0" in window.text.text()
    else:
        assert "Breaks taken" in window.text.text()
        assert window.bars.accessibleDescription().count("breaks") == 30


def test_csv_export_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = StatsWindow(loader(*busy_month()))
    qtbot.addWidget(window)
    target = window.export_csv(str(tmp_path / "week.csv"))
    assert target is not None
    assert window.summary is not None
    assert target.read_text() == window.summary.to_csv()
    assert target.read_text().count("\n") == 8  # header and 7 days


def test_settings_window_screenshot(qtbot: QtBot) -> None:
    window = SettingsWindow(Settings(), ROUTINES)
    qtbot.addWidget(window)
    window.resize(560, 900)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "settings.png"))
    assert all(field.widget.accessibleName() for field in window.fields.values())
    assert {spec.kind for spec in SPECS} == set(Kind)
