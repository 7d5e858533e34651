"""The 7- and 30-day chart: two panels over the same days.

- "Time sitting per day": a bar per day on an hours axis, and the day's breaks as a teal count above it.
- "Longest without a break": a bar per day on a minutes axis, against the dashed 30-minute guidance line,
  each bar labelled with its minutes where there is room. This answers "how long did I sit without a
  break on Tuesday?" by itself.

Labels that do not fit are left out, never drawn over each other or past the edge; pointing at a day
(or the arrow keys) shows all its numbers under the chart.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from backbreak.core.calendarwords import weekdays_short
from backbreak.core.i18n import _
from backbreak.core.stats import DayStats
from backbreak.core.statstext import GUIDE_SECONDS, breaks_of, day_sentence, recorded
from backbreak.ui.chartbase import NOTHING, PickableChart
from backbreak.ui.chartstyle import (
    HOUR,
    MINUTE,
    Canvas,
    Inks,
    axis_step,
    dashed,
    guide_words,
    minutes_label,
    small_font,
    text_width,
)

_LEFT, _RIGHT, _CENTRE = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignHCenter
HOUR_STEPS = (HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR, 12 * HOUR)
MINUTE_STEPS = (15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR)


class DaysChart(PickableChart):
    """Sitting and the longest stretch without a break, day by day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Sitting per day"), parent)
        self.days: list[DayStats] = []
        self.today = dt.date.min

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 340)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(280, 240)

    def show_days(self, days: Sequence[DayStats], today: dt.date) -> None:
        """Draw these days (oldest first)."""
        self.days, self.today = list(days), today
        self.reset()

    def count(self) -> int:
        """One item per day."""
        return len(self.days)

    def describe(self, index: int) -> str:
        """The day's numbers."""
        return day_sentence(self.days[index], self.today)

    def item_at(self, x: float, rect: QRectF) -> int:
        """The day whose column holds `x`."""
        plot = self._columns(rect)
        if not self.days or not plot.left() <= x < plot.right():
            return NOTHING
        return min(len(self.days) - 1, int((x - plot.left()) / (plot.width() / len(self.days))))

    def paint_chart(self, painter: QPainter, rect: QRectF) -> None:
        """Both panels, the day labels under each."""
        canvas = Canvas(painter, Inks.of(self.palette()))
        self.texts = canvas.texts
        half = (rect.height() - 12) / 2
        top, bottom = QRectF(rect.left(), rect.top(), rect.width(), half), QRectF(rect)
        bottom.setTop(rect.bottom() - half)
        sitting = [day.sitting_seconds for day in self.days]
        step, axis_top = axis_step(max([*sitting, HOUR]), HOUR_STEPS)
        plot = self._panel(canvas, top, _("Time sitting per day"), step, axis_top, sitting=True)
        self._bars(canvas, plot, sitting, axis_top, breaks=True)
        longest = [day.longest_sitting_seconds for day in self.days]
        step, axis_top = axis_step(max([*longest, HOUR]), MINUTE_STEPS)
        plot = self._panel(canvas, bottom, _("Longest without a break"), step, axis_top, sitting=False)
        if not plot.isEmpty():
            y = plot.bottom() - plot.height() * GUIDE_SECONDS / axis_top
            painter.setPen(dashed(canvas.inks.accent))
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        self._bars(canvas, plot, longest, axis_top, breaks=False)

    # ----------------------------------------------------------------- geometry and pieces
    def _columns(self, rect: QRectF) -> QRectF:
        """The horizontal extent of the bars: right of the axis labels."""
        font = small_font(self.font())
        gutter = max(text_width(font, words) for words in (minutes_label(12 * HOUR), minutes_label(45 * MINUTE))) + 10
        return QRectF(rect.left() + gutter, rect.top(), rect.width() - gutter - 8, rect.height())

    def _panel(self, canvas: Canvas, box: QRectF, title: str, step: float, axis_top: float, sitting: bool) -> QRectF:
        """Title, legend, the picked day's column, axis and grid; returns the area the bars take."""
        painter, inks = canvas.painter, canvas.inks
        small, bold = small_font(self.font()), small_font(self.font(), 1.0, bold=True)
        line = QFontMetricsF(small).height()
        painter.setFont(bold)
        canvas.text(QRectF(box.left(), box.top(), box.width(), line + 4), title, _LEFT, inks.text)
        painter.setFont(small)
        width = text_width(bold, title) + 24
        key = QRectF(box.left() + width, box.top(), box.width() - width, line + 4)
        if sitting:
            canvas.legend(key, [(inks.sitting, _("Sitting")), (inks.accent, _("Breaks (teal numbers)"))])
        else:
            canvas.guide_key(key)
            shift = text_width(small, guide_words()) + 48
            canvas.legend(key.adjusted(shift, 0, 0, 0), [(inks.sitting_long, _("Past 30 min"))])
        columns = self._columns(box)
        plot = QRectF(columns.left(), box.top() + 2 * line + 8, columns.width(), box.height() - 3 * line - 14)
        if plot.height() < 8 or plot.width() < 8:
            return QRectF()
        if self.current != NOTHING and self.days:
            slot = plot.width() / len(self.days)
            column = QRectF(
                plot.left() + slot * self.current, plot.top() - line - 2, slot, plot.height() + 2 * line + 6
            )
            painter.fillRect(column, inks.pick)
        ticks = round(axis_top / step)
        for n in range(ticks + 1):
            y = plot.bottom() - plot.height() * n / ticks
            painter.setPen(inks.grid if n else inks.muted)
            painter.drawLine(QLineF(plot.left() - 4, y, plot.right(), y))
            label = QRectF(box.left(), y - line / 2, plot.left() - box.left() - 8, line)
            canvas.text(label, minutes_label(step * n) if n else "0", _RIGHT, inks.muted)
        self._day_labels(canvas, QRectF(plot.left(), plot.bottom() + 2, plot.width(), line + 2))
        return plot

    def _day_labels(self, canvas: Canvas, row: QRectF) -> None:
        """Weekdays for a week; for a month, dates every few days, counted back so today has one."""
        if not self.days:
            return
        slot = row.width() / len(self.days)
        short = len(self.days) <= 7
        names = weekdays_short()
        words = [names[day.day.weekday()] if short else str(day.day.day) for day in self.days]
        if short and self.days[-1].day == self.today:
            words[-1] = _("Today")
        every = max(1, math.ceil((max(text_width(canvas.painter.font(), w) for w in words) + 6) / slot))
        for index in range(len(self.days) - 1, -1, -every):
            box = QRectF(row.left() + slot * index - slot * (every - 1) / 2, row.top(), slot * every, row.height())
            colour = canvas.inks.text if index == self.current else canvas.inks.muted
            canvas.text(box.intersected(row), words[index], _CENTRE, colour)

    def _bars(self, canvas: Canvas, plot: QRectF, values: list[float], axis_top: float, breaks: bool) -> None:
        """A bar per day, with its label above where the column is wide enough (the picked day's always)."""
        if plot.isEmpty() or not self.days:
            return
        inks = canvas.inks
        slot = plot.width() / len(self.days)
        width = max(2.0, min(40.0, slot * 0.62))
        line = QFontMetricsF(canvas.painter.font()).height()
        guide_y = plot.bottom() - plot.height() * GUIDE_SECONDS / axis_top
        room = QRectF(plot.left(), plot.top() - line - 2, plot.width(), plot.height() + line)
        labels: list[tuple[int, str, QRectF]] = []
        for index, (day, value) in enumerate(zip(self.days, values, strict=True)):
            x = plot.left() + slot * index
            height = plot.height() * min(1.0, value / axis_top)
            bar = QRectF(x + (slot - width) / 2, plot.bottom() - height, width, height)
            canvas.painter.fillRect(bar, inks.sitting)
            if not breaks and bar.top() < guide_y:
                # Past the guidance line the bar is a shade darker: what went beyond 30 min shows at once.
                canvas.painter.fillRect(QRectF(bar.left(), bar.top(), width, guide_y - bar.top()), inks.sitting_long)
            label = (str(breaks_of(day)) if breaks else minutes_label(value)) if recorded(day) else ""
            if label:
                wide = text_width(canvas.painter.font(), label) + 4
                box = QRectF(x + slot / 2 - wide / 2, bar.top() - line - 1, wide, line)
                box.moveLeft(max(room.left(), min(box.left(), room.right() - wide)))
                labels.append((index, label, box))
        # The picked day's label first, always; the others where their column holds them and nothing is there.
        taken: list[QRectF] = []
        for index, label, box in sorted(labels, key=lambda item: item[0] != self.current):
            if (index == self.current or box.width() <= slot) and not any(box.intersects(t) for t in taken):
                taken.append(box)
                ground = inks.pick if index == self.current else inks.ground
                canvas.text(box.intersected(room), label, _CENTRE, inks.accent if breaks else inks.text, ground)
