"""The checks the pseudo-language makes possible, shared by the test at 100 % and the probe at 200 %.

In the pseudo-language every translated text is in ⟦markers⟧ and 40 % longer (backbreak/core/pseudo.py).
`untranslated` finds visible words outside the markers: a text that never went through the catalogue.
`cut_off` finds what a longer language would cut off or push out of its window.
"""

from __future__ import annotations

import unicodedata

from backbreak.core import i18n
from backbreak.core.languages import PSEUDO, speak
from backbreak.core.pseudo import unmarked
from backbreak.ui.qtlanguage import QtLanguage
from PySide6.QtWidgets import QApplication, QWidget

from tests.qt.everywindow import visible_texts
from tests.qt.windowchecks import layout_problems

NAMES = ("backbreak",)
"""Words that are the same in every language: the program's name."""


def speak_pseudo(app: QApplication) -> QtLanguage:
    """The pseudo-language for backbreak's words and for Qt's own."""
    speak(PSEUDO, {})
    qt = QtLanguage(app)
    qt.apply(PSEUDO)
    return qt


def speak_english(qt: QtLanguage) -> None:
    """Back to English."""
    i18n.use(i18n.Catalogues())
    qt.apply(i18n.ENGLISH)


def untranslated(window: QWidget) -> list[str]:
    """The visible texts with letters outside the markers (the program's name aside)."""
    found = []
    for text in visible_texts(window):
        outside = unmarked(text)
        for name in NAMES:
            outside = outside.replace(name, "")
        if any(unicodedata.category(char).startswith("L") for char in outside):
            found.append(text)
    return sorted(set(found))


def cut_off(window: QWidget) -> list[str]:
    """Layout problems (squeezed, cut, wider than the screen) and chart labels shortened with "…"."""
    problems = layout_problems(window)
    # A label shortened to fit ends in "…" where its closing marker was.
    problems += [f"shortened: {text!r}" for text in visible_texts(window) if text.count("⟦") > text.count("⟧")]
    return problems
