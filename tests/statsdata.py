"""Histories for the statistics window's tests, screenshots and bench: empty, one day, a busy month, an
extreme day (16 h of sitting and 60 breaks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.history import EventRow, SittingRow
from backbreak.core.stats import StatsPage, page_of

from tests.fakes import wall

TODAY = dt.date(2026, 11, 27)  # a Friday, so the week shown holds a Tuesday before today
History = tuple[list[EventRow], list[SittingRow]]


def work_day(day: dt.date, seed: int, start: str = "08:30", until: int = 17) -> History:
    """Sitting stretches of 20 to 55 min, each ended by a move or stretch break; lunch away at noon."""
    events: list[EventRow] = []
    spans: list[SittingRow] = []
    at = wall(f"{day} {start}")
    n = 0
    while at.hour < until:
        longest = (28, 42, 55, 25, 35)[seed % 5]  # some days keep within the 30 min guide, some do not
        sat = dt.timedelta(minutes=15 + (seed * 7 + n * 13) % (longest - 14))
        spans.append(SittingRow(at, at + sat))
        at += sat
        if at.hour == 12 and not any(row.event is HistoryEvent.NATURAL for row in events):
            at += dt.timedelta(minutes=45)  # lunch: away long enough to count as a break
            events.append(EventRow(at, HistoryEvent.NATURAL, BreakKind.STRETCH, "away 2700 s"))
        else:
            kind = BreakKind.STRETCH if n % 3 == 2 else BreakKind.MOVE
            events.append(EventRow(at, HistoryEvent.STARTED, kind, "desk-2" if kind is BreakKind.STRETCH else "move"))
            at += dt.timedelta(minutes=3 if kind is BreakKind.STRETCH else 2)
            events.append(EventRow(at, HistoryEvent.COMPLETED, kind))
        if n % 5 == 4:
            events.append(EventRow(at, HistoryEvent.SNOOZED, BreakKind.MOVE))
        n += 1
    return events, spans


def busy_month() -> History:
    """Thirty days up to today, weekdays worked, weekends off."""
    events: list[EventRow] = []
    spans: list[SittingRow] = []
    for back in range(30):
        day = TODAY - dt.timedelta(days=back)
        if day.weekday() < 5:
            more_events, more_spans = work_day(day, back)
            events += more_events
            spans += more_spans
    return sorted(events, key=lambda row: row.at), sorted(spans, key=lambda row: row.start)


def one_day() -> History:
    """Only today."""
    return work_day(TODAY, 3)


def extreme_day() -> History:
    """16 h of sitting today (3 h of it in one go) broken up by 60 one-minute breaks, 05:30 to 22:30."""
    events: list[EventRow] = []
    spans: list[SittingRow] = []
    at = wall(f"{TODAY} 05:30")
    for n in range(61):
        sat = dt.timedelta(hours=3) if n == 30 else dt.timedelta(minutes=13)
        spans.append(SittingRow(at, at + sat))
        at += sat
        if n < 60:
            events.append(EventRow(at, HistoryEvent.STARTED, BreakKind.MOVE, "move"))
            at += dt.timedelta(minutes=1)
            events.append(EventRow(at, HistoryEvent.COMPLETED, BreakKind.MOVE))
    return events, spans


HISTORIES: dict[str, Callable[[], History]] = {
    "empty": lambda: ([], []),
    "one-day": one_day,
    "busy-month": busy_month,
    "extreme-day": extreme_day,
}


def loader(history: History, today: dt.date = TODAY) -> Callable[[int], StatsPage]:
    """What the window is handed: days -> the page for those days ending `today`."""
    events, spans = history
    return lambda days: page_of(lambda since: (events, spans), today, days)
