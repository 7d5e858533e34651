"""Today, large: the day's timeline on a clock axis, and its longest sitting against the 30 min guide.

The timeline shows sitting, breaks and time away.

Within a stretch of sitting, what went past 30 min is a shade darker, as in the longest-stretch bars
of the days chart, so the same mark means the same thing in both views. A break of a minute or two
would be a hairline at the day's scale; it is drawn at least a few pixels wide so it can be seen.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from backbreak.core.i18n import _
from backbreak.core.statstext import GUIDE_SECONDS, segment_sentence
from backbreak.core.timeline import Part, Segment
from backbreak.ui.chartbase import NOTHING, PickableChart
from backbreak.ui.chartstyle import HOUR, Canvas, Inks, axis_step, dashed, hatch, minutes_label, small_font, text_width
from backbreak.ui.daychart import MINUTE_STEPS

_LEFT, _CENTRE = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter
THINNEST = 4.0
"""The narrowest a break is drawn, in pixels."""


class TodayChart(PickableChart):
    """The day's stretches; pointing at one (or the arrow keys) says when it was and how long."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Today's timeline"), parent)
        self.segments: list[Segment] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 300)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(280, 220)

    def show_segments(self, segments: Sequence[Segment]) -> None:
        """Draw today's segments."""
        self.segments = list(segments)
        self.reset()

    def count(self) -> int:
        """One item per segment."""
        return len(self.segments)

    def describe(self, index: int) -> str:
        """When the segment was and how long."""
        return segment_sentence(self.segments[index])

    def item_at(self, x: float, rect: QRectF) -> int:
        """The segment under `x`; a thin break wins over the stretches beside it."""
        lane = self._lane(rect)
        hits = [
            n for n, seg in enumerate(self.segments) if _span(seg, lane, self._hours()).contains(x, lane.center().y())
        ]
        return min(hits, key=lambda n: self.segments[n].seconds) if hits else NOTHING

    def paint_chart(self, painter: QPainter, rect: QRectF) -> None:
        """Legend, timeline, clock axis, then the longest stretch against the guide."""
        canvas = Canvas(painter, Inks.of(self.palette()))
        self.texts = canvas.texts
        inks = canvas.inks
        small = small_font(self.font())
        painter.setFont(small)
        line = QFontMetricsF(small).height()
        key: list[tuple[QColor | QBrush, str]] = [
            (inks.sitting, _("Sitting")),
            (inks.sitting_long, _("Past 30 min")),
            (inks.accent, _("Break")),
            (inks.accent_soft, _("Away, counted as a break")),
            (hatch(inks.away), _("Away")),
        ]
        canvas.legend(QRectF(rect.left(), rect.top(), rect.width(), line + 4), key)
        lane = self._lane(rect)
        start, end = self._hours()
        if lane.width() < 8:
            return
        self._axis(canvas, lane, rect, start, end, line)
        if not self.segments:
            canvas.text(lane, _("Nothing recorded yet today."), _CENTRE, inks.muted)
        for index, segment in enumerate(self.segments):
            self._segment(canvas, lane, segment, index == self.current)
        self._labels(canvas, lane, line)
        below = lane.bottom() + line + 28
        bullet = QRectF(rect.left(), below, rect.width(), min(_bullet_height(line), rect.bottom() - below))
        longest = max((s for s in self.segments if s.part is Part.SITTING), key=lambda s: s.seconds, default=None)
        longest_bar(canvas, bullet, longest)

    # ----------------------------------------------------------------- pieces
    def _hours(self) -> tuple[dt.datetime, dt.datetime]:
        """The clock span shown: whole hours around the day's segments, at least four of them."""
        if not self.segments:
            base = dt.datetime(2000, 1, 1, 8)  # only the hours show: 08:00 to 18:00
            return base, base + dt.timedelta(hours=10)
        first, last = self.segments[0].start, self.segments[-1].end
        start = first.replace(minute=0, second=0, microsecond=0)
        end = last.replace(minute=0, second=0, microsecond=0)
        end += dt.timedelta(hours=1) if end < last else dt.timedelta()
        while end - start < dt.timedelta(hours=4):
            end += dt.timedelta(hours=1)
        return start, end

    def _lane(self, rect: QRectF) -> QRectF:
        """The timeline's band: as tall as the room left by the legend, axis and longest bar allows."""
        line = QFontMetricsF(small_font(self.font())).height()
        top = rect.top() + 2 * line + 16
        room = rect.bottom() - top - (line + 28) - _bullet_height(line)
        return QRectF(rect.left() + 8, top, rect.width() - 16, max(28.0, min(220.0, room)))

    def _axis(
        self, canvas: Canvas, lane: QRectF, rect: QRectF, start: dt.datetime, end: dt.datetime, line: float
    ) -> None:
        painter, inks = canvas.painter, canvas.inks
        hours = (end - start).total_seconds() / HOUR
        label = text_width(painter.font(), "00:00") + 12
        step = next((s for s in (1, 2, 3, 4, 6) if lane.width() / hours * s >= label), 6)
        painter.setPen(inks.muted)
        painter.drawLine(QLineF(lane.left(), lane.bottom(), lane.right(), lane.bottom()))
        last = rect.left() - label
        for n in range(0, math.floor(hours) + 1, step):
            x = lane.left() + lane.width() * n / hours
            painter.setPen(inks.muted)
            painter.drawLine(QLineF(x, lane.bottom(), x, lane.bottom() + 4))
            box = QRectF(x - label / 2, lane.bottom() + 5, label, line)
            box.moveLeft(max(rect.left(), min(box.left(), rect.right() - label)))  # the first and last stay whole
            if box.left() >= last:  # moved in from an edge, it may meet its neighbour: then it gives way
                canvas.text(box, f"{start + dt.timedelta(hours=n):%H:%M}", _CENTRE, inks.muted)
                last = box.right()

    def _segment(self, canvas: Canvas, lane: QRectF, segment: Segment, picked: bool) -> None:
        painter, inks = canvas.painter, canvas.inks
        box = _span(segment, lane, self._hours())
        painter.setPen(Qt.PenStyle.NoPen)
        if segment.part is Part.SITTING:
            painter.fillRect(box, inks.sitting)
            if segment.seconds > GUIDE_SECONDS:
                past = box.left() + box.width() * GUIDE_SECONDS / segment.seconds
                painter.fillRect(QRectF(past, box.top(), box.right() - past, box.height()), inks.sitting_long)
        elif segment.part is Part.AWAY:
            painter.fillRect(box, hatch(inks.away))
        else:
            painter.fillRect(box, inks.accent if segment.part is Part.BREAK else inks.accent_soft)
        if picked:
            painter.setPen(inks.text)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))

    def _labels(self, canvas: Canvas, lane: QRectF, line: float) -> None:
        """Minutes over each stretch of sitting wide enough to carry them; the picked one and the longest always."""
        row = QRectF(lane.left(), lane.top() - line - 3, lane.width(), line)
        taken: list[QRectF] = []
        order = sorted(range(len(self.segments)), key=lambda n: (n != self.current, -self.segments[n].seconds))
        sitting = [n for n, segment in enumerate(self.segments) if segment.part is Part.SITTING]
        longest = max(sitting, key=lambda n: self.segments[n].seconds, default=NOTHING)
        for index in order:
            segment = self.segments[index]
            if segment.part is not Part.SITTING and index != self.current:
                continue
            words = minutes_label(segment.seconds)
            if index == longest:
                words = _("Longest: {time}").format(time=words)
                _outline(canvas, _span(segment, lane, self._hours()))
            width = text_width(canvas.painter.font(), words) + 6
            span = _span(segment, row, self._hours())
            box = QRectF(span.center().x() - width / 2, row.top(), width, line)
            box.moveLeft(max(row.left(), min(box.left(), row.right() - width)))
            wanted = index in (self.current, longest)
            if (width <= span.width() or wanted) and not any(box.intersects(t) for t in taken):
                taken.append(box)
                canvas.text(box, words, _CENTRE, canvas.inks.text if index == self.current else canvas.inks.muted)


