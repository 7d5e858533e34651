"""The tray icon's picture: a ring that fills toward the next break and warms as it gets due.

The ring is painted, so it is crisp at every size the panel asks for; the glyphs for paused, away, due
and outside working hours are SVG masters in assets/icons, rendered at each size. Neutral grey and the
two colours read on light and dark panels alike.
"""

from __future__ import annotations

import importlib.resources
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer

from backbreak.core.events import Phase
from backbreak.core.status import Status

ACCENT = QColor("#2a9d8f")  # a muted teal: calm, readable on light and dark panels
WARM = QColor("#e9a23b")  # amber as a break gets due; never alarm red
TRACK = QColor(128, 128, 128, 110)
SIZES = (16, 22, 24, 32, 48, 64)
GLYPHS = {
    Phase.PAUSED: "glyph-paused.svg",
    Phase.AWAY: "glyph-away.svg",
    Phase.OUTSIDE_HOURS: "glyph-outside.svg",
    Phase.DUE: "glyph-due.svg",
}


@cache
def _glyph(name: str) -> QSvgRenderer:
    data = importlib.resources.files("backbreak.assets").joinpath("icons", name).read_bytes()
    return QSvgRenderer(data)


def progress_of(status: Status, every: float) -> float:
    """How full the ring is: 0 just after a break, 1 when one is due."""
    if status.phase in (Phase.DUE, Phase.SNOOZED):
        return 1.0
    if status.next_break is None or every <= 0:
        return 0.0
    return max(0.0, min(1.0, 1.0 - status.next_break.in_seconds / every))


def ring_icon(progress: float, phase: Phase) -> QIcon:
    """The icon for a fill level and phase, drawn at the usual tray sizes."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_ring_pixmap(progress, phase, size))
    return icon


def _ring_pixmap(progress: float, phase: Phase, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = max(2.0, size / 7)
    box = QRectF(width / 2 + 1, width / 2 + 1, size - width - 2, size - width - 2)
    painter.setPen(QPen(TRACK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawEllipse(box)
    quiet = phase in (Phase.PAUSED, Phase.AWAY, Phase.OUTSIDE_HOURS)
    colour = TRACK if quiet else (WARM if phase in (Phase.HEADS_UP, Phase.DUE, Phase.SNOOZED) else ACCENT)
    if progress > 0 and not quiet:
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        # Qt angles are in 1/16 degree, counter-clockwise from 3 o'clock: start at 12, fill clockwise.
        painter.drawArc(box, 90 * 16, -round(360 * 16 * progress))
    glyph = GLYPHS.get(phase)
    if glyph is not None:
        _glyph(glyph).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap
