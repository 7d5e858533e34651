"""The first-run welcome and the About & safety page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from backbreak import paths
from backbreak.core.safety import CHECK_FIRST, FIRST_RUN_NOTE, GENERAL_NOTE, RED_FLAGS
from backbreak.core.settings import Settings
from backbreak.ui.about import AboutWindow
from backbreak.ui.welcome import WelcomeWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def texts(widget: object) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def test_welcome_shows_the_safety_note_and_saves_the_place(qtbot: QtBot) -> None:
    window = WelcomeWindow(Settings())
    qtbot.addWidget(window)
    shown = texts(window)
    assert all(point in shown for point in FIRST_RUN_NOTE)
    assert "prevent" not in shown.lower()
    window.places.button(2).setChecked(True)
    window.login.setChecked(True)
    with qtbot.waitSignal(window.chosen) as chosen:
        qtbot.keyClick(window, Qt.Key.Key_Return)
    settings = chosen.args[0]
    assert settings.stretch.routine == "floor-7"
    assert settings.ui.start_at_login is True


def test_closing_the_welcome_keeps_the_defaults(qtbot: QtBot) -> None:
    window = WelcomeWindow(Settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.chosen) as chosen:
        window.close()
    assert chosen.args[0] == Settings()


def test_about_holds_the_full_note_the_check_first_groups_and_the_red_flags(qtbot: QtBot) -> None:
    window = AboutWindow()
    qtbot.addWidget(window)
    shown = texts(window)
    assert all(paragraph in shown for paragraph in GENERAL_NOTE)
    assert all(group in shown and advice in shown for group, advice in CHECK_FIRST)
    assert all(heading in shown for heading, _ in RED_FLAGS)


def test_about_says_where_the_log_is(qtbot: QtBot, tmp_path: Path) -> None:
    window = AboutWindow(log_file=tmp_path / "log" / "backbreak.log")
    qtbot.addWidget(window)
    assert f"The log is {tmp_path / 'log' / 'backbreak.log'}." in texts(window)
    default = AboutWindow()
    qtbot.addWidget(default)
    assert str(paths.log_file()) in texts(default)  # the same file the app logs to


PROBE_SMALL_SCREEN = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
from backbreak.core.settings import Settings
from backbreak.ui.welcome import WelcomeWindow
window = WelcomeWindow(Settings())
window.show()
app.processEvents()
room = window.screen().availableGeometry()
squeezed = [
    label.text()[:30] for label in window.findChildren(QLabel)
    if label.wordWrap() and label.height() < label.heightForWidth(label.width())
]
print(window.height() <= room.height(), window.rect().contains(window.start.geometry()), squeezed == [])
"""


def test_on_a_small_screen_the_welcome_scrolls_instead_of_squeezing_its_words() -> None:
    # 800 x 800 offscreen at 200 %: 400 x 400 of room, less height than the words need.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run([sys.executable, "-c", PROBE_SMALL_SCREEN], env=env, capture_output=True, text=True)
    assert done.stdout.split() == ["True", "True", "True"], done.stderr
