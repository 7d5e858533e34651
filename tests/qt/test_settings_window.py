"""The settings window: rendered from the schema, every field reachable and applying at once, nothing cut or
scrolled sideways at 100 % and 200 %, a screenshot of each section in light and dark for review."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from backbreak.core.dayplan import RoutineChoice
from backbreak.core.routines import builtin_folder, load_routines
from backbreak.core.settings import GROUPS, SPECS, Kind, Settings, Spec, settings_from_dict
from backbreak.ui.daytoggle import DayToggle
from backbreak.ui.settingswindow import SettingsWindow
from backbreak.ui.theme import Theme
from backbreak.ui.windows import routine_choices
from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.apphelpers import AppHarness
from tests.qt.windowchecks import SECTIONS, SHOTS, layout_problems, settings_screenshots, settle

ROUTINES = routine_choices(load_routines([builtin_folder()]).routines)
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "systemTrayWindowChanged")


@pytest.fixture
def window(qtbot: QtBot) -> SettingsWindow:
    made = SettingsWindow(Settings(), ROUTINES, Path("/home/you/.config/backbreak/settings.toml"))
    qtbot.addWidget(made)
    return made


@pytest.fixture
def dark() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme = Theme(app)
    theme.apply("dark")
    yield
    theme.apply("system")


def current(settings: Settings, spec: Spec) -> Any:
    return getattr(getattr(settings, spec.section), spec.key)


def edit(window: SettingsWindow, spec: Spec) -> Any:
    """Change one setting through its widget, as a user would; return the value it should now have."""
    field = window.fields[spec.name]
    widget = field.widget
    old = current(window.settings, spec)
    if isinstance(widget, QCheckBox):
        widget.click()
        return not old
    if isinstance(widget, QSpinBox):
        widget.stepDown() if widget.value() == widget.maximum() else widget.stepUp()
        return widget.value() * (spec.unit if spec.kind is Kind.DURATION else 1)
    if isinstance(widget, QComboBox):
        widget.setCurrentIndex((widget.currentIndex() + 1) % widget.count())
        return widget.currentData()
    if isinstance(widget, QTimeEdit):
        widget.setTime(QTime(7, 45))
        return dt.time(7, 45)
    field.buttons[5].click()  # add Saturday
    return (*old, "sat")


@pytest.mark.parametrize("spec", SPECS, ids=[spec.name for spec in SPECS])
def test_every_setting_edits_and_applies(qtbot: QtBot, window: SettingsWindow, spec: Spec) -> None:
    with qtbot.waitSignal(window.changed) as changed:
        value = edit(window, spec)
    assert current(changed.args[0], spec) == value
    assert current(window.settings, spec) == value
    assert window.fields[spec.name].widget.accessibleName() == spec.label


def test_every_schema_key_has_exactly_one_widget(window: SettingsWindow) -> None:
    assert sorted(window.fields) == sorted(spec.name for spec in SPECS)
    editors = (QCheckBox, QAbstractSpinBox, QComboBox, DayToggle)
    found = [w for w in window.findChildren(QWidget) if isinstance(w, editors)]
    owned = [w for field in window.fields.values() for w in field.focusables]
    assert len(owned) == len(set(owned))  # no widget serves two settings
    assert sorted(map(id, found)) == sorted(map(id, owned))  # and none edits something off the schema
    for spec in SPECS:  # each setting sits in its own section's page, and only there
        pages = [name for name, page in window.view.pages.items() if page.isAncestorOf(window.fields[spec.name].box)]
        assert pages == [spec.group]


def test_durations_are_spin_boxes_in_the_offered_range_with_units(window: SettingsWindow) -> None:
    for spec in SPECS:
        widget = window.fields[spec.name].widget
        if spec.kind is Kind.DURATION:
            assert isinstance(widget, QSpinBox)
            assert (widget.minimum() * spec.unit, widget.maximum() * spec.unit) == (spec.offer_min, spec.offer_max)
            assert widget.suffix() in (" min", " s")
    move_every = window.fields["move.every"].widget
    assert isinstance(move_every, QSpinBox)
    assert (move_every.text(), move_every.minimum(), move_every.maximum()) == ("30 min", 20, 60)
    heads_up = window.fields["reminders.heads_up"].widget
    assert isinstance(heads_up, QSpinBox)
    heads_up.setValue(0)
    assert heads_up.text() == "Off"
    assert window.settings.reminders.heads_up == 0
    assert isinstance(window.fields["hours.start"].widget, QTimeEdit)
    assert [b.text() for b in window.fields["hours.days"].buttons] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert [b.isChecked() for b in window.fields["hours.days"].buttons] == [True] * 5 + [False] * 2


def test_routines_go_by_title_and_length(window: SettingsWindow) -> None:
    combo = window.fields["stretch.routine"].widget
    assert isinstance(combo, QComboBox)
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "Desk reset · 2 min"
    assert "Stand and stretch · 3 min" in items
    assert all(" · " in item for item in items)
    assert combo.currentData() == "desk-2"
    assert window.routine_about.text() == "Two minutes in your chair: neck, shoulders, back and hips."


def test_a_routine_that_is_gone_shows_as_such(qtbot: QtBot) -> None:
    settings, _ = settings_from_dict({"stretch": {"routine": "my-old-one"}})
    window = SettingsWindow(settings, {"desk-2": RoutineChoice("Desk reset · 2 min")})
    qtbot.addWidget(window)
    combo = window.fields["stretch.routine"].widget
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "my-old-one (not found)"
    assert window.settings.stretch.routine == "my-old-one"  # shown, not changed behind the user's back


def test_a_value_from_the_file_outside_the_offered_range_shows_as_it_is(qtbot: QtBot) -> None:
    settings, problems = settings_from_dict({"move": {"every": "5m"}})  # the file allows it, the window offers 20+
    assert problems == []
    window = SettingsWindow(settings, ROUTINES)
    qtbot.addWidget(window)
    spin = window.fields["move.every"].widget
    assert isinstance(spin, QSpinBox)
    assert spin.text() == "5 min"
    with qtbot.assertNotEmitted(window.changed):
        window.fields["move.length"].set(180)  # showing a value is not an edit
    assert window.settings == settings


def test_the_day_is_said_in_words_and_follows_each_change(qtbot: QtBot, window: SettingsWindow) -> None:
    assert window.plan.text() == "With these settings: a 2 min walk every 30 min, a stretch every hour."
    window.fields["move.every"].widget.setValue(45)  # type: ignore[attr-defined]
    assert window.plan.text() == "With these settings: a 2 min walk every 45 min, a stretch every hour."
    window.fields["stretch.enabled"].widget.click()  # type: ignore[attr-defined]
    assert window.plan.text() == "With these settings: a 2 min walk every 45 min."
    assert window.view.pages["Breaks"].isAncestorOf(window.plan)


def test_choosing_no_working_day_says_so_and_changes_nothing(qtbot: QtBot, window: SettingsWindow) -> None:
    field = window.fields["hours.days"]
    for button in field.buttons[:4]:
        button.click()
    assert window.settings.hours.days == ("fri",)
    with qtbot.assertNotEmitted(window.changed):
        field.buttons[4].click()
    assert not field.problem.isHidden()
    assert field.problem.text() == "Choose at least one day."
    assert window.settings.hours.days[-1] == "fri"  # the last valid choice stands
    field.buttons[0].click()
    assert field.problem.isHidden()
    assert window.settings.hours.days == ("mon",)


def test_one_restore_defaults_per_section(qtbot: QtBot, window: SettingsWindow) -> None:
    restores = [b for b in window.findChildren(QWidget) if b.accessibleName().startswith("Restore defaults")]
    assert sorted(b.accessibleName() for b in restores) == sorted(f"Restore defaults: {g}" for g in GROUPS)
    edit(window, next(spec for spec in SPECS if spec.name == "move.every"))
    edit(window, next(spec for spec in SPECS if spec.name == "reminders.snooze"))
    with qtbot.waitSignal(window.changed) as changed:
        window.view.restore["Breaks"].click()
    restored = changed.args[0]
    assert restored.move == Settings().move
    assert restored.reminders != Settings().reminders  # other sections keep their changes
    assert window.fields["move.every"].widget.text() == "30 min"  # type: ignore[attr-defined]


def test_keyboard_alone_reaches_every_field(qtbot: QtBot, window: SettingsWindow) -> None:
    settle(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view.sections)
    missed = {}
    for index, name in enumerate(SECTIONS):
        if index:
            QTest.keyClick(window.view.sections, Qt.Key.Key_Down)  # the next section, from the list
        assert window.view.stack.currentIndex() == index
        reached = []
        for _ in range(40):  # Tab through the page until the keyboard is back on the list
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is window.view.sections:
                break
            reached.append(QApplication.focusWidget())
        wanted = [w for f in window.fields.values() if f.spec.group == name for w in f.focusables]
        missed[name] = [w.accessibleName() for w in wanted if w not in reached]
        assert all(window.view.pages[name].isAncestorOf(w) for w in reached)  # never a hidden page's field
    assert missed == {name: [] for name in SECTIONS}


def test_a_field_reached_by_keyboard_scrolls_into_view(qtbot: QtBot, window: SettingsWindow) -> None:
    window.resize(window.width(), 260)  # a short screen: the page scrolls
    window.show_section("Reminders")
    settle(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view.sections)
    strict = window.fields["reminders.strict"].widget
    for _ in range(12):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if strict.hasFocus():
            break
    assert strict.hasFocus()
    scroll = window.view.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    assert scroll.verticalScrollBar().value() > 0
    top = strict.mapTo(scroll.viewport(), strict.rect().topLeft()).y()
    assert 0 <= top <= scroll.viewport().height() - strict.height()
    assert layout_problems(window) == []


def test_a_change_in_the_window_applies_to_the_running_app_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    h = AppHarness(tmp_path).start()
    try:
        h.app.keeper.show_settings()
        window = h.app.keeper.open["settings"]
        assert isinstance(window, SettingsWindow)
        spin = window.fields["move.every"].widget
        assert isinstance(spin, QSpinBox)
        spin.setValue(45)
        assert h.store.settings.move.every == 45 * 60
        assert h.app.driver.state.settings.move.every == 45 * 60  # the engine has it: no restart, no Apply
        assert 'every = "45m"' in h.settings_file.read_text()
        h.until("08:44")
        assert h.notifier.summaries() == ["Move break in 1 min"]
        # And the other way: a hand edit of the file shows in the open window.
        h.store.set(dataclasses.replace(h.store.settings, eyes=dataclasses.replace(h.store.settings.eyes, every=1800)))
        assert window.fields["eyes.every"].widget.text() == "30 min"  # type: ignore[attr-defined]
        # The About page hands on to the full About & safety text.
        window.show_section("About")
        about = next(b for b in window.findChildren(QPushButton) if b.accessibleName() == "About & safety")
        about.click()
        assert "about" in h.app.keeper.open
    finally:
        h.stop()


def test_the_layout_check_finds_a_sideways_scroll_and_a_squeezed_label(qtbot: QtBot) -> None:
    # The check the tests below rely on, shown to fail where it should.
    squeezed = QWidget()
    qtbot.addWidget(squeezed)
    scroll = QScrollArea(squeezed)
    scroll.setWidget(QLabel("a line far too long to fit in the narrow view it was given " * 3))
    scroll.setGeometry(0, 0, 120, 60)
    label = QLabel("cut off at the right", squeezed)
    label.setGeometry(100, 70, 40, 20)
    squeezed.resize(150, 100)
    settle(squeezed)
    problems = layout_problems(squeezed)
    assert any("scrolls sideways" in problem for problem in problems)
    assert any("cut off at the right" in problem and "squeezed" in problem for problem in problems)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_section_at_100_percent_fits_with_nothing_cut(
    request: pytest.FixtureRequest, window: SettingsWindow, theme: str
) -> None:
    if theme == "dark":
        request.getfixturevalue("dark")
    found = settings_screenshots(window, SHOTS / "settings", f"{theme}-100")
    assert found == {name: [] for name in SECTIONS}
    assert (window.palette().color(QPalette.ColorRole.Window).name() == "#202124") == (theme == "dark")
    # The window was made before the theme changed, as when the user picks Dark in it: all of it follows.
    assert (window.view.sections.palette().color(QPalette.ColorRole.Base).name() == "#35363a") == (theme == "dark")


def test_each_section_at_200_percent_fits_with_nothing_cut(tmp_path: Path) -> None:
    found = scaled_probe(tmp_path, "settings")
    assert found["scale"] == 2.0
    assert found["screen"] == [960, 540]  # a 1920 × 1080 screen at 200 %
    assert found["problems"] == {theme: {name: [] for name in SECTIONS} for theme in ("light", "dark")}


def scaled_probe(tmp_path: Path, which: str) -> dict[str, Any]:
    """Run tests/qt/scaled.py in a fresh process at 200 % on a 1920 × 1080 screen; its findings."""
    config = tmp_path / "screen.json"
    screen = {"name": "hidpi", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.qt.scaled", which], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]
