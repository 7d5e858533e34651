"""The stretch window with a fake clock: keyboard, pause, sides, the safety stop, motion, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from backbreak.core.body.camera import draw
from backbreak.core.body.placing import place
from backbreak.core.events import Outcome
from backbreak.core.posebook import POSES
from backbreak.core.routines import Routine, builtin_folder, load_routines
from backbreak.core.safety import RED_FLAGS
from backbreak.ui.figure import Inks, paint_drawing
from backbreak.ui.stretch.window import StretchWindow
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots" / "desk-2"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def routine(name: str = "desk-2") -> Routine:
    return load_routines([builtin_folder()]).routines[name]


@pytest.fixture
def clock() -> Clock:
    return Clock()


def open_window(qtbot: QtBot, clock: Clock, name: str = "desk-2", reduced: bool = False) -> StretchWindow:
    window = StretchWindow(routine(name), clock, reduced_motion=reduced, summary=lambda: "Breaks today: 2")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def key(qtbot: QtBot, window: StretchWindow, which: Qt.Key) -> None:
    qtbot.keyClick(window, which)


def finish_animations(window: StretchWindow) -> None:
    for animation in window._animations:
        animation.setCurrentTime(animation.duration())


def test_every_control_has_an_accessible_name(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    names = {button.accessibleName() for button in window.findChildren(QPushButton)}
    assert {"Back", "Pause", "Next", "Stop", "This hurts"} <= names
    assert all(button.accessibleName() for button in window.findChildren(QPushButton))
    assert window.figure.accessibleName()
    assert window.ring.accessibleName()


def test_a_whole_routine_walked_with_the_keyboard(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    titles = []
    for _ in range(len(window.routine.steps)):
        titles.append(window.title.text())
        key(qtbot, window, Qt.Key.Key_Right)
    assert titles == [step.title for step in window.routine.steps]
    assert window.stack.currentWidget() is window.end_panel
    with qtbot.waitSignal(window.end_panel.close_requested, timeout=1000):
        window.end_panel.done.click()


def test_the_routine_plays_by_the_clock_and_completes(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    with qtbot.waitSignal(window.finished) as done:
        for _ in range(130):
            clock.now += 1.0
            window.tick()
    assert done.args == [Outcome.COMPLETED]
    assert "Your sitting clock starts again from zero." in window.end_panel.body.text()
    assert "Breaks today: 2" in window.end_panel.body.text()


def test_the_hold_ring_counts_exactly(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Right)  # the seated twist: 12 s a side
    clock.now += 4.0
    window.tick()
    assert (window.ring.number, window.ring.caption) == ("8", "Hold 12 s · left side")
    clock.now += 8.0 + 1.0
    window.tick()
    assert window.ring.caption == "Switch sides"
    clock.now += 3.0
    window.tick()
    assert window.ring.caption == "Hold 12 s · right side"


def test_pause_really_pauses(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    clock.now += 2.0
    window.tick()
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.pause_button.text() == "Resume"
    before = (window.ring.number, window.ring.caption)
    clock.now += 60.0
    window.tick()
    assert (window.ring.number, window.ring.caption) == before
    assert window.title.text() == "Chin tuck"
    key(qtbot, window, Qt.Key.Key_Space)
    clock.now += 10.0
    window.tick()
    assert window.ring.caption == "Hold 2 s · tuck 3 of 4"  # 12 s in: the hold at the end of the third tuck
    assert window.now.text() == window.ring.caption


def test_back_at_the_first_step_and_next_at_the_last(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    key(qtbot, window, Qt.Key.Key_Left)
    assert window.title.text() == "Chin tuck"
    for _ in range(4):
        key(qtbot, window, Qt.Key.Key_Right)
    assert window.title.text() == "Seated figure-4"
    key(qtbot, window, Qt.Key.Key_Left)
    assert window.title.text() == "Seated twist"
    key(qtbot, window, Qt.Key.Key_Right)
    with qtbot.waitSignal(window.finished) as done:
        key(qtbot, window, Qt.Key.Key_Right)
    assert done.args == [Outcome.COMPLETED]


def test_escape_stops(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    with qtbot.waitSignal(window.finished) as done:
        key(qtbot, window, Qt.Key.Key_Escape)
    assert done.args == [Outcome.STOPPED]
    assert not window.isVisible()


def test_this_hurts_stops_at_once_and_shows_the_red_flags(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    with qtbot.waitSignal(window.finished) as done:
        window.hurt_button.click()
    assert done.args == [Outcome.HURT]
    assert window.stack.currentWidget() is window.hurt_panel
    shown = " ".join(label.text() for label in window.hurt_panel.findChildren(QLabel))
    assert "Do not push through sharp, shooting or spreading pain." in shown
    for heading, signs in RED_FLAGS:
        assert heading in shown
        assert all(sign in shown for sign in signs)
    clock.now += 30.0
    window.tick()
    assert window.stack.currentWidget() is window.hurt_panel  # time no longer moves it


def frame(pose_name: str, mirrored: bool = False) -> QImage:
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    drawing = draw(place(POSES[pose_name]), "side")
    paint_drawing(
        painter, QRectF(0, 0, 200, 200), drawing, drawing.bounds(), mirrored, Inks.of(QColor("black"), QColor("white"))
    )
    painter.end()
    return image


def ink_difference(a: QImage, b: QImage) -> int:
    """How many pixels are inked in one picture and not in the other."""
    return sum(
        (a.pixelColor(x, y).lightness() < 128) != (b.pixelColor(x, y).lightness() < 128)
        for y in range(0, a.height(), 2)
        for x in range(0, a.width(), 2)
    )


def test_the_figure_draws_different_frames_and_mirrors(qtbot: QtBot) -> None:
    assert frame("seated-slump") != frame("seated-tall")
    assert frame("standing-split-stance") != frame("standing-split-stance", mirrored=True)
    original = frame("standing-split-stance")
    mirrored = frame("standing-split-stance", mirrored=True)
    flipped = original.flipped(Qt.Orientation.Horizontal)
    # The mirrored frame is the flipped picture, give or take antialiasing at the half pixel.
    assert ink_difference(mirrored, flipped) < ink_difference(mirrored, original) / 5


def test_reduced_motion_removes_the_slide(qtbot: QtBot, clock: Clock) -> None:
    moving = open_window(qtbot, clock)
    key(qtbot, moving, Qt.Key.Key_Right)
    assert [bytes(a.propertyName().data()) for a in moving._animations] == [b"opacity", b"slide"]
    still = open_window(qtbot, clock, reduced=True)
    key(qtbot, still, Qt.Key.Key_Right)
    assert [bytes(a.propertyName().data()) for a in still._animations] == [b"opacity"]


def test_the_window_reports_steps_and_pauses_for_the_history(qtbot: QtBot, clock: Clock) -> None:
    reports: list[object] = []
    window = StretchWindow(routine(), clock)
    window.step_shown.connect(reports.append)
    window.paused_changed.connect(reports.append)
    qtbot.addWidget(window)
    assert reports == []  # nothing before it shows: whoever made it has not listened yet
    window.show()
    window.toggle_pause()
    window.toggle_pause()
    window.next()
    assert reports == ["desk-2:chin-tuck", True, False, "desk-2:shoulder-rolls"]


def test_screenshots_of_every_card_of_desk_2(qtbot: QtBot, clock: Clock) -> None:
    window = open_window(qtbot, clock)
    window.resize(560, 640)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for index, step in enumerate(window.routine.steps):
        clock.now += 5.0
        window.tick()
        finish_animations(window)
        path = SCREENSHOTS / f"{index + 1:02d}-{step.id}.png"
        assert window.grab().save(str(path))
        key(qtbot, window, Qt.Key.Key_Right)
    finish_animations(window)
    assert window.grab().save(str(SCREENSHOTS / "99-end.png"))
    assert len(list(SCREENSHOTS.glob("*.png"))) == len(window.routine.steps) + 1


@pytest.mark.parametrize("name", ["desk-2", "stand-3", "floor-7", "flare-4", "move"])
def test_every_builtin_routine_can_be_followed_with_the_keyboard(qtbot: QtBot, clock: Clock, name: str) -> None:
    window = open_window(qtbot, clock, name)
    seen = []
    with qtbot.waitSignal(window.finished) as done:
        for _ in range(len(window.routine.steps)):
            seen.append(window.title.text())
            clock.now += 3.0
            window.tick()
            assert window.ring.caption  # every card counts something
            key(qtbot, window, Qt.Key.Key_Right)
    assert seen == [step.title for step in window.routine.steps]
    assert done.args == [Outcome.COMPLETED]