def longest_bar(canvas: Canvas, box: QRectF, longest: Segment | None) -> None:
    """The longest stretch without a break: one bar on a minutes scale, the dashed guide at 30 min."""
    painter, inks = canvas.painter, canvas.inks
    small = painter.font()
    line = QFontMetricsF(small).height()
    if box.height() < _bullet_height(line):
        return
    bold = small_font(small, 1.1, bold=True)
    painter.setFont(bold)
    title = _("Longest without a break")
    canvas.text(QRectF(box.left(), box.top(), box.width(), line + 4), title, _LEFT, inks.text)
    painter.setFont(small)
    key = box.left() + text_width(bold, title) + 24
    canvas.guide_key(QRectF(key, box.top(), box.right() - key, line + 4))
    seconds = longest.seconds if longest is not None else 0.0
    step, top = axis_step(max(seconds, HOUR), MINUTE_STEPS)
    track = QRectF(box.left() + 8, box.top() + line + 14, box.width() - 16, 18)
    painter.fillRect(track, inks.grid)
    guide_x = track.left() + track.width() * GUIDE_SECONDS / top
    end_x = track.left() + track.width() * min(1.0, seconds / top)
    painter.fillRect(
        QRectF(track.left(), track.top(), min(end_x, guide_x) - track.left(), track.height()), inks.sitting
    )
    if end_x > guide_x:
        painter.fillRect(QRectF(guide_x, track.top(), end_x - guide_x, track.height()), inks.sitting_long)
    painter.setPen(dashed(inks.accent, 2))
    painter.drawLine(QLineF(guide_x, track.top() - 4, guide_x, track.bottom() + 4))
    if longest is None:
        words = _("none yet")
    else:
        words = _("{time}, {start} to {end}").format(
            time=minutes_label(seconds), start=f"{longest.start:%H:%M}", end=f"{longest.end:%H:%M}"
        )
    width = text_width(painter.font(), words) + 8
    inside = end_x - width >= track.left() + 4
    label = QRectF(end_x - width if inside else end_x + 4, track.top(), width, track.height())
    label = label.intersected(track)
    canvas.text(label, words, _LEFT, QColor(inks.ground) if inside else inks.text)
    for n in range(round(top / step) + 1):
        x = track.left() + track.width() * n * step / top
        tick = QRectF(x - 30, track.bottom() + 4, 60, line).intersected(box)
        canvas.text(tick, minutes_label(n * step) if n else "0", _CENTRE, inks.muted)


def _outline(canvas: Canvas, box: QRectF) -> None:
    """A frame round the longest stretch of sitting, the lane's height (`box` gives its x span)."""
    canvas.painter.setPen(QPen(canvas.inks.text, 1.5))
    canvas.painter.setBrush(Qt.BrushStyle.NoBrush)
    canvas.painter.drawRect(box.adjusted(0.75, 0.75, -0.75, -0.75))


def _bullet_height(line: float) -> float:
    """The height `longest_bar` needs: its title, the bar, the scale."""
    return 3 * line + 34


def _span(segment: Segment, lane: QRectF, hours: tuple[dt.datetime, dt.datetime]) -> QRectF:
    start, end = hours
    whole = (end - start).total_seconds()
    left = lane.left() + lane.width() * (segment.start - start).total_seconds() / whole
    right = lane.left() + lane.width() * (segment.end - start).total_seconds() / whole
    if segment.part is not Part.SITTING and right - left < THINNEST:
        middle = (left + right) / 2
        left, right = middle - THINNEST / 2, middle + THINNEST / 2
    left, right = max(lane.left(), left), min(lane.right(), right)
    return QRectF(left, lane.top(), max(0.0, right - left), lane.height())
