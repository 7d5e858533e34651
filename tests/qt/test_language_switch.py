"""The app in the user's language: from settings.toml at start, and at once when the settings window changes it,
Qt's own buttons included; `status --json` stays English whatever the language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backbreak.core import i18n
from backbreak.ui.about import AboutWindow
from backbreak.ui.settingswindow import SettingsWindow
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.apphelpers import AppHarness
from tests.qt.everywindow import menu_texts

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")

GERMAN = 'schema_version = 1\n[ui]\nlanguage = "de"\n'


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[AppHarness]:
    h = AppHarness(tmp_path, settings_toml=GERMAN).start()
    yield h
    h.stop()
    h.app.qt_language.apply(i18n.ENGLISH)


def test_the_setting_makes_the_tray_and_the_reminders_german(german: AppHarness) -> None:
    h = german
    assert "Jetzt dehnen" in menu_texts(h.app.tray._menu)
    h.until("08:29:30")
    assert "Bewegungspause in 1 min" in h.notifier.summaries()
    h.until("08:31")
    assert "Zeit aufzustehen" in h.notifier.summaries()
    shown = h.notifier.showing[-1]
    assert ("skip", "Auslassen") in shown.actions


def test_status_json_stays_english_while_the_app_speaks_german(german: AppHarness) -> None:
    h = german
    h.until("08:20")
    assert h.app.tray._icon.toolTip().startswith("Sitzen seit 20 min")
    reply = h.control.command("status")
    assert reply["result"]["tooltip"] == "Sitting 20 min · move break in 10 min"
    assert reply["result"]["state"] == "working"


def test_qts_own_buttons_speak_the_language_too(german: AppHarness, qtbot: QtBot) -> None:
    about = AboutWindow(log_file=german.folder / "backbreak.log")
    qtbot.addWidget(about)
    (box,) = about.findChildren(QDialogButtonBox)
    assert [button.text() for button in box.buttons()] == ["Schließen"]


def test_the_settings_window_changes_the_language_at_once(qapp: QApplication, tmp_path: Path, qtbot: QtBot) -> None:
    h = AppHarness(tmp_path).start()
    try:
        h.app.keeper.show_settings()
        window = h.app.keeper.open["settings"]
        assert isinstance(window, SettingsWindow)
        window.show_section("Appearance")
        combo = window.fields["ui.language"].widget
        assert isinstance(combo, QComboBox)
        assert combo.currentText() == "Follow the system"
        combo.setCurrentIndex(combo.findData("de"))
        assert 'language = "de"' in h.settings_file.read_text()
        assert "Jetzt dehnen" in menu_texts(h.app.tray._menu)
        qtbot.waitUntil(lambda: h.app.keeper.open.get("settings") not in (None, window))
        again = h.app.keeper.open["settings"]
        assert again.windowTitle() == "Einstellungen · backbreak"
        assert again.view.stack.currentWidget().widget().accessibleName() == "Darstellung"  # type: ignore[attr-defined]
        h.until("08:29:30")
        assert "Bewegungspause in 1 min" in h.notifier.summaries()
    finally:
        h.stop()
        h.app.qt_language.apply(i18n.ENGLISH)
