"""The stretch window's layout: the step card, the end and safety cards, the buttons, and the card's entry.

Layout only (as TagStudio splits views from controllers): it shows what it is given. The controller,
backbreak/ui/stretch/window.py, decides what that is from the routine and the clock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QEasingCurve, QPropertyAnimation, Qt
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.i18n import _
from backbreak.core.routines import Step
from backbreak.ui.figure import FigureView
from backbreak.ui.stretch.dots import ProgressDots
from backbreak.ui.stretch.panels import EndPanel, HurtPanel
from backbreak.ui.stretch.ring import HoldRing
from backbreak.ui.text import text_label

Button = tuple[str, str, str, Callable[[], None]]
"""A button's key, its text, its description (tooltip and screen readers), and what it does."""

FADE_MS = 250
SLIDE_PX = 24


class StretchView(QWidget):
    """The widgets of the stretch window; `on_*` slots are set by the controller."""

    def __init__(self, steps: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slide = 0.0
        self._animations: list[QPropertyAnimation] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(8)
        self.dots = ProgressDots(steps)
        outer.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignHCenter)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.card = self._build_card()
        self.stack.addWidget(self.card)
        self.end_panel = EndPanel()
        self.stack.addWidget(self.end_panel)
        self.hurt_panel = HurtPanel()
        self.stack.addWidget(self.hurt_panel)
        self.controls = QWidget()
        outer.addWidget(self.controls)

    def _build_card(self) -> QWidget:
        """Title; the figure across the whole width; the ring with what happens now and the card's lines."""
        card = QWidget()
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.title = _centred(1.6, bold=True)
        column.addWidget(self.title)
        self.figure = FigureView()
        column.addWidget(self.figure, 1)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.ring = HoldRing()
        row.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(4)
        self.now = text_label("", 1.2, bold=True)
        self.now.setAccessibleName(_("What to do now"))
        words.addWidget(self.now)
        self.lines = text_label("", 1.1)
        words.addWidget(self.lines)
        words.addStretch(1)
        row.addLayout(words, 1)
        column.addLayout(row)
        self.skip_if = text_label("", 0.95)
        self.skip_if.setStyleSheet("color: palette(placeholder-text);")
        column.addWidget(self.skip_if)
        return card

    def show_now(self, fraction: float, number: str, caption: str, small: str = "") -> None:
        """The ring's count and, beside it, what the step does now."""
        if self.ring.show_count(fraction, number, caption, small) and self.now.text() != caption:
            self.now.setText(caption)

    def add_buttons(self, buttons: list[Button], last: Button) -> dict[str, QPushButton]:
        """The row of buttons: `buttons` on the left, `last` ("This hurts") on its own at the right."""
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        made = {}
        for key, text, description, slot in buttons:
            made[key] = _button(text, description, slot)
            row.addWidget(made[key])
        row.addStretch(1)
        made[last[0]] = _button(*last[1:])
        row.addWidget(made[last[0]])
        return made

    def show_step(self, step: Step, index: int, forward: bool, reduced_motion: bool) -> None:
        """Fill the card with `step` and bring it in."""
        self.title.setText(step.title)
        self.lines.setText("\n".join(step.lines))
        self.skip_if.setText(step.skip_if)
        self.skip_if.setVisible(bool(step.skip_if))
        self.dots.set_current(index)
        self._animate_in(forward, reduced_motion)

    def show_panel(self, panel: QWidget) -> None:
        """The end card or the safety card, in place of the steps and the buttons."""
        self.stack.setCurrentWidget(panel)
        self.controls.hide()
        panel.setFocus()

    def _animate_in(self, forward: bool, reduced_motion: bool) -> None:
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
        if not reduced_motion:
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


def _centred(scale: float, bold: bool = False) -> QLabel:
    label = text_label("", scale, bold)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _button(text: str, description: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    button.clicked.connect(slot)
    return button
