"""A day's toggle button: filled with the accent when on, outlined when off, so a glance reads the week.

Fusion draws a checked push button only a shade darker than an unchecked one; painted here, the state
shows at once in light and dark palettes alike, and the focus ring shows where the keyboard is.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QWidget

from backbreak.core.calendarwords import weekdays_short
from backbreak.ui.trayicon import ACCENT


class DayToggle(QPushButton):
    """A checkable button with a short day name ("Mon")."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # As wide as the widest day name, so the week is a row of equal buttons in any language.
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(name) for name in (*weekdays_short(), self.text()))
        return QSize(widest + 20, metrics.height() + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = self.palette()
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
            if self.isChecked():
                painter.setPen(QPen(ACCENT, 1))
                painter.setBrush(ACCENT)
                ink = QColor("#ffffff")
            else:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
                painter.setBrush(palette.color(QPalette.ColorRole.Base))
                ink = palette.color(QPalette.ColorRole.Text)
            painter.drawRoundedRect(box, 5, 5)
            if self.hasFocus():
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(-0.5, -0.5, 0.5, 0.5), 5, 5)
                if self.isChecked():
                    painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1))
                    painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 3, 3)
            painter.setPen(ink)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
