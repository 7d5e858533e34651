"""Run by tests/qt/test_pseudo_locale.py in a fresh process at 200 % (QT_SCALE_FACTOR=2, 1920 x 1080):
opens every window and card in the pseudo-language and prints one JSON line with what it found.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication

from tests.qt.everywindow import each_view
from tests.qt.pseudolocale import cut_off, speak_pseudo, untranslated


def main() -> None:
    app = QApplication(sys.argv[:1])
    speak_pseudo(app)
    views, words, problems = 0, {}, {}
    for name, window in each_view():
        views += 1
        if found := untranslated(window):
            words[name] = found
        if found := cut_off(window):
            problems[name] = found
    screen = app.primaryScreen()
    size = screen.availableGeometry().size()
    found = {"scale": screen.devicePixelRatio(), "screen": [size.width(), size.height()], "views": views}
    print(json.dumps({**found, "untranslated": words, "problems": problems}))


if __name__ == "__main__":
    main()
