"""German (a long language) on every window: nothing cut off, and screenshots for review in
tests/screenshots/languages/ (the welcome, the stretch window, the reminder card, the settings sections,
the statistics spans, About).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from backbreak.core import i18n
from backbreak.core.languages import speak
from backbreak.ui.qtlanguage import QtLanguage
from PySide6.QtWidgets import QApplication

from tests.qt.everywindow import each_view
from tests.qt.pseudolocale import cut_off
from tests.qt.windowchecks import SHOTS

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")

REVIEWED = ("welcome", "about", "card-", "settings-", "stats-busy-month-", "stretch-desk-2-")
"""The views kept as screenshots (the other routines' cards are checked, not kept)."""
TITLES = {"de": "Willkommen bei backbreak"}


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


@pytest.fixture(params=["de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code = str(request.param)
    with speaking(code, qapp):
        yield code


def test_every_window_fits_in_german_and_is_kept_for_review(language: str) -> None:
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
