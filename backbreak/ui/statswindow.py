"""Statistics: today, 7 and 30 days as charts, with the same figures as text beside them, and CSV export.

The window is handed a loader (days -> Summary and today's sitting spans); it reads no database itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.durations import humanize
from backbreak.core.history import SittingRow
from backbreak.core.stats import Summary
from backbreak.ui.trayicon import ACCENT, WARM

Loader = Callable[[int], tuple[Summary, list[SittingRow]]]


class DayBars(QWidget):
    """Sitting per day as bars, breaks taken as dots on top; the accessible description says it in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Sitting per day")
        self.summary: Summary | None = None

    def show_summary(self, summary: Summary) -> None:
        """Draw these days."""
        self.summary = summary
        words = [
            f"{day.day:%a %d}: sat {humanize(day.sitting_seconds)}, {day.breaks_taken} breaks"
            for day in summary.per_day
        ]
        self.setAccessibleDescription("; ".join(words))
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        if self.summary is None:
            return
        days = self.summary.per_day
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            ink = self.palette().color(self.foregroundRole())
            top, bottom = 18.0, self.height() - 20.0
            most = max([day.sitting_seconds for day in days] + [3600.0])
            slot = self.width() / max(1, len(days))
            faint = QColor(ink)
            faint.setAlphaF(0.2)
            painter.setPen(QPen(faint, 1))
            painter.drawLine(0, int(bottom), self.width(), int(bottom))
            for index, day in enumerate(days):
                height = (bottom - top) * day.sitting_seconds / most
                bar = QRectF(index * slot + slot * 0.2, bottom - height, slot * 0.6, height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(ACCENT))
                painter.drawRoundedRect(bar, 2, 2)
                painter.setBrush(QColor(WARM))
                for n in range(min(day.breaks_taken, 12)):
                    painter.drawEllipse(QRectF(bar.center().x() - 3, bar.top() - 8 - n * 7, 6, 6))
                if len(days) <= 10 or index % 5 == 0:
                    painter.setPen(ink)
                    label = QRectF(index * slot, bottom + 2, slot * (1 if len(days) <= 10 else 5), 16)
                    painter.drawText(
                        label, Qt.AlignmentFlag.AlignHCenter, f"{day.day:%a}" if len(days) <= 7 else f"{day.day:%d}"
                    )


class DayTimeline(QWidget):
    """Today's sitting spans along the hours of the day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(48)
        self.setAccessibleName("Today's sitting")
        self.spans: list[SittingRow] = []

    def show_spans(self, spans: list[SittingRow]) -> None:
        """Draw these spans."""
        self.spans = spans
        words = [f"{span.start:%H:%M} to {span.end:%H:%M}" for span in spans]
        self.setAccessibleDescription("Sat " + ", ".join(words) if words else "No sitting recorded today")
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        with QPainter(self) as painter:
            ink = self.palette().color(self.foregroundRole())
            faint = QColor(ink)
            faint.setAlphaF(0.15)
            track = QRectF(0, 6, self.width(), 16)
            painter.fillRect(track, faint)
            for span in self.spans:
                start = span.start.hour * 60 + span.start.minute
                end = max(
                    start + 1, span.end.hour * 60 + span.end.minute if span.end.date() == span.start.date() else 1440
                )
                painter.fillRect(
                    QRectF(track.width() * start / 1440, track.top(), track.width() * (end - start) / 1440, 16),
                    QColor(ACCENT),
                )
            painter.setPen(ink)
            for hour in (0, 6, 12, 18):
                painter.drawText(
                    QRectF(self.width() * hour / 24, 24, 40, 16), Qt.AlignmentFlag.AlignLeft, f"{hour:02d}:00"
                )


class StatsWindow(QWidget):
    """Pick a span, see it, export it."""

    def __init__(self, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Statistics · backbreak")
        self.setAccessibleName("backbreak statistics")
        self._load = load
        self.summary: Summary | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.span = QComboBox()
        self.span.setAccessibleName("Days")
        for text, days in (("Today", 1), ("Last 7 days", 7), ("Last 30 days", 30)):
            self.span.addItem(text, days)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(self.refresh)
        row.addWidget(self.span)
        row.addStretch(1)
        self.export = QPushButton("Export CSV…")
        self.export.setAccessibleName("Export CSV")
        self.export.clicked.connect(self.export_csv)
        row.addWidget(self.export)
        layout.addLayout(row)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Summary")
        layout.addWidget(self.text)
        self.bars = DayBars()
        layout.addWidget(self.bars, 1)
        layout.addWidget(QLabel("Today"))
        self.timeline = DayTimeline()
        layout.addWidget(self.timeline)
        self.resize(560, 480)
        self.refresh()

    def refresh(self) -> None:
        """Load and show the chosen span."""
        days = int(self.span.currentData())
        summary, today = self._load(days)
        self.summary = summary
        totals = summary.to_json()
        self.text.setText(
            f"Sitting {humanize(totals['sitting_seconds'])} · longest without a break "
            f"{humanize(totals['longest_sitting_seconds'])}\n"
            f"Breaks taken {totals['breaks_taken']} · natural {totals['natural']} · snoozed {totals['snoozed']} · "
            f"skipped {totals['skipped']}\n"
            f"Stretching {humanize(totals['stretched_seconds'])} · streak {totals['streak_days']} "
            f"day{'s' if totals['streak_days'] != 1 else ''}"
        )
        self.bars.show_summary(summary)
        self.timeline.show_spans(today)

    def export_csv(self, path: str | None = None) -> Path | None:
        """Write the shown days as CSV (asks where, unless `path` is given)."""
        if self.summary is None:
            return None
        if path is None:
            suggested = f"backbreak-{dt.date.today():%Y-%m-%d}.csv"
            path, _ = QFileDialog.getSaveFileName(self, "Export statistics", suggested, "CSV files (*.csv)")
        if not path:
            return None
        target = Path(path)
        target.write_text(self.summary.to_csv(), encoding="utf-8")
        return target
