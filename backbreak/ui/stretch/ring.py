"""The hold ring: counts a hold down, or counts repetitions, with the number large and tabular.

During the hold at the end of a repetition a small count runs under the number. What the step does
now ("Hold 2 s · tuck 3 of 4") is the caption, shown beside the ring by the card (view.py).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backbreak.core.i18n import _
from backbreak.ui.trayicon import ACCENT


class HoldRing(QWidget):
    """A ring that empties as time runs out, the big number inside and a small hold count under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.fraction = 1.0
        self.number = ""
        self.small = ""
        self.caption = ""
        self.setAccessibleName(_("Hold timer"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        side = self.fontMetrics().height() * 5
        return QSize(side, side)

    def show_count(self, fraction: float, number: str, caption: str, small: str = "") -> bool:
        """Set what the ring shows; repaints only on a visible change. Returns whether anything changed."""
        fraction = max(0.0, min(1.0, fraction))
        shown = (round(self.fraction * 360), self.number, self.caption, self.small)
        if (round(fraction * 360), number, caption, small) == shown:
            return False
        self.fraction, self.number, self.caption, self.small = fraction, number, caption, small
        self.setAccessibleDescription(f"{number} {caption}".strip())
        self.update()
        return True

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # A painter left open by an exception crashes the backing store (PLATFORM.md section 10).
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            side = min(self.width(), self.height())
            width = max(4.0, side / 13)
            box = QRectF(
                (self.width() - side) / 2 + width / 2,
                (self.height() - side) / 2 + width / 2,
                side - width,
                side - width,
            )
            ink = self.palette().color(self.foregroundRole())
            track = QColor(ink)
            track.setAlphaF(0.15)
            painter.setPen(QPen(track, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawEllipse(box)
            if self.fraction > 0:
                painter.setPen(QPen(QColor(ACCENT), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawArc(box, 90 * 16, round(360 * 16 * self.fraction))
            painter.setPen(ink)
            big = QFont(self.font())
            big.setPointSizeF(max(8.0, box.height() / (5.2 if len(self.number) > 3 else 4.0)))
            big.setFeature(QFont.Tag("tnum"), 1)  # tabular figures: the count does not jiggle
            painter.setFont(big)
            number_box = box.adjusted(0, 0, 0, -box.height() * 0.18) if self.small else box
            painter.drawText(number_box, Qt.AlignmentFlag.AlignCenter, self.number)
            if self.small:
                note = QFont(self.font())
                note.setPointSizeF(max(7.0, box.height() / 9))
                painter.setFont(note)
                low = QRectF(box.left(), box.center().y() + box.height() * 0.12, box.width(), box.height() * 0.2)
                painter.drawText(low, Qt.AlignmentFlag.AlignCenter, self.small)
