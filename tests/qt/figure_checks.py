"""Looking at the stretch window's pixels: how much of its area the figure fills, and screenshots of it.

Shared by tests/qt/test_figure_drawing.py (at 100 %) and tests/qt/stretch_scaled.py (at 200 %, in a
process of its own, since Qt reads the scale factor once).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from backbreak.core.routines import Routine, builtin_folder, load_routines
from backbreak.ui.stretch.window import StretchWindow
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
ROUTINES = ("desk-2", "stand-3", "floor-7", "flare-4")


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def routine(name: str) -> Routine:
    return load_routines([builtin_folder()]).routines[name]


def ink_box(widget: QWidget) -> tuple[float, float]:
    """The share of the widget's width and height that the drawing's inked pixels span."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    background = widget.palette().color(widget.backgroundRole())
    xs, ys = [], []
    step = max(1, image.width() // 240)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if _differs(QColor(image.pixel(x, y)), background):
                xs.append(x)
                ys.append(y)
    if not xs:
        return 0.0, 0.0
    return (max(xs) - min(xs) + step) / image.width(), (max(ys) - min(ys) + step) / image.height()


def _differs(colour: QColor, background: QColor) -> bool:
    return abs(colour.lightness() - background.lightness()) > 24 or abs(colour.hue() - background.hue()) > 20


def walk_steps(window: StretchWindow, clock: Clock, each: Callable[[int], None]) -> None:
    """Show every step of the window's routine a few seconds in, calling `each(step index)` on it."""
    for index in range(len(window.routine.steps)):
        clock.now += 3.5
        window.tick()
        for animation in window._animations:
            animation.setCurrentTime(animation.duration())
        each(index)
        window.next()


def step_fill(window: StretchWindow, clock: Clock) -> float:
    """How much of its area the figure spans in the current step: the most over its first seconds.

    A single instant can catch the figure halfway between two poses, smaller than the step's frame.
    """
    fills = []
    for _ in range(4):
        fills.append(max(ink_box(window.figure)))
        clock.now += 1.5
        window.tick()
    return max(fills)
