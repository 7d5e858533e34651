"""The tray icon's picture: a ring that fills toward the next break and warms as it gets due.

The ring is painted, so it is crisp at every size the panel asks for; the glyphs for paused, away, due
and outside working hours are SVG masters in assets/icons, rendered at each size. Neutral grey and the
two colours read on light and dark panels alike.

The icon is a QIconEngine that paints at the size asked for, at the moment it is asked, rather than
a set of pixmaps: an XEmbed tray paints a pixmap icon through QPixmapCache, whose flush timer then
wakes the process every 30 s for as long as the icon lives (qpixmapcache.cpp, flush_time). Painting
on demand keeps the tray at rest between changes, and draws one size per change instead of six.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPen, QPixmap

from backbreak.core.phases import Phase

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

    from backbreak.core.status import Status  # annotations only: the icon shows before the engine loads

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
    # QtSvg loads with the first glyph (paused, away, due), not before the first icon shows.
    from PySide6.QtSvg import QSvgRenderer

    # One name per joinpath: a PyInstaller bundle's MultiplexedPath takes only one on Python 3.11.
    data = importlib.resources.files("backbreak.assets").joinpath("icons").joinpath(name).read_bytes()
    return QSvgRenderer(data)


def progress_of(status: Status, every: float) -> float:
    """How full the ring is: 0 just after a break, 1 when one is due."""
    if status.phase in (Phase.DUE, Phase.SNOOZED):
        return 1.0
    if status.next_break is None or every <= 0:
        return 0.0
    return max(0.0, min(1.0, 1.0 - status.next_break.in_seconds / every))


def ring_icon(progress: float, phase: Phase) -> QIcon:
    """The icon for a fill level and phase; it paints itself at whatever size is asked of it."""
    return QIcon(_RingEngine(progress, phase))


class _RingEngine(QIconEngine):
    def __init__(self, progress: float, phase: Phase) -> None:
        super().__init__()
        self._progress = progress
        self._phase = phase

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        _paint_ring(painter, QRectF(rect), self._progress, self._phase)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        _paint_ring(painter, QRectF(0, 0, size.width(), size.height()), self._progress, self._phase)
        painter.end()
        return pixmap

    def availableSizes(  # noqa: N802 (Qt's name)
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in SIZES]  # what a StatusNotifierItem host is sent

    def clone(self) -> QIconEngine:
        return _RingEngine(self._progress, self._phase)

    def key(self) -> str:
        return "backbreak-ring"


def _paint_ring(painter: QPainter, area: QRectF, progress: float, phase: Phase) -> None:
    side = min(area.width(), area.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = max(2.0, side / 7)
    inset = width / 2 + 1
    box = QRectF(area.x() + inset, area.y() + inset, side - 2 * inset, side - 2 * inset)
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
        _glyph(glyph).render(painter, QRectF(area.x(), area.y(), side, side))
    painter.restore()
