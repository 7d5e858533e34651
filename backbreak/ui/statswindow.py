"""Statistics: today as a timeline, 7 and 30 days as charts, the same numbers in words, and CSV export.

The window is handed a loader (days -> StatsPage); it reads no database itself. The summary sentence
says the span in words; pointing at a day (or a stretch of today) or moving there with the arrow keys
shows its numbers under the chart, which is also what the chart tells screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.i18n import N_, _
from backbreak.core.stats import StatsPage, Summary
from backbreak.core.statstext import GUIDE_WORDS, figures_line, summary_sentence
from backbreak.ui.chartbase import NOTHING, PickableChart
from backbreak.ui.daychart import DaysChart
from backbreak.ui.todaychart import TodayChart

Loader = Callable[[int], StatsPage]
SPANS = ((N_("Today"), 1), (N_("Last 7 days"), 7), (N_("Last 30 days"), 30))
PREFERRED = QSize(640, 600)
HINTS = {
    1: N_("Point at a stretch of the day, or Tab to the chart and use the arrow keys, to see when and how long."),
    7: N_("Point at a day, or Tab to the chart and use the arrow keys, to see its numbers."),
}


class StatsWindow(QWidget):
    """Pick a span, see it, export it."""

    def __init__(self, load: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Statistics · backbreak"))
        self.setAccessibleName(_("backbreak statistics"))
        self._load = load
        self._left = False  # the user went to another window since the last load
        self.summary: Summary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        row = QHBoxLayout()
        self.span = QTabBar()
        self.span.setAccessibleName(_("Days shown"))
        self.span.setDrawBase(False)
        for text, days in SPANS:
            self.span.setTabData(self.span.addTab(_(text)), days)
        self.span.setCurrentIndex(1)
        self.span.currentChanged.connect(self.refresh)
        row.addWidget(self.span)
        row.addStretch(1)
        self.export = QPushButton(_("Export CSV…"))
        self.export.setAccessibleName(_("Export CSV"))
        self.export.clicked.connect(lambda: self.export_csv())
        row.addWidget(self.export)
        layout.addLayout(row)
        self.text = _label(1.15)
        self.text.setAccessibleName(_("Summary"))
        layout.addWidget(self.text)
        self.figures = _label(0.92, muted=True)
        self.figures.setAccessibleName(_("Totals"))
        layout.addWidget(self.figures)
        self.today_chart, self.days_chart = TodayChart(), DaysChart()
        self.charts = QStackedWidget()
        for chart in (self.today_chart, self.days_chart):
            self.charts.addWidget(chart)
            chart.picked.connect(self._picked)
        layout.addWidget(self.charts, 1)
        self.details = _label(1.0)
        self.details.setAccessibleName(_("Numbers of the day pointed at"))
        layout.addWidget(self.details)
        self.guide = _label(0.92, muted=True)
        self.guide.setText(_("{guide} The dashed line marks 30 min.").format(guide=_(GUIDE_WORDS)))
        layout.addWidget(self.guide)
        QShortcut(QKeySequence("Escape"), self, self.close)
        self.resize(_fitting(self, PREFERRED))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Back in the window after working elsewhere: the history as it is now, breaks taken since and all."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange:
            if self.isActiveWindow() and self._left:
                self.refresh()
            self._left = not self.isActiveWindow()

    @property
    def chart(self) -> PickableChart:
        """The chart on show."""
        widget = self.charts.currentWidget()
        assert isinstance(widget, PickableChart)
        return widget

    def refresh(self) -> None:
        """Load and show the chosen span."""
        days = int(self.span.tabData(self.span.currentIndex()))
        page = self._load(days)
        self.summary = page.summary
        self.text.setText(summary_sentence(page.summary))
        self.figures.setText(figures_line(page.summary))
        if days == 1:
            self.today_chart.show_segments(page.today)
            self.charts.setCurrentWidget(self.today_chart)
        else:
            self.days_chart.show_days(page.summary.per_day, page.summary.today)
            self.charts.setCurrentWidget(self.days_chart)
        self._picked(self.chart.current)
        self._room_for_words()

    def _room_for_words(self) -> None:
        """Grow to hold the span's sentences without squeezing the chart: wider first, so lines wrap less.

        Sentences in a long language (German) wrap to more lines; on a short screen (200 % on a laptop)
        more height is not there, but width usually is.
        """
        layout = self.layout()
        assert layout is not None  # made in __init__
        room = self.screen().availableGeometry().size() * 0.9
        width = self.width()
        while layout.totalHeightForWidth(width) > min(self.height(), room.height()) and width < room.width():
            width = min(room.width(), width + 40)
        height = min(max(self.height(), layout.totalHeightForWidth(width)), room.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def _picked(self, index: int) -> None:
        chart = self.sender() if isinstance(self.sender(), PickableChart) else self.chart
        assert isinstance(chart, PickableChart)
        if chart is not self.chart:
            return
        days = 1 if chart is self.today_chart else 7
        self.details.setText(chart.describe(index) if index != NOTHING else _(HINTS[days]))

    def export_csv(self, path: str | None = None) -> Path | None:
        """Write the shown days as CSV (asks where, unless `path` is given)."""
        if self.summary is None:
            return None
        if path is None:
            suggested = f"backbreak-{self.summary.today:%Y-%m-%d}.csv"
            path, _filter = QFileDialog.getSaveFileName(self, _("Export statistics"), suggested, _("CSV files (*.csv)"))
        if not path:
            return None
        target = Path(path)
        target.write_text(self.summary.to_csv(), encoding="utf-8")
        return target


def _label(scale: float, muted: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _fitting(window: QWidget, preferred: QSize) -> QSize:
    """`preferred`, within 90 % of the screen the window is on."""
    room = window.screen().availableGeometry().size() * 0.9
    return preferred.boundedTo(room).expandedTo(window.minimumSizeHint())
