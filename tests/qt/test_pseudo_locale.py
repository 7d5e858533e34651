"""Every window and card in the pseudo-language: no word outside the catalogue, nothing cut off, at 100 % and 200 %.

The pseudo-language marks every translated text and makes it 40 % longer (backbreak/core/pseudo.py), so a
text that skipped the catalogue shows without markers, and a layout that only fits English shows cut off.
The 200 % run is a fresh process (tests/qt/pseudo_scaled.py): Qt reads the scale factor once, at start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from backbreak.core.settings import Settings
from backbreak.ui.qtlanguage import QtLanguage
from backbreak.ui.tray import Tray
from backbreak.ui.welcome import WelcomeWindow
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.qt.everywindow import each_view, menu_texts
from tests.qt.pseudolocale import cut_off, speak_english, speak_pseudo, untranslated

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "systemTrayWindowChanged", "propagateSizeHints")


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[QtLanguage]:
    qt = speak_pseudo(qapp)
    yield qt
    speak_english(qt)


def test_every_window_and_card_speaks_only_through_the_catalogue(pseudo: QtLanguage) -> None:
    found = {name: untranslated(window) for name, window in each_view()}
    assert len(found) > 40  # every settings section, stats span, card and routine step was opened
    assert {name: texts for name, texts in found.items() if texts} == {}


def test_nothing_is_cut_off_or_pushed_out_of_its_window_at_100_percent(pseudo: QtLanguage) -> None:
    found = {name: cut_off(window) for name, window in each_view()}
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_tray_menu_and_tooltip_speak_through_the_catalogue(pseudo: QtLanguage, qapp: QApplication) -> None:
    tray = Tray(qapp)
    tray.show_starting()
    words = [*menu_texts(tray._menu), tray._icon.toolTip()]
    assert len(words) > 10
    assert [text for text in words if not text.startswith("⟦")] == []


def test_a_text_left_out_of_the_catalogue_is_caught(pseudo: QtLanguage, qtbot: QtBot) -> None:
    # The check itself: a label set without the catalogue must be found, and only that one.
    window = WelcomeWindow(Settings())
    qtbot.addWidget(window)
    window.findChildren(QLabel)[1].setText("Stretch to a gentle pull, never to pain.")
    assert untranslated(window) == ["Stretch to a gentle pull, never to pain."]


def test_nothing_is_cut_off_at_200_percent(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"  # a 1920 x 1080 screen, 960 x 540 at 200 %
    screen = {"name": "hidpi", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "2"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.qt.pseudo_scaled"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.splitlines()[-1])
    assert (found["scale"], found["screen"]) == (2.0, [960, 540])
    assert found["views"] > 40
    assert found["untranslated"] == {}
    assert found["problems"] == {}
