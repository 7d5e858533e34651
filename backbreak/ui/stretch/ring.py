"""The hold ring: counts a hold down, or counts repetitions, with the number large and tabular."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backbreak.ui.trayicon import ACCENT


class HoldRing(QWidget):
    """A ring that empties as time runs out, the big number inside, a caption below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(96, 96)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.fraction = 1.0
        self.number = ""
        self.caption = ""
        self.setAccessibleName("Hold timer")

    def show_count(self, fraction: float, number: str, caption: str) -> None:
        """Set what the ring shows; repaints only on a visible change."""
        fraction = max(0.0, min(1.0, fraction))
        if (round(fraction * 360), number, caption) != (round(self.fraction * 360), self.number, self.caption):
            self.fraction, self.number, self.caption = fraction, number, caption
            self.setAccessibleDescription(f"{number} {caption}".strip())
            self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # A painter left open by an exception crashes the backing store (PLATFORM.md section 10).
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            side = min(self.width(), self.height() - self.fontMetrics().height() * 1.6)
            width = max(4.0, side / 14)
            box = QRectF((self.width() - side) / 2 + width, width, side - 2 * width, side - 2 * width)
            track = QColor(self.palette().color(self.foregroundRole()))
            track.setAlphaF(0.15)
            painter.setPen(QPen(track, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawEllipse(box)
            if self.fraction > 0:
                painter.setPen(QPen(QColor(ACCENT), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawArc(box, 90 * 16, round(360 * 16 * self.fraction))
            painter.setPen(self.palette().color(self.foregroundRole()))
            big = QFont(self.font())
            big.setPointSizeF(max(8.0, box.height() / 4.2))
            painter.setFont(big)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.number)
            painter.setFont(self.font())
            caption_box = QRectF(0, box.bottom() + width, self.width(), self.fontMetrics().height() * 1.5)
            painter.drawText(caption_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.caption)
