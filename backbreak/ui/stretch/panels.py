"""The cards that end a routine: well done, or stopped because it hurt (with the red flags)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from backbreak.core.durations import humanize
from backbreak.core.safety import CAUDA_EQUINA, HURT_ADVICE, RED_FLAGS

ALERT = "#b3261e"  # the one place red is allowed: the red-flag text


def _heading(text: str, scale: float = 1.6) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(label.font().pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class EndPanel(QWidget):
    """Time spent, the sitting clock reset, today's breaks and the streak."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addStretch(1)
        self.heading = _heading("Well done")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.heading)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.body)
        self.done = QPushButton("Back to work")
        self.done.setAccessibleName("Back to work")
        self.done.setDefault(True)
        self.done.clicked.connect(self.close_requested)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setFocusProxy(self.done)

    def show_summary(self, title: str, seconds: float, summary: str) -> None:
        """Fill in the numbers."""
        lines = [f"{title}: {humanize(seconds)} of moving.", "Your sitting clock starts again from zero."]
        if summary:
            lines.append(summary)
        self.body.setText("\n".join(lines))


class HurtPanel(QWidget):
    """Stop, rest, don't push through pain, and the signs that need care instead of stretching."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        layout.addWidget(_heading("Stopped"))
        for line in HURT_ADVICE:
            advice = QLabel(line)
            advice.setWordWrap(True)
            layout.addWidget(advice)
        for heading, signs in RED_FLAGS:
            title = QLabel(heading)
            title.setWordWrap(True)
            title.setStyleSheet(f"color: {ALERT}; font-weight: 600;")
            layout.addWidget(title)
            items = QLabel("\n".join(f"• {sign}" for sign in signs))
            items.setWordWrap(True)
            layout.addWidget(items)
        note = QLabel(CAUDA_EQUINA)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.done = QPushButton("Close")
        self.done.setAccessibleName("Close")
        self.done.clicked.connect(self.close_requested)
        outer.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setFocusProxy(self.done)
        self.setAccessibleName("Stopped: what to do and when to get help")
