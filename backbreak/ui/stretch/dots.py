"""Progress dots: one per step, the current one in the accent colour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from backbreak.core.i18n import _
from backbreak.ui.trayicon import ACCENT

DOT, GAP = 8, 8


class ProgressDots(QWidget):
    """How far through the routine: done, current, to come."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self.current = 0
        self.setAccessibleName(_("Progress"))
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.count * (DOT + GAP), DOT * 2)

    def set_current(self, index: int) -> None:
        """Mark step `index` as the current one."""
        self.current = index
        self.setAccessibleDescription(_("Step {n} of {count}").format(n=index + 1, count=self.count))
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # A painter left open by an exception crashes the backing store (PLATFORM.md section 10).
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            ink = QColor(self.palette().color(self.foregroundRole()))
            for index in range(self.count):
                colour = QColor(ACCENT) if index == self.current else QColor(ink)
                if index > self.current:
                    colour.setAlphaF(0.25)
                elif index < self.current:
                    colour.setAlphaF(0.6)
                painter.setBrush(colour)
                centre = QPointF(GAP / 2 + DOT / 2 + index * (DOT + GAP), self.height() / 2)
                painter.drawEllipse(centre, DOT / 2, DOT / 2)
