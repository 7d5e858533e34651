"""The contact sheet: every key pose, and every step's key frames, light and dark, in one PNG for review.

A physiotherapist (or anyone changing a pose) looks at tests/screenshots/contact-sheet.png: each cell
is named, the left half is the light palette and the right half the dark one. Step frames are drawn
with the step's own frame (bounds), as the window shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from backbreak.core.animation import StepFigure
from backbreak.core.body.camera import Drawing, draw
from backbreak.core.body.placing import place
from backbreak.core.motion import Moment, still_pose
from backbreak.core.posebook import POSES
from backbreak.core.routines import Routine, builtin_folder, load_routines
from backbreak.ui.figure import Inks, paint_drawing
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

CELL_W, CELL_H, COLUMNS, CAPTION = 240, 200, 6, 18
THEMES = {"light": ("#202124", "#efefef"), "dark": ("#e8eaed", "#202124")}


@dataclass(frozen=True)
class Cell:
    """One picture on the sheet."""

    caption: str
    drawing: Drawing
    bounds: tuple[float, float, float, float]
    mirrored: bool = False
    ghost: Drawing | None = None
    arrow: tuple[tuple[float, float], ...] = ()


def routines() -> dict[str, Routine]:
    return load_routines([builtin_folder()]).routines


def pose_views() -> dict[str, str]:
    """Each pose in the view of the first step that shows it (else from the side)."""
    views: dict[str, str] = {}
    for routine in routines().values():
        for step in routine.steps:
            for name in step.poses:
                views.setdefault(name, step.view)
    return views


def pose_cells() -> Iterator[Cell]:
    views = pose_views()
    for name, pose in POSES.items():
        drawing = draw(place(pose), views.get(name, "side"), "", pose.props)
        yield Cell(name, drawing, drawing.bounds())


def step_moments(figure: StepFigure) -> Iterator[tuple[str, Moment]]:
    """The key frames of a step: each key pose, the halfway frame between them, a flow at four phases."""
    for index, part in enumerate(figure.step.parts):
        label = f" {index + 1}" if len(figure.step.parts) > 1 else ""
        if part.motion == "flow":
            for k in range(4):
                yield f"{label} loop {k}/4", Moment(index, 0, 0, 0.0, phase=k / 4)
            continue
        for k, pose in enumerate(part.poses):
            yield f"{label} {pose}", Moment(index, k, k, 1.0)
            if k + 1 < len(part.poses):
                yield f"{label} halfway", Moment(index, k, k + 1, 0.5)


def step_cells() -> Iterator[Cell]:
    for routine in routines().values():
        for step in routine.steps:
            figure = StepFigure(step)
            for label, moment in step_moments(figure):
                yield Cell(f"{routine.name}/{step.id}{label}", figure.drawing(moment), figure.bounds)
            if step.sides in ("left-right", "alternate"):
                part = step.parts[0]
                held = still_pose(part)
                right = figure.drawing(Moment(0, held, held, 1.0))
                yield Cell(f"{routine.name}/{step.id} right side", right, figure.bounds, mirrored=True)
            ghost = figure.ghost(0)
            if ghost is not None:
                held = still_pose(step.parts[0])
                still = figure.drawing(Moment(0, held, held, 1.0))
                yield Cell(f"{routine.name}/{step.id} still", still, figure.bounds, ghost=ghost, arrow=figure.arrow(0))


def all_cells() -> list[Cell]:
    return [*pose_cells(), *step_cells()]


def render(cells: list[Cell], path: Path) -> QImage:
    """Draw `cells` light (left) and dark (right) into one image, save it to `path` and return it."""
    rows = (len(cells) + COLUMNS - 1) // COLUMNS
    half = COLUMNS * CELL_W
    image = QImage(2 * half, rows * CELL_H, QImage.Format.Format_RGB32)
    with QPainter(image) as painter:
        font = QFont(painter.font())
        font.setPixelSize(11)
        painter.setFont(font)
        for offset, (ink_name, background_name) in zip((0, half), THEMES.values(), strict=True):
            ink, background = QColor(ink_name), QColor(background_name)
            painter.fillRect(offset, 0, half, image.height(), background)
            inks = Inks.of(ink, background)
            for index, cell in enumerate(cells):
                x, y = offset + (index % COLUMNS) * CELL_W, (index // COLUMNS) * CELL_H
                area = QRectF(x + 4, y + CAPTION, CELL_W - 8, CELL_H - CAPTION - 4)
                paint_drawing(painter, area, cell.drawing, cell.bounds, cell.mirrored, inks, cell.ghost, cell.arrow)
                painter.setPen(ink)
                painter.drawText(QRectF(x + 4, y + 2, CELL_W - 8, CAPTION), Qt.AlignmentFlag.AlignLeft, cell.caption)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    return image
