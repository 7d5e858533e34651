"""The stretch window: one card per step, the moving figure, the hold ring, and keyboard control.

Time comes from the injected monotonic clock through core.player.Player, so the ring is exact and a
test walks a whole routine without waiting. Keys: Space pauses or resumes, Left goes back, Right goes
on, Esc stops. "This hurts" stops at once and shows what to do and the red flags.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Property, QEasingCurve, QPropertyAnimation, Qt, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.durations import humanize
from backbreak.core.events import Outcome
from backbreak.core.player import Player, Position, pose_at
from backbreak.core.routines import Routine
from backbreak.runtime.timers import repeating
from backbreak.ui.figure import FigureView
from backbreak.ui.stretch.dots import ProgressDots
from backbreak.ui.stretch.panels import EndPanel, HurtPanel
from backbreak.ui.stretch.ring import HoldRing

FRAME_MS = 16  # about the display's rate; the timer runs only while the window shows and is not paused
FADE_MS = 250
SLIDE_PX = 24
BREATH_PERIOD = 5.0


class StretchWindow(QWidget):
    """Plays one routine.

    Signals:
        finished: Outcome, once, when the routine completes, is stopped, or stopped because it hurt.
        reported: (event, detail) for the history: "step", "paused", "resumed".
    """

    finished = Signal(object)
    reported = Signal(str, str)

    def __init__(
        self,
        routine: Routine,
        clock: Callable[[], float],
        reduced_motion: bool = False,
        summary: Callable[[], str] = lambda: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine = routine
        self._clock = clock
        self.reduced_motion = reduced_motion
        self._summary = summary
        self.player = Player(routine, clock())
        self._outcome: Outcome | None = None
        self._shown_step = -1
        self._slide = 0.0
        self.setWindowTitle(f"Stretch break · {routine.title}")
        self.setObjectName("stretch-window")
        self.setAccessibleName(f"Stretch break: {routine.title}")
        self.resize(560, 640)
        self._build()
        self._frames = repeating(self, FRAME_MS, self.tick)
        self._animations: list[QPropertyAnimation] = []
        self._keys()
        self.tick()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(8)
        self.dots = ProgressDots(len(self.routine.steps))
        outer.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignHCenter)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)

        self.card = QWidget()
        card = QVBoxLayout(self.card)
        card.setSpacing(8)
        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.6)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title_font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.title.setWordWrap(True)
        card.addWidget(self.title)
        middle = QHBoxLayout()
        self.figure = FigureView()
        middle.addWidget(self.figure, 3)
        self.ring = HoldRing()
        middle.addWidget(self.ring, 2)
        card.addLayout(middle, 1)
        self.lines = QLabel()
        line_font = QFont(self.font())
        line_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        self.lines.setFont(line_font)
        self.lines.setWordWrap(True)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        card.addWidget(self.lines)
        self.skip_if = QLabel()
        self.skip_if.setWordWrap(True)
        self.skip_if.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.skip_if.setStyleSheet("color: palette(placeholder-text);")
        card.addWidget(self.skip_if)
        self.stack.addWidget(self.card)

        self.end_panel = EndPanel()
        self.end_panel.close_requested.connect(self.close)
        self.stack.addWidget(self.end_panel)
        self.hurt_panel = HurtPanel()
        self.hurt_panel.close_requested.connect(self.close)
        self.stack.addWidget(self.hurt_panel)

        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.back_button = self._button("Back", "Back to the previous step (Left arrow)", self.back)
        self.pause_button = self._button("Pause", "Pause or resume (Space)", self.toggle_pause)
        self.next_button = self._button("Next", "On to the next step (Right arrow)", self.next)
        self.stop_button = self._button("Stop", "Stop the routine (Esc)", self.stop)
        for button in (self.back_button, self.pause_button, self.next_button, self.stop_button):
            row.addWidget(button)
        row.addStretch(1)
        self.hurt_button = self._button("This hurts", "Stop at once and see what to do", self.hurt)
        row.addWidget(self.hurt_button)
        outer.addWidget(self.controls)

    def _button(self, text: str, description: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(slot)
        return button

    def _keys(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_pause),
            (Qt.Key.Key_Left, self.back),
            (Qt.Key.Key_Right, self.next),
            (Qt.Key.Key_Escape, self.stop),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ showing
    def open_near_mouse(self) -> None:
        """Show centred on the screen with the mouse, in front."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            # About 560 x 640, but never larger than the screen (at 200 % a laptop screen is small).
            room = screen.availableGeometry()
            self.resize(min(560, int(room.width() * 0.92)), min(640, int(room.height() * 0.92)))
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        if self._outcome is None and not self.player.paused:
            self._frames.start()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self._frames.stop()

    # ------------------------------------------------------------------ actions
    def toggle_pause(self) -> None:
        """Pause or resume the routine (Space)."""
        if self._outcome is not None:
            return
        self.player.toggle(self._clock())
        paused = self.player.paused
        self.pause_button.setText("Resume" if paused else "Pause")
        self.pause_button.setAccessibleName("Resume" if paused else "Pause")
        self.reported.emit("paused" if paused else "resumed", self.routine.name)
        if paused:
            self._frames.stop()
        elif self.isVisible():
            self._frames.start()
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
            self.stack.setCurrentWidget(self.hurt_panel)
            self.controls.hide()
            self.hurt_panel.setFocus()

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
        now = self._clock()
        position = self.player.at(now)
        if position.finished:
            self._complete(now)
            return
        step = self.routine.steps[position.step]
        if position.step != self._shown_step:
            self._show_step(position.step)
        self.ring.show_count(*self._ring_text(position))
        pose, mirrored = pose_at(step, position, self.reduced_motion)
        holding = position.kind == "work" and not step.reps and not step.pose_seconds
        bob = 0.0
        if holding and not self.reduced_motion:
            bob = 1.5 * math.sin(2 * math.pi * (now - self.player.began) / BREATH_PERIOD)
        self.figure.show_pose(pose, mirrored, step.highlight, bob)

    def _ring_text(self, position: Position) -> tuple[float, str, str]:
        step = self.routine.steps[position.step]
        seconds = math.ceil(position.remaining - 1e-9)
        total = position.elapsed + position.remaining
        side = f" · {position.side} side" if position.side else ""
        if position.kind == "ready":
            return position.remaining / total if total else 0.0, str(seconds), "Get ready"
        if position.kind == "switch":
            return position.remaining / total if total else 0.0, str(seconds), "Switch sides"
        if step.reps:
            fraction = 1.0 - (position.rep - 1) / step.reps
            return fraction, f"{position.rep}/{step.reps}", f"Rep {position.rep} of {step.reps}{side}"
        verb = "Keep moving" if step.pose_seconds else f"Hold {humanize(step.seconds)}"
        return position.remaining / total if total else 0.0, str(seconds), f"{verb}{side}"

    def _show_step(self, index: int) -> None:
        step = self.routine.steps[index]
        forward = index > self._shown_step
        self._shown_step = index
        self.title.setText(step.title)
        self.lines.setText("\n".join(step.lines))
        self.skip_if.setText(step.skip_if)
        self.skip_if.setVisible(bool(step.skip_if))
        self.dots.set_current(index)
        self.back_button.setEnabled(True)
        self.reported.emit("step", f"{self.routine.name}:{step.id}")
        self._animate_in(forward)

    def _animate_in(self, forward: bool) -> None:
        for animation in self._animations:
            animation.stop()
        self._animations = []
        # The opacity effect renders the card offscreen, so it lives only while the card fades in
        # (shared/PLATFORM.md section 10: 1.5-3 ms a frame with it, none without).
        effect = QGraphicsOpacityEffect(self.card)
        effect.setOpacity(0.0)
        self.card.setGraphicsEffect(effect)
        fade = QPropertyAnimation(effect, b"opacity", self)
        fade.setDuration(FADE_MS)
        fade.setStartValue(0.0)
        fade.setEndValue(1.0)
        fade.setEasingCurve(QEasingCurve.Type.InOutCubic)
        fade.finished.connect(lambda: self.card.setGraphicsEffect(None))  # type: ignore[arg-type]  # Qt takes nullptr
        self._animations.append(fade)
        if not self.reduced_motion:
            slide = QPropertyAnimation(self, b"slide", self)
            slide.setDuration(FADE_MS)
            slide.setStartValue(float(SLIDE_PX if forward else -SLIDE_PX))
            slide.setEndValue(0.0)
            slide.setEasingCurve(QEasingCurve.Type.OutCubic)
            self._animations.append(slide)
        for animation in self._animations:
            animation.start()

    def _get_slide(self) -> float:
        return self._slide

    def _set_slide(self, value: float) -> None:
        self._slide = value
        margin = round(value)
        self.card.setContentsMargins(max(0, margin), 0, max(0, -margin), 0)

    slide = Property(float, _get_slide, _set_slide)

    def _complete(self, now: float) -> None:
        spent = now - self.player.began
        self._finish(Outcome.COMPLETED)
        self.end_panel.show_summary(self.routine.title, spent, self._summary())
        self.stack.setCurrentWidget(self.end_panel)
        self.controls.hide()
        self.end_panel.setFocus()
