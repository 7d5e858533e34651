"""The figure as painted in the stretch window: it fills its area at every size and at 200 %, light and
dark; the ring names what the step does now; reduced motion shows the end pose still; and the contact
sheet of every pose and every step's key frames is written for review."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from backbreak.core.posebook import POSES
from backbreak.ui.figure import Inks
from backbreak.ui.stretch.window import StretchWindow
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.qt.contact_sheet import CELL_H, CELL_W, COLUMNS, all_cells, render
from tests.qt.figure_checks import ROUTINES, SHOTS, Clock, routine, step_fill, walk_steps

ROOT = Path(__file__).resolve().parents[2]
FILLS = 0.8  # the figure spans at least this share of its area's width or height


Size = tuple[int, int]


def open_window(qtbot: QtBot, name: str, reduced: bool = False, size: Size = (560, 640)) -> tuple[StretchWindow, Clock]:
    clock = Clock()
    window = StretchWindow(routine(name), clock, reduced_motion=reduced)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window, clock


def test_the_contact_sheet_shows_every_pose_and_every_steps_key_frames_light_and_dark(qtbot: QtBot) -> None:
    cells = all_cells()
    assert {cell.caption for cell in cells} >= set(POSES)
    assert len(cells) > len(POSES) + 100  # every step's key frames, halfway frames and other side
    image = render(cells, SHOTS / "contact-sheet.png")
    assert (SHOTS / "contact-sheet.png").stat().st_size > 100_000
    half = COLUMNS * CELL_W
    for index in range(len(cells)):
        for offset in (0, half):  # light, then dark: every cell has a figure in it
            x, y = offset + (index % COLUMNS) * CELL_W, (index // COLUMNS) * CELL_H
            paper = QColor(image.pixel(x + 2, y + CELL_H - 3)).lightness()
            inked = sum(
                abs(QColor(image.pixel(x + dx, y + dy)).lightness() - paper) > 40
                for dx in range(8, CELL_W - 8, 6)
                for dy in range(30, CELL_H - 8, 6)
            )
            assert inked > 40, cells[index].caption


@pytest.mark.parametrize("size", [(560, 640), (820, 720), (420, 560)])
@pytest.mark.parametrize("name", ROUTINES)
def test_the_figure_fills_its_area_at_every_step(qtbot: QtBot, name: str, size: tuple[int, int]) -> None:
    window, clock = open_window(qtbot, name, size=size)
    small = {}

    def check(index: int) -> None:
        fill = step_fill(window, clock)
        if fill < FILLS:
            small[window.routine.steps[index].id] = round(fill, 2)

    walk_steps(window, clock, check)
    assert small == {}


def test_at_200_percent_the_figure_still_fills_its_area_light_and_dark(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "hidpi", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    (SHOTS / "stretch").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "2"}
    command = [sys.executable, "-m", "tests.qt.stretch_scaled"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["scale"] == 2.0
    assert found["window"][1] <= 540  # it fits the 960 x 540 logical screen
    assert len(found["fills"]) == 2 * sum(len(routine(name).steps) for name in ROUTINES)
    assert {step: fill for step, fill in found["fills"].items() if fill < FILLS} == {}


def test_the_ring_names_what_the_step_does_now(qtbot: QtBot) -> None:
    window, clock = open_window(qtbot, "desk-2")
    said = []
    for seconds in (0.5, 1.0, 10.0):  # the first tuck moving, holding, then the third rep
        clock.now = 100.0 + seconds
        window.tick()
        said.append((window.ring.number, window.ring.caption, window.ring.small))
    assert said == [
        ("1/4", "Tuck 1 of 4", ""),
        ("1/4", "Hold 3 s · tuck 1 of 4", "hold 3"),
        ("3/4", "Tuck 3 of 4", ""),
    ]
    assert window.now.text() == "Tuck 3 of 4"
    window.next()  # shoulder rolls, then squeezes
    clock.now += 2.5
    window.tick()
    assert window.ring.caption == "Roll 2 of 5"
    clock.now += 10.0
    window.tick()
    assert window.ring.caption == "Hold 2 s · squeeze 1 of 2"


@pytest.mark.parametrize(
    ("name", "step", "seconds", "caption"),
    [
        ("flare-4", 0, 7.0, "Breath 2 of 5"),
        ("floor-7", 7, 1.0, "Roll onto your side"),
        ("floor-7", 7, 6.0, "Push up to hands and knees"),
        ("stand-3", 0, 3.0, "Walk at an easy pace"),
        ("stand-3", 2, 3.0, "Hold 18 s · left side"),
        ("floor-7", 3, 6.5, "Roll 2 of 8 · right side"),
        ("floor-7", 3, 8.0, "Hold 3 s · roll 2 of 8 · right side"),
    ],
)
def test_every_kind_of_step_says_what_it_does(qtbot: QtBot, name: str, step: int, seconds: float, caption: str) -> None:
    window, clock = open_window(qtbot, name)
    for _ in range(step):
        window.next()
    clock.now += seconds
    window.tick()
    assert window.ring.caption == caption
    assert "Keep moving" not in window.ring.caption


def test_reduced_motion_shows_the_end_pose_still_with_where_it_began(qtbot: QtBot) -> None:
    window, clock = open_window(qtbot, "desk-2", reduced=True)
    drawings = []
    for seconds in (0.2, 1.3, 2.9, 4.4):
        clock.now = 100.0 + seconds
        window.tick()
        drawings.append(window.figure.drawing)
    assert all(d == drawings[0] for d in drawings)  # still: no in-between frame, no breathing
    assert window.figure.ghost is not None  # the start pose, faint
    assert window.figure.arrow  # and the way from it


def test_a_hold_breathes_but_a_still_figure_does_not(qtbot: QtBot) -> None:
    moving, clock = open_window(qtbot, "stand-3")
    moving.next()
    moving.next()  # the standing hip-flexor stretch: an 18 s hold
    clock.now += 8.0  # well into the hold
    moving.tick()
    breathing_out = moving.figure.drawing
    clock.now += 2.5  # half a breath later
    moving.tick()
    assert moving.figure.drawing != breathing_out  # the belly and shoulders rise and fall a little


def test_the_dark_palette_draws_a_light_figure_and_the_light_a_dark_one() -> None:
    light = Inks.of(QColor("#202124"), QColor("#efefef"))
    dark = Inks.of(QColor("#e8eaed"), QColor("#202124"))
    assert light.body.lightness() < 110 < dark.body.lightness()
    for inks, background in ((light, QColor("#efefef")), (dark, QColor("#202124"))):
        assert abs(inks.far.lightness() - background.lightness()) > 50  # the far limbs still read
        assert abs(inks.hair.lightness() - inks.body.lightness()) > 15


def test_a_screenshot_of_the_window_for_the_readme_and_the_metadata(qtbot: QtBot) -> None:
    window, clock = open_window(qtbot, "floor-7", size=(560, 640))
    for _ in range(9):
        window.next()  # child's pose
    clock.now += 8.0
    window.tick()
    for animation in window._animations:
        animation.setCurrentTime(animation.duration())
    path = SHOTS / "stretch-window.png"
    assert window.grab().save(str(path))
    shot = QImage(str(path))
    assert (shot.width(), shot.height()) == (560, 640)
    # The copy kept for the README and the AppStream metadata is this same window (refresh it by copying
    # tests/screenshots/stretch-window.png to packaging/screenshots/ when the figure changes).
    kept = QImage(str(ROOT / "packaging" / "screenshots" / "stretch-window.png"))
    assert (kept.width(), kept.height()) == (560, 640)
