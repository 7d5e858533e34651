"""The statistics window: charts that stay inside themselves at any data, numbers on hover and keyboard
focus (and for screen readers), a friendly summary, and screenshots of each history, light and dark, at
100 % and 200 %."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from backbreak.core.stats import DayStats, StatsPage
from backbreak.core.statstext import day_sentence, summary_sentence
from backbreak.core.timeline import Part, Segment
from backbreak.ui.chartbase import NOTHING
from backbreak.ui.daychart import DaysChart
from backbreak.ui.statswindow import StatsWindow
from backbreak.ui.theme import Theme
from backbreak.ui.todaychart import TodayChart
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.qt.test_settings_window import scaled_probe
from tests.qt.windowchecks import SHOTS, settle, spills, stats_screenshots
from tests.statsdata import HISTORIES, TODAY, busy_month, extreme_day, loader

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "systemTrayWindowChanged")


@pytest.fixture
def theme() -> Iterator[Theme]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = Theme(app)
    yield made
    made.apply("system")


def open_window(qtbot: QtBot, history: str = "busy-month", span: int = 1) -> StatsWindow:
    window = StatsWindow(loader(HISTORIES[history]()))
    qtbot.addWidget(window)
    window.span.setCurrentIndex(span)
    settle(window)
    return window


@pytest.mark.parametrize("history", list(HISTORIES))
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_chart_stays_inside_itself_and_nothing_is_cut(
    qtbot: QtBot, theme: Theme, history: str, palette: str
) -> None:
    theme.apply(palette)
    window = open_window(qtbot, history)
    found = stats_screenshots(window, SHOTS / "stats", f"{history}-{palette}-100")
    assert found == {"1d": [], "7d": [], "30d": []}


def test_at_200_percent_every_chart_stays_inside_itself_and_nothing_is_cut(tmp_path: Path) -> None:
    found = scaled_probe(tmp_path, "stats")
    assert found["scale"] == 2.0
    expected = {f"{h}-{p}": {"1d": [], "7d": [], "30d": []} for p in ("light", "dark") for h in HISTORIES}
    assert found["problems"] == expected


def test_the_spill_check_sees_a_chart_drawing_past_its_edge(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    chart = DaysChart()
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    chart.show_days([DayStats(TODAY, 3600, 1800, 2)], TODAY)
    assert spills(chart) == 0
    drawn = DaysChart.paint_chart
    monkeypatch.setattr(DaysChart, "paint_chart", lambda self, p, r: drawn(self, p, r.adjusted(0, -30, 0, 0)))
    assert spills(chart) > 0


day_figures = st.tuples(st.floats(0, 24 * 3600), st.floats(0, 1), st.integers(0, 500), st.integers(0, 500))


def as_days(figures: list[tuple[float, float, int, int]]) -> list[DayStats]:
    """Consecutive days ending today, as a summary has them."""
    first = TODAY - dt.timedelta(days=len(figures) - 1)
    return [
        DayStats(first + dt.timedelta(days=n), sit, sit * share, taken, 0, 0, natural)
        for n, (sit, share, taken, natural) in enumerate(figures)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(figures=st.lists(day_figures, max_size=30), width=st.integers(280, 900), height=st.integers(240, 700))
def test_the_days_chart_stays_inside_itself_at_any_data(
    qtbot: QtBot, figures: list[tuple[float, float, int, int]], width: int, height: int
) -> None:
    days = as_days(figures)
    chart = DaysChart()
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show_days(days, TODAY)
    chart.pick(len(days) - 1)
    assert spills(chart) == 0
    assert_labels_apart(chart.texts, QRectF(chart.rect()))


segments_strategy = st.lists(
    st.tuples(st.sampled_from(list(Part)), st.integers(0, 24 * 60 - 1), st.integers(1, 16 * 60)), max_size=80
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=segments_strategy, width=st.integers(280, 900), height=st.integers(220, 700))
def test_the_today_chart_stays_inside_itself_at_any_data(
    qtbot: QtBot, parts: list[tuple[Part, int, int]], width: int, height: int
) -> None:
    midnight = dt.datetime(2026, 11, 24)
    segments, at = [], midnight
    for part, gap, minutes in parts:  # in order, without overlaps, as day_timeline makes them
        start = min(at + dt.timedelta(minutes=gap % 30), midnight + dt.timedelta(hours=24))
        end = min(start + dt.timedelta(minutes=minutes), midnight + dt.timedelta(hours=24))
        if end > start:
            segments.append(Segment(part, start, end))
            at = end
    chart = TodayChart()
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show_segments(segments)
    chart.pick(len(segments) // 2)
    assert spills(chart) == 0
    assert_labels_apart(chart.texts, QRectF(chart.rect()))


def assert_labels_apart(texts: list[tuple[str, QRectF]], area: QRectF) -> None:
    """Every label inside the chart, and none on top of another."""
    for words, box in texts:
        assert area.contains(box), (words, box)
    overlapping = [
        (a, b) for i, (a, box) in enumerate(texts) for b, other in texts[i + 1 :] if box.intersected(other).width() > 1
    ]
    assert overlapping == []


def test_tuesday_s_longest_sitting_can_be_read_off_the_week_chart(qtbot: QtBot) -> None:
    window = open_window(qtbot, "busy-month", span=1)
    chart = window.days_chart
    tuesday = next(i for i, day in enumerate(chart.days) if day.day.weekday() == 1 and day.day != TODAY)
    minutes = round(chart.days[tuesday].longest_sitting_seconds / 60)
    longest_panel = [(w, box) for w, box in chart.texts if box.top() > chart.height() / 2]
    column = next(box for w, box in longest_panel if w == "Tue")
    above = [
        w for w, box in longest_panel if abs(box.center().x() - column.center().x()) < 2 and box.top() < column.top()
    ]
    assert f"{minutes} min" in above  # written over Tuesday's bar, on the minutes axis
    assert "30 min guide" in [w for w, _ in longest_panel]  # with the guidance line's legend beside it


def test_pointing_at_a_day_shows_its_numbers_and_tells_screen_readers(qtbot: QtBot) -> None:
    window = open_window(qtbot, "busy-month", span=1)
    chart = window.days_chart
    slot = (chart.width() - chart._columns(QRectF(chart.rect())).left() - 8) / 7
    x = round(chart._columns(QRectF(chart.rect())).left() + slot * 2.5)
    pointer = QPointF(x, chart.height() / 2)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        pointer,
        chart.mapToGlobal(pointer),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(chart.picked) as picked:
        QApplication.sendEvent(chart, move)  # sent, not moved: the pointer may already be there from a test before
    assert picked.args == [2]
    said = day_sentence(chart.days[2], TODAY)
    assert window.details.text() == said
    assert chart.accessibleDescription() == said
    assert "longest without a break" in said
    assert chart.days[2].day.strftime("%A") in said


def test_the_keyboard_moves_from_day_to_day(qtbot: QtBot) -> None:
    window = open_window(qtbot, "busy-month", span=2)
    chart = window.days_chart
    window.activateWindow()
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    assert chart.current == 29  # today first
    assert window.details.text().startswith("Today: ")
    QTest.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 28
    assert window.details.text().startswith("Yesterday: ")
    QTest.keyClick(chart, Qt.Key.Key_Home)
    assert chart.current == 0
    assert chart.accessibleDescription() == day_sentence(chart.days[0], TODAY)
    QTest.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 0  # stays at the first day
    window.span.setCurrentIndex(0)  # the keyboard stays on the chart, now today's: its latest stretch
    today = window.today_chart
    assert window.chart is today
    assert today.current == today.count() - 1
    assert window.details.text() == today.describe(today.current) == today.accessibleDescription()
    today.clearFocus()
    today.pick(NOTHING)
    assert window.details.text().startswith("Point at a stretch of the day")


def test_today_is_the_day_s_timeline_with_a_friendly_summary(qtbot: QtBot) -> None:
    window = open_window(qtbot, "extreme-day", span=0)
    chart = window.today_chart
    parts = [segment.part for segment in chart.segments]
    assert parts.count(Part.BREAK) == 60
    assert parts.count(Part.SITTING) == 61
    assert window.text.text() == "You broke up your sitting 60 times today; longest stretch without a break 3 h."
    words = [w for w, _ in chart.texts]
    assert "3 h, 12:30 to 15:30" in words  # the longest stretch, against the guide
    assert {"05:00", "23:00"} <= set(words)  # the clock axis covers the whole day, both ends whole
    chart.pick(0)
    chart.repaint()
    assert window.details.text() == "05:30 to 05:43: sitting, 13 min."
    assert "Longest: 3 h" in [w for w, _ in chart.texts]  # still the 3 h stretch, whichever is picked


def test_the_week_says_the_span_in_words(qtbot: QtBot) -> None:
    window = open_window(qtbot, "busy-month", span=1)
    assert window.text.text().startswith("In the last 7 days you broke up your sitting ")
    assert "longest stretch without a break" in window.text.text()
    assert window.figures.text().startswith("Sitting ")
    empty = open_window(qtbot, "empty", span=2)
    assert empty.text.text() == "Nothing recorded in the last 30 days yet."


def test_csv_export_from_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = StatsWindow(loader(busy_month()))
    qtbot.addWidget(window)
    target = window.export_csv(str(tmp_path / "week.csv"))
    assert target is not None
    assert window.summary is not None
    assert target.read_text() == window.summary.to_csv()
    assert target.read_text().count("\n") == 8  # header and 7 days


def test_the_window_counts_the_sitting_in_progress(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.apphelpers import AppHarness

    h = AppHarness(tmp_path).start()
    try:
        h.until("08:25")  # sitting since 08:00, nothing in the history yet
        h.app.keeper.show_stats()
        window = h.app.keeper.open["stats"]
        assert isinstance(window, StatsWindow)
        window.span.setCurrentIndex(0)
        assert [(s.part, f"{s.start:%H:%M}") for s in window.today_chart.segments] == [(Part.SITTING, "08:00")]
        assert "longest stretch without a break 25 min" in window.text.text()
    finally:
        h.stop()


def test_an_extreme_day_keeps_every_label_apart(qtbot: QtBot) -> None:
    window = StatsWindow(loader(extreme_day()))
    qtbot.addWidget(window)
    for index in range(3):
        window.span.setCurrentIndex(index)
        settle(window)
        assert_labels_apart(window.chart.texts, QRectF(window.chart.rect()))


def test_coming_back_to_the_window_shows_the_history_as_it_is_now(qtbot: QtBot) -> None:
    # The window stays open while the user works and takes breaks; returning to it reads the history again.
    pages = [loader(HISTORIES["empty"]()), loader(HISTORIES["busy-month"]())]
    reads: list[int] = []

    def load(days: int) -> StatsPage:
        reads.append(days)
        return pages[0 if len(reads) == 1 else 1](days)

    window = StatsWindow(load)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert len(reads) == 1  # shown and focused: no second read
    empty_words = window.text.text()
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    window.activateWindow()
    qtbot.waitUntil(lambda: len(reads) == 2)
    assert window.text.text() == summary_sentence(pages[1](7).summary)
    assert window.text.text() != empty_words
