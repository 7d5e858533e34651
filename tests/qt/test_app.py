"""The whole app in process, on fake ports and a fake clock: a work day, settings changed while it runs,
failures told calmly, and the faults that only the wiring could hide.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from backbreak.core.events import Phase
from backbreak.core.history import NoHistory
from backbreak.platform.null import NullNotifier
from backbreak.startup import log_unhandled
from backbreak.ui.card import ReminderCard
from backbreak.ui.reminders import EYES_TITLE
from backbreak.ui.stretch.window import StretchWindow
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.apphelpers import AppHarness

# The offscreen platform has no tray to watch and cannot raise a window; both are said, and harmless.
pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Iterator[AppHarness]:
    made = AppHarness(tmp_path).start()
    yield made
    made.stop()


def break_window(h: AppHarness) -> StretchWindow:
    window = h.app.keeper.running
    assert isinstance(window, StretchWindow)
    return window


def test_a_work_day_through_the_whole_app(harness: AppHarness) -> None:
    h = harness
    notes = h.notifier
    h.until("08:29")
    assert notes.summaries() == ["Move break in 1 min"]
    h.until("08:30")
    assert notes.showing[-1].summary == "Time to stand up"
    assert [key for key, _ in notes.showing[-1].actions] == ["default", "start", "snooze", "skip"]
    # Snoozed up to the limit: each time it comes back, then the card stays in view.
    for again in ("08:35", "08:40", "08:45"):
        notes.press("snooze")
        assert notes.showing == []
        h.until(again)
        assert notes.showing[-1].summary == "Time to stand up (again)"
    card = h.app.reminders.card()
    assert isinstance(card, ReminderCard)
    assert card.isVisible()
    card.buttons["start"].click()
    assert not card.isVisible()
    assert h.app.driver.status.phase is Phase.ON_BREAK
    window = break_window(h)
    assert window.routine.name == "move"
    h.advance(120)  # the move break's two minutes, walked to the end
    assert window.end_panel.isVisible()
    assert h.app.driver.status.phase is Phase.WORKING
    # The stretch break comes after an hour of sitting (45 min, the break, 15 min more), from its button.
    h.until("09:01:59")
    assert notes.showing[-1].summary != "Time for a stretch"
    h.until("09:02")
    assert notes.showing[-1].summary == "Time for a stretch"
    notes.press("start")
    stretch = break_window(h)
    assert stretch.routine.name == "desk-2"
    for step in stretch.routine.steps:  # walked card by card, as the frames would show them
        h.advance(step.total)
    h.advance(1)
    assert stretch.end_panel.isVisible()
    assert "Breaks today: 2" in stretch.end_panel.body.text()
    rows = h.history_rows()
    events = [event for event, _, _ in rows]
    assert events[:3] == ["heads_up", "due", "snoozed"]
    assert events.count("snoozed") == 3
    assert ("started", "move", "move") in rows
    assert ("started", "stretch", "desk-2") in rows
    assert events.count("completed") == 2
    steps = [detail for event, kind, detail in rows if event == "step" and kind == "stretch"]
    assert steps == [f"desk-2:{step.id}" for step in stretch.routine.steps]
    summary = h.app.keeper.stats.load(1)[0].to_json()
    assert summary["breaks_taken"] == 2
    assert summary["snoozed"] == 3
    assert summary["stretched_seconds"] == round(stretch.routine.total)  # from its start to its end card


def test_the_eye_prompt_shows_when_it_is_on(qtbot: QtBot, tmp_path: Path) -> None:
    h = AppHarness(tmp_path, settings_toml='schema_version = 1\n[eyes]\nenabled = true\nevery = "20m"\n').start()
    try:
        h.until("08:19")
        assert EYES_TITLE not in h.notifier.summaries()
        h.until("08:20")
        eyes = [note for note in h.notifier.shown if note.summary == EYES_TITLE]
        assert len(eyes) == 1
        assert "6 m" in eyes[0].body
        assert eyes[0].expire_ms > 0  # it goes by itself
        assert eyes[0].actions == []
        h.until("08:40")
        assert [note.summary for note in h.notifier.shown].count(EYES_TITLE) == 2
    finally:
        h.stop()


def test_settings_changed_while_running_apply_at_once(harness: AppHarness) -> None:
    h = harness
    settings = h.store.settings
    h.until("08:10")
    h.store.set(dataclasses.replace(settings, move=dataclasses.replace(settings.move, every=15 * 60)))
    h.until("08:14")
    assert h.notifier.summaries() == ["Move break in 1 min"]
    # The theme follows at once, and "system" gives back what the app started with.
    system = QApplication.palette().color(QPalette.ColorRole.Window).name()
    h.store.set(dataclasses.replace(h.store.settings, ui=dataclasses.replace(h.store.settings.ui, theme="dark")))
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#202124"
    h.store.set(dataclasses.replace(h.store.settings, ui=dataclasses.replace(h.store.settings.ui, theme="system")))
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == system
    # The autostart entry is written when start at login changes, and at no other change.
    assert h.autostart.applied == []
    ui = h.store.settings.ui
    h.store.set(dataclasses.replace(h.store.settings, ui=dataclasses.replace(ui, start_at_login=True)))
    h.store.set(dataclasses.replace(h.store.settings, ui=dataclasses.replace(ui, start_at_login=True, theme="light")))
    assert h.autostart.applied == [True]
    assert 'theme = "light"' in h.settings_file.read_text()


def test_a_hand_edit_of_the_file_applies_and_a_broken_one_is_said(harness: AppHarness, qtbot: QtBot) -> None:
    h = harness
    with qtbot.waitSignal(h.store.changed, timeout=5000):
        h.settings_file.write_text('schema_version = 1\n[move]\nevery = "20m"\n')
    assert h.app.driver.state.settings.move.every == 20 * 60
    with qtbot.waitSignal(h.store.message, timeout=5000) as said:
        h.settings_file.write_text('schema_version = 1\n[move]\nevery = "soon"\n')
    assert said.args is not None
    assert "move.every" in said.args[1]
    assert any("settings repaired" in summary for summary in h.notifier.summaries())


def test_a_damaged_history_is_said_once_the_icon_shows(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "history.sqlite3").write_bytes(b"this is not a database" * 100)
    h = AppHarness(tmp_path, notifier=NullNotifier(), tray=True)
    balloons: list[tuple[str, bool]] = []
    h.app.tray.message = lambda title, text: balloons.append((text, h.app.tray._icon.isVisible()))  # type: ignore[method-assign]
    h.start()
    try:
        damaged = [(text, visible) for text, visible in balloons if "damaged" in text]
        assert damaged == [(damaged[0][0], True)]  # said, and only once the icon was there to say it
        assert list(tmp_path.glob("history.sqlite3.broken-*"))
    finally:
        h.stop()


def test_history_that_cannot_be_kept_is_said_and_the_day_goes_on(qtbot: QtBot, tmp_path: Path) -> None:
    h = AppHarness(tmp_path, history=NoHistory("the disk is read-only")).start()
    try:
        assert any("the disk is read-only" in note.body for note in h.notifier.shown)
        h.until("08:30")
        assert h.notifier.showing[-1].summary == "Time to stand up"
        assert h.app.keeper.stats.load(7)[0].to_json()["breaks_taken"] == 0
    finally:
        h.stop()


def test_without_a_tray_or_notifications_the_status_window_says_it(qtbot: QtBot, tmp_path: Path) -> None:
    h = AppHarness(tmp_path, notifier=NullNotifier(), tray=False).start()
    try:
        window = h.app.keeper.status_window
        assert window is not None
        assert window.isVisible()
        assert "no system tray" in window.note.text()
        h.until("08:30")
        assert "Time to stand up" in window.note.text()
        assert h.app.reminders.card().isVisible()  # no buttons anywhere else: the card has them
    finally:
        h.stop()


def test_a_window_that_cannot_open_ends_the_break_and_says_so(
    harness: AppHarness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness

    def broken(*args: object) -> None:
        raise RuntimeError("no stretch window in this build")

    monkeypatch.setattr(StretchWindow, "__init__", broken)
    with caplog.at_level(logging.ERROR):
        h.app.tray.stretch_requested.emit("")
    assert h.app.driver.status.phase is Phase.WORKING  # not stuck on a break nobody can see
    assert [event for event, _, _ in h.history_rows()][-2:] == ["started", "failed"]
    assert "no stretch window in this build" in caplog.text  # the traceback is in the log
    said = [note.body for note in h.notifier.shown if "went wrong" in note.summary]
    assert len(said) == 1
    assert "Opening the break window did not work" in said[0]
    h.app.tray.stretch_requested.emit("")
    assert len([note for note in h.notifier.shown if "went wrong" in note.summary]) == 1  # said once


def test_a_user_routine_runs_its_own_length(qtbot: QtBot, tmp_path: Path) -> None:
    routines = tmp_path / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "long-walk.toml").write_text(
        'schema_version = 1\nname = "long-walk"\ntitle = "A long walk"\n'
        '[[steps]]\ntitle = "Walk"\nlines = ["Walk about."]\nposes = ["standing-upright"]\nseconds = 900\n'
    )
    h = AppHarness(tmp_path).start()
    try:
        h.app.tray.stretch_requested.emit("long-walk")
        window = break_window(h)
        h.advance(14 * 60)  # a guessed 3 min made the engine end it as stopped after 13 min
        assert h.app.driver.status.phase is Phase.ON_BREAK
        assert window.isVisible()
        assert not window.end_panel.isVisible()
        h.advance(61)
        assert window.end_panel.isVisible()
        assert [event for event, _, _ in h.history_rows()][-1] == "completed"
    finally:
        h.stop()


def test_a_forgotten_break_window_closes_when_the_engine_ends_the_break(harness: AppHarness) -> None:
    h = harness
    h.app.tray.stretch_requested.emit("desk-2")
    window = break_window(h)
    window.toggle_pause()
    h.advance(20 * 60)  # desk-2 takes about 2 min; paused and left, it is forgotten after 12 min
    assert h.app.keeper.running is None
    assert "break" not in h.app.keeper.open
    events = [event for event, _, _ in h.history_rows()]
    assert events[-2:] == ["routine_paused", "stopped"]
    assert h.app.driver.status.phase is Phase.WORKING
    assert not [note for note in h.notifier.shown if "No break is running" in note.body]


def test_a_refused_click_is_said(harness: AppHarness) -> None:
    h = harness
    h.app.tray.stretch_requested.emit("desk-2")
    h.app.tray.stretch_requested.emit("stand-3")
    assert h.notifier.shown[-1].body == "A break is already running."


def test_commands_reach_the_engine_and_refusals_go_back_to_the_client_only(harness: AppHarness) -> None:
    h = harness
    assert h.control.command("status")["result"]["state"] == "working"
    refused = h.control.command("resume")
    assert (refused["ok"], refused["error"]) == (False, "Not paused.")
    assert not [note for note in h.notifier.shown if note.body == "Not paused."]
    assert h.control.command("pause", seconds=1800)["result"]["state"] == "paused"
    h.until("08:30")
    assert h.app.driver.status.phase is Phase.WORKING


def test_an_error_nothing_caught_goes_to_the_log_with_its_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Qt hands an exception raised in a slot to sys.excepthook; the app's hook logs it and goes on.
    monkeypatch.setattr(sys, "excepthook", log_unhandled)

    def broken_slot() -> None:
        raise ValueError("a slot nobody guarded")

    with caplog.at_level(logging.CRITICAL):
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: "unhandled error" in caplog.text)
    record = next(record for record in caplog.records if record.getMessage() == "unhandled error")
    assert record.exc_info is not None
    assert "a slot nobody guarded" in caplog.text


def test_hostile_commands_are_refused_and_change_nothing(harness: AppHarness) -> None:
    h = harness
    # Arguments arrive type-checked (backbreak/ipc.py); what they mean is checked here.
    for args in ({"seconds": 10**12}, {"until_tomorrow": False}, {"seconds": 60, "until_tomorrow": True}, {}):
        reply = h.control.command("pause", **args)
        assert reply["ok"] is False, args
        assert "date value" not in reply["error"]
    assert h.control.command("snooze", seconds=10**9)["ok"] is False
    assert h.app.driver.status.phase is Phase.WORKING
    assert [event for event, _, _ in h.history_rows()] == []
