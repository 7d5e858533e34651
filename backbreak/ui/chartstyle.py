"""What the statistics charts share: colours from the palette, axis steps, and the small drawing pieces.

One accent: teal is the breaks, the good news of the day. Sitting is a neutral grey mixed from the
palette's text and window colours, so it reads in light and dark palettes and never looks like an alarm.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from backbreak.core.durations import hours_and_minutes, minutes_words
from backbreak.core.i18n import _
from backbreak.ui.trayicon import ACCENT

MINUTE, HOUR = 60.0, 3600.0


@dataclass(frozen=True)
class Inks:
    """The colours of one palette."""

    text: QColor
    muted: QColor
    grid: QColor
    sitting: QColor
    sitting_long: QColor
    accent: QColor
    accent_soft: QColor
    away: QColor
    ground: QColor
    pick: QColor

    @staticmethod
    def of(palette: QPalette) -> Inks:
        """The chart colours for `palette` (light or dark)."""
        text = palette.color(QPalette.ColorRole.WindowText)
        ground = palette.color(QPalette.ColorRole.Window)
        return Inks(
            text=text,
            muted=mix(text, ground, 0.68),
            grid=mix(text, ground, 0.16),
            sitting=mix(text, ground, 0.36),
            sitting_long=mix(text, ground, 0.6),
            accent=QColor(ACCENT),
            accent_soft=mix(QColor(ACCENT), ground, 0.5),
            away=mix(text, ground, 0.22),
            ground=ground,
            pick=mix(QColor(ACCENT), ground, 0.16),
        )


def mix(front: QColor, back: QColor, amount: float) -> QColor:
    """`amount` of `front` over `back`, opaque."""
    return QColor.fromRgbF(
        front.redF() * amount + back.redF() * (1 - amount),
        front.greenF() * amount + back.greenF() * (1 - amount),
        front.blueF() * amount + back.blueF() * (1 - amount),
    )


def axis_step(top: float, steps: Sequence[float], most_ticks: int = 4) -> tuple[float, float]:
    """(step, axis top): the smallest step from `steps` giving at most `most_ticks` ticks above zero."""
    for step in steps:
        ticks = max(1, math.ceil(top / step - 1e-9))
        if ticks <= most_ticks:
            return step, ticks * step
    step = steps[-1]
    return step, max(1, math.ceil(top / step - 1e-9)) * step


def minutes_label(seconds: float) -> str:
    """An axis label for a span: "30 min", "1 h", "1 h 30 min"."""
    minutes = round(seconds / MINUTE)
    if minutes < 60:
        return minutes_words(minutes)
    return hours_and_minutes(*divmod(minutes, 60))


def small_font(base: QFont, scale: float = 0.9, bold: bool = False) -> QFont:
    """A smaller (or bold) copy of `base` for labels."""
    font = QFont(base)
    font.setPointSizeF(max(6.0, base.pointSizeF() * scale))
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def text_width(font: QFont, text: str) -> float:
    """How wide `text` is in `font`."""
    return QFontMetricsF(font).horizontalAdvance(text)


@dataclass
class Canvas:
    """A painter with the chart's colours, noting every label it writes (tests read them back)."""

    painter: QPainter
    inks: Inks
    texts: list[tuple[str, QRectF]] = field(default_factory=list)

    def text(
        self, box: QRectF, text: str, align: Qt.AlignmentFlag, colour: QColor, ground: QColor | None = None
    ) -> None:
        """Text in `box`, never outside it: shortened with "…" if it does not fit.

        On `ground` if given, so a grid or guide line behind it does not run through the letters.
        """
        metrics = QFontMetricsF(self.painter.font())
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
        if not shown or box.width() <= 0:
            return
        flags = int(align | Qt.AlignmentFlag.AlignVCenter)
        width = min(box.width(), metrics.horizontalAdvance(shown))
        left = {_LEFT: box.left(), _RIGHT: box.right() - width}.get(align, box.center().x() - width / 2)
        height = min(box.height(), metrics.height())
        used = QRectF(left, box.center().y() - height / 2, width, height)
        if ground is not None:
            self.painter.fillRect(used.adjusted(-2, 0, 2, 0).intersected(box), ground)
        self.painter.setPen(colour)
        self.painter.drawText(box, flags, shown)
        self.texts.append((shown, used))

    def legend(self, box: QRectF, items: Sequence[tuple[QColor | QBrush, str]]) -> None:
        """Swatches with their words, left to right from the box's left edge, as many as fit."""
        metrics = QFontMetricsF(self.painter.font())
        size = min(box.height(), metrics.height()) * 0.7
        x = box.left()
        for fill, words in items:
            needed = size + 6 + metrics.horizontalAdvance(words)
            if x + needed > box.right():
                break
            swatch = QRectF(x, box.center().y() - size / 2, size, size)
            self.painter.setPen(Qt.PenStyle.NoPen)
            self.painter.setBrush(fill)
            self.painter.drawRoundedRect(swatch, 2, 2)
            self.text(QRectF(x + size + 6, box.top(), needed - size - 6, box.height()), words, _LEFT, self.inks.muted)
            x += needed + 16

    def guide_key(self, box: QRectF) -> None:
        """The legend of the guidance line: a dashed stroke and "30 min guide"."""
        words = guide_words()
        if box.width() < 60:
            return
        y = box.center().y()
        self.painter.setPen(dashed(self.inks.accent))
        self.painter.drawLine(QLineF(box.left(), y, box.left() + 22, y))
        self.text(box.adjusted(28, 0, 0, 0), words, _LEFT, self.inks.muted)


def guide_words() -> str:
    """What the dashed guidance line is, in its legend."""
    # i18n: the legend of the dashed line at 30 minutes on the statistics charts
    return _("30 min guide")


def dashed(colour: QColor, width: float = 1.5) -> QPen:
    """The guidance line's pen."""
    pen = QPen(colour, width)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def hatch(colour: QColor) -> QBrush:
    """Diagonal lines: time away, drawn so it reads as "nothing here" rather than as a quantity."""
    return QBrush(colour, Qt.BrushStyle.BDiagPattern)


def focus_ring(painter: QPainter, box: QRectF, palette: QPalette) -> None:
    """Where the keyboard is."""
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 4, 4)


_LEFT, _RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
