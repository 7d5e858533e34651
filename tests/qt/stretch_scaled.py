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

from tests.qt.figure_checks import ROUTINES, SHOTS, Clock, routine, step_fill, walk_steps


def fills_of(theme: str, routine_name: str, fills: dict[str, float]) -> list[int]:
    """Walk one routine in the window, noting each step's fill; the window's size."""
    clock = Clock()
    window = StretchWindow(routine(routine_name), clock)
    window.open_near_mouse()

    def check(index: int) -> None:
        step = window.routine.steps[index]
        if index in (0, 3):
            window.grab().save(str(SHOTS / "stretch" / f"200-{theme}-{routine_name}-{step.id}.png"))
        fills[f"{theme}/{routine_name}/{step.id}"] = step_fill(window, clock)

    walk_steps(window, clock, check)
    size = [window.width(), window.height()]
    window.close()
    return size


def main() -> None:
    app = QApplication(sys.argv[:1])
    theme = Theme(app)
    fills: dict[str, float] = {}
    size: list[int] = []
    for name in ("light", "dark"):
        theme.apply(name)
        for routine_name in ROUTINES:
            size = fills_of(name, routine_name, fills)
    screen = app.primaryScreen()
    print(json.dumps({"scale": screen.devicePixelRatio(), "window": size, "fills": fills}))


if __name__ == "__main__":
    main()
