"""Run by tests/qt/test_figure_drawing.py in a fresh process at 200 % (QT_SCALE_FACTOR=2, 1920 x 1080):
opens the stretch window as the app does, walks every step of every routine, light and dark, writes
screenshots and prints one JSON line: the scale, and how much of its area the figure fills per step.
"""

from __future__ import annotations

import json
import sys

from backbreak.ui.stretch.window import StretchWindow
from backbreak.ui.theme import Theme
from PySide6.QtWidgets import QApplication

from tests.qt.figure_checks import ROUTINES, SHOTS, Clock, ink_box, routine, walk_steps


def main() -> None:
    app = QApplication(sys.argv[:1])
    theme = Theme(app)
    fills: dict[str, float] = {}
    size: list[int] = []
    for name in ("light", "dark"):
        theme.apply(name)
        for routine_name in ROUTINES:
            clock = Clock()
            window = StretchWindow(routine(routine_name), clock)
            window.open_near_mouse()
            size = [window.width(), window.height()]

            def check(index: int, window: StretchWindow = window, routine_name: str = routine_name) -> None:
                step = window.routine.steps[index]
                fills[f"{name}/{routine_name}/{step.id}"] = max(ink_box(window.figure))
                if index in (0, 3):
                    window.grab().save(str(SHOTS / "stretch" / f"200-{name}-{routine_name}-{step.id}.png"))

            walk_steps(window, clock, check)
            window.close()
    screen = app.primaryScreen()
    print(json.dumps({"scale": screen.devicePixelRatio(), "window": size, "fills": fills}))


if __name__ == "__main__":
    main()
