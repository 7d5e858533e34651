"""Run by the qt tests in a fresh process at 200 % (QT_SCALE_FACTOR=2 on a 1920 × 1080 offscreen screen):
lays out the settings or statistics window, light and dark, writes their screenshots, prints the findings.

The scale factor is read once when Qt starts, so a test process that already has a QApplication at
100 % cannot check 200 % itself.
"""

from __future__ import annotations

import json
import sys

from backbreak.core.routines import builtin_folder, load_routines
from backbreak.core.settings import Settings
from backbreak.ui.settingswindow import SettingsWindow
from backbreak.ui.statswindow import StatsWindow
from backbreak.ui.theme import Theme
from backbreak.ui.windows import routine_choices
from PySide6.QtWidgets import QApplication

from tests.qt.windowchecks import SHOTS, settings_screenshots, stats_screenshots
from tests.statsdata import HISTORIES, loader


def main(which: str) -> None:
    app = QApplication(sys.argv[:1])
    theme = Theme(app)
    problems: dict[str, object] = {}
    for name in ("light", "dark"):
        theme.apply(name)
        if which == "settings":
            window = SettingsWindow(Settings(), routine_choices(load_routines([builtin_folder()]).routines))
            problems[name] = settings_screenshots(window, SHOTS / "settings", f"{name}-200")
            window.close()
        else:
            for history, make in HISTORIES.items():
                stats = StatsWindow(loader(make()))
                problems[f"{history}-{name}"] = stats_screenshots(stats, SHOTS / "stats", f"{history}-{name}-200")
                stats.close()
    screen = app.primaryScreen()
    size = screen.availableGeometry().size()
    found = {"scale": screen.devicePixelRatio(), "screen": [size.width(), size.height()], "problems": problems}
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1])
