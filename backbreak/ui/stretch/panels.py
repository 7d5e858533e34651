"""The cards that end a routine: well done, or stopped because it hurt (with the red flags)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from backbreak.core.durations import humanize
from backbreak.core.i18n import _
from backbreak.core.safety import HURT_ADVICE
from backbreak.ui.text import add_red_flags, scrolling_column, text_label


class EndPanel(QWidget):
    """Time spent, the sitting clock reset, today's breaks and the streak."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addStretch(1)
        self.heading = text_label(_("Well done"), 1.6, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.heading)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.body)
        self.done = QPushButton(_("Back to work"))
        self.done.setAccessibleName(_("Back to work"))
        self.done.setDefault(True)
        self.done.clicked.connect(self.close_requested)
        layout.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setFocusProxy(self.done)

    def show_summary(self, title: str, seconds: float, summary: str) -> None:
        """Fill in the numbers."""
        lines = [
            _("{routine}: {time} of moving.").format(routine=title, time=humanize(seconds)),
            _("Your sitting clock starts again from zero."),
        ]
        if summary:
            lines.append(summary)
        self.body.setText("\n".join(lines))


class HurtPanel(QWidget):
    """Stop, rest, don't push through pain, and the signs that need care instead of stretching."""

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        column = scrolling_column(outer, _("What to do now"))
        column.addWidget(text_label(_("Stopped"), 1.6, bold=True))
        for line in HURT_ADVICE:
            column.addWidget(text_label(_(line)))
        add_red_flags(column)
        column.addStretch(1)
        self.done = QPushButton(_("Close"))
        self.done.setAccessibleName(_("Close"))
        self.done.clicked.connect(self.close_requested)
        outer.addWidget(self.done, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setFocusProxy(self.done)
        self.setAccessibleName(_("Stopped: what to do and when to get help"))
