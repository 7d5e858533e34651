"""The stretch window: one card per step, the moving figure, the hold ring, and keyboard control.

Time comes from the injected monotonic clock through core.player.Player, so the ring is exact and a
test walks a whole routine without waiting. Keys: Space pauses or resumes, Left goes back, Right goes
on, Esc stops. "This hurts" stops at once and shows what to do and the red flags. The layout is
backbreak/ui/stretch/view.py; this module decides what it shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from backbreak.core.animation import StepFigure
from backbreak.core.durations import humanize, seconds_words
from backbreak.core.events import Outcome
from backbreak.core.i18n import _, mid_sentence
from backbreak.core.player import Player, Position
from backbreak.core.routines import Routine, Step
from backbreak.ports import Timers
from backbreak.runtime.timers import QT_TIMERS
from backbreak.ui.stretch.view import StretchView

FRAME_MS = 16  # about the display's rate; the timer runs only while the window shows and is not paused
BREATH_PERIOD = 5.0
BREATH_STEPS = 24  # a held pose breathes in this many small steps per breath: few repaints, still smooth


def ring_text(step: Step, position: Position) -> tuple[float, str, str, str]:
    """What the hold ring shows: the fraction left, the number in it, what happens now, and a small count.

    The caption names what the step does at this moment: "Tuck 3 of 4", "Hold 2 s · tuck 3 of 4",
    "Hold 20 s · left side", "Roll onto your side", "Breath 2 of 5".
    """
    seconds = math.ceil(position.remaining - 1e-9)
    total = position.elapsed + position.remaining
    fraction = position.remaining / total if total else 0.0
    if position.kind == "ready":
        return fraction, str(seconds), _("Get ready"), ""
    if position.kind == "switch":
        return fraction, str(seconds), _("Switch sides"), ""
    now = position.moment
    part = step.parts[now.part]
    if now.reps:
        label = part.label or _("Rep")
        if now.holding:
            left = math.ceil(now.hold_left - 1e-9)
            # i18n: a hold within a repetition, like "Hold 2 s · tuck 3 of 4" ({label} is the routine's word for one)
            said = _("Hold {time} · {label} {rep} of {reps}").format(
                time=seconds_words(left), label=mid_sentence(label), rep=now.rep, reps=now.reps
            )
            return fraction, f"{now.rep}/{now.reps}", with_side(said, position.side), hold_words(left)
        # i18n: a repetition's label and count, like "Tuck 3 of 4" ({label} is the routine's word for one)
        said = _("{label} {rep} of {reps}").format(label=label, rep=now.rep, reps=now.reps)
        return fraction, f"{now.rep}/{now.reps}", with_side(said, position.side), ""
    if part.motion == "hold":
        said = _("Hold {time}").format(time=humanize(part.seconds))
        return fraction, str(seconds), with_side(said, position.side), ""
    return fraction, str(seconds), with_side(part.label or step.title, position.side), ""


def with_side(said: str, side: str) -> str:
    """What the step does, and on which side: "Hold 20 s · left side"."""
    if side == "left":
        return _("{doing} · left side").format(doing=said)
    if side == "right":
        return _("{doing} · right side").format(doing=said)
    return said


def hold_words(seconds: int) -> str:
    """The small count under the number in the ring during a hold: "hold 2"."""
    # i18n: small, under the repetition count inside the ring: seconds left of a hold, like "hold 2"
    return _("hold {n}").format(n=seconds)


class StretchWindow(StretchView):
    """Plays one routine.

    Signals:
        finished: Outcome, once, when the routine completes, is stopped, or stopped because it hurt.
        step_shown: the id of each card as it shows ("desk-2:chin-tuck"), for the history.
        paused_changed: True when the routine is paused, False when it goes on.
    """

    finished = Signal(object)
    step_shown = Signal(str)
    paused_changed = Signal(bool)

    def __init__(
        self,
        routine: Routine,
        clock: Callable[[], float],
        reduced_motion: bool = False,
        summary: Callable[[], str] = lambda: "",
        timers: Timers = QT_TIMERS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(len(routine.steps), parent)
        self.routine = routine
        self._clock = clock
        self.reduced_motion = reduced_motion
        self._summary = summary
        self.player = Player(routine, clock())
        self._outcome: Outcome | None = None
        self._shown_step = -1
        self._figures: dict[int, StepFigure] = {}
        self.setWindowTitle(_("Stretch break · {routine}").format(routine=routine.title))
        self.setObjectName("stretch-window")
        self.setAccessibleName(_("Stretch break: {routine}").format(routine=routine.title))
        self.resize(560, 640)
        buttons = self.add_buttons(
            [
                ("back", _("Back"), _("Back to the previous step (Left arrow)"), self.back),
                ("pause", _("Pause"), _("Pause or resume (Space)"), self.toggle_pause),
                ("next", _("Next"), _("On to the next step (Right arrow)"), self.next),
                ("stop", _("Stop"), _("Stop the routine (Esc)"), self.stop),
            ],
            ("hurt", _("This hurts"), _("Stop at once and see what to do"), self.hurt),
        )
        self.pause_button, self.hurt_button = buttons["pause"], buttons["hurt"]
        self.end_panel.close_requested.connect(self.close)
        self.hurt_panel.close_requested.connect(self.close)
        self._frames = timers.repeating(self, self.tick)
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Left, self.back),
            (Qt.Key.Key_Right, self.next),
            (Qt.Key.Key_Escape, self.stop),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def open_near_mouse(self) -> None:
        """Show centred on the screen with the mouse, in front."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            # About 560 x 640, but never larger than the screen (at 200 % a laptop screen is small).
            room = screen.availableGeometry()
            self.resize(min(560, int(room.width() * 0.92)), min(640, int(room.height() * 0.92)))
            frame = self.frameGeometry()
            frame.moveCenter(room.center())
            self.move(frame.topLeft())
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # The first card comes with the first show, once whoever made the window listens to it.
        self.tick()
        if self._outcome is None and not self.player.paused:
            self._frames.start(FRAME_MS)

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self._frames.stop()

    # ------------------------------------------------------------------ actions
    def toggle_pause(self) -> None:
        """Pause or resume the routine (Space)."""
        if self._outcome is not None:
            return
        self.player.toggle(self._clock())
        paused = self.player.paused
        self.pause_button.setText(_("Resume") if paused else _("Pause"))
        self.pause_button.setAccessibleName(_("Resume") if paused else _("Pause"))
        self.paused_changed.emit(paused)
        if paused:
            self._frames.stop()
        elif self.isVisible():
            self._frames.start(FRAME_MS)
        self.tick()

    def next(self) -> None:
        """Go on to the next step (Right); after the last one, the end card."""
        if self._outcome is None:
            self.player.next(self._clock())
            self.tick()

    def back(self) -> None:
        """Go back a step (Left); at the first step, start it again."""
        if self._outcome is None:
            self.player.back(self._clock())
            self.tick()

    def stop(self) -> None:
        """Stop now (Esc); on the end or safety card, Esc closes the window."""
        if self._outcome is None:
            self._finish(Outcome.STOPPED)
        self.close()

    def hurt(self) -> None:
        """Stop at once and show what to do and the red flags."""
        if self._outcome is None:
            self._finish(Outcome.HURT)
            self.show_panel(self.hurt_panel)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._outcome is None:
            self._finish(Outcome.STOPPED)
        super().closeEvent(event)

    def _finish(self, outcome: Outcome) -> None:
        self._outcome = outcome
        self._frames.stop()
        self.finished.emit(outcome)

    # ------------------------------------------------------------------ time
    def tick(self) -> None:
        """Bring the card, ring and figure up to the clock."""
        if self._outcome is not None:
            return
        now_s = self._clock()
        position = self.player.at(now_s, self.reduced_motion)
        if position.finished:
            self._finish(Outcome.COMPLETED)
            self.end_panel.show_summary(self.routine.title, now_s - self.player.began, self._summary())
            self.show_panel(self.end_panel)
            return
        step = self.routine.steps[position.step]
        if position.step != self._shown_step:
            forward = position.step > self._shown_step
            self._shown_step = position.step
            self.show_step(step, position.step, forward, self.reduced_motion)
            self.step_shown.emit(f"{self.routine.name}:{step.id}")
        self.show_now(*ring_text(step, position))
        figure = self._figure(position.step)
        now = position.moment
        breath = 0.0
        holding = position.kind == "work" and now.holding and now.phase is None
        if holding and not self.reduced_motion:
            wave = 0.5 - 0.5 * math.cos(2 * math.pi * now.held / BREATH_PERIOD)
            breath = round(wave * BREATH_STEPS) / BREATH_STEPS
        ghost = figure.ghost(now.part) if self.reduced_motion and position.kind == "work" else None
        arrow = figure.arrow(now.part) if self._shows_arrow(position) else ()
        self.figure.show_drawing(figure.drawing(now, breath), figure.bounds, position.mirrored, ghost, arrow)

    def _figure(self, index: int) -> StepFigure:
        """The figure of step `index`, made when the step first shows."""
        if index not in self._figures:
            self._figures[index] = StepFigure(self.routine.steps[index])
        return self._figures[index]

    def _shows_arrow(self, position: Position) -> bool:
        """The arrow shows the way while the figure moves out to the pose it holds (always, when still)."""
        if position.kind != "work":
            return False
        if self.reduced_motion:
            return True
        now = position.moment
        return now.phase is None and not now.holding and now.end != 0 and now.t < 1.0
