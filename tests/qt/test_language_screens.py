"""German (a long language) and Japanese (a CJK one) on every window: nothing cut off, every glyph in a font,
and screenshots for review in tests/screenshots/languages/ (the welcome, the stretch window, the reminder card,
the settings sections, the statistics spans, About).

Japanese needs a font with its glyphs: .ci/run installs fonts-ipaexfont-gothic (6 MB) for it. Without one
the test skips on a developer's machine and fails under CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from backbreak.core import i18n
from backbreak.core.languages import speak
from backbreak.core.settings import Settings
from backbreak.ui.qtlanguage import QtLanguage
from backbreak.ui.welcome import WelcomeWindow
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.qt.everywindow import each_view, visible_texts
from tests.qt.pseudolocale import cut_off
from tests.qt.windowchecks import SHOTS, settle

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")

REVIEWED = ("welcome", "about", "card-", "settings-", "stats-busy-month-", "stretch-desk-2-")
"""The views kept as screenshots (the other routines' cards are checked, not kept)."""
TITLES = {"de": "Willkommen bei backbreak", "ja": "backbreak へようこそ"}


def _japanese_font() -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        if os.environ.get("CI") == "true":
            pytest.fail("no font with Japanese glyphs: .ci/run installs fonts-ipaexfont-gothic")
        pytest.skip("no font with Japanese glyphs here (Debian: fonts-ipaexfont-gothic)")


@contextmanager
def speaking(code: str, qapp: QApplication) -> Iterator[None]:
    speak(code, {})
    qt = QtLanguage(qapp)
    assert qt.apply(code)
    try:
        yield
    finally:
        i18n.use(i18n.Catalogues())
        qt.apply(i18n.ENGLISH)


@pytest.fixture(params=["de", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code = str(request.param)
    if code == "ja":
        _japanese_font()
    with speaking(code, qapp):
        yield code


def test_every_window_fits_in_german_and_japanese_and_is_kept_for_review(language: str) -> None:
    folder = SHOTS / "languages" / language
    folder.mkdir(parents=True, exist_ok=True)
    problems, kept = {}, []
    for name, window in each_view():
        if found := cut_off(window):
            problems[name] = found
        if name == "welcome":
            assert window.windowTitle() == TITLES[language]
        if name.startswith(REVIEWED):
            assert window.grab().save(str(folder / f"{name}.png"))
            kept.append(name)
    assert problems == {}
    assert len(kept) > 20


def test_japanese_text_is_drawn_with_a_font_that_has_its_glyphs(qapp: QApplication) -> None:
    _japanese_font()
    fonts = [QFontMetrics(QFont(family)) for family in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)]
    with speaking("ja", qapp):
        words = "".join(text for _name, window in each_view(routines=("desk-2",)) for text in visible_texts(window))
    japanese = {char for char in words if ord(char) > 0x3000}
    assert len(japanese) > 200
    assert {char for char in japanese if not any(font.inFontUcs4(ord(char)) for font in fonts)} == set()


@pytest.mark.parametrize("code", ["en", "de"])
def test_the_welcome_is_as_tall_as_its_words_where_the_screen_has_room(code: str, qapp: QApplication) -> None:
    # German wraps to more lines than English; the welcome measures its words at its own width instead of
    # trusting the scroll area's size hint, which left German scrolling on a 1280 x 800 desktop.
    with speaking(code, qapp):
        window = WelcomeWindow(Settings())
        settle(window)
        scroll = window.findChild(QScrollArea)
        assert scroll is not None
        assert scroll.verticalScrollBar().maximum() == 0
        assert window.height() < window.screen().availableGeometry().height() * 0.92
        window.hide()
        window.deleteLater()
