"""Statistics from the history, per day and over a span of days.

The same numbers serve the statistics window, `backbreak stats --json` and the CSV export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.history import EventRow, SittingRow, read_history
from backbreak.core.i18n import _, n_
from backbreak.core.timeline import Segment, day_timeline

_STRETCHED = (HistoryEvent.COMPLETED, HistoryEvent.STOPPED, HistoryEvent.HURT)
"""Endings of a started stretch whose time counts as stretching (a window that failed to open does not)."""
_ENDINGS = (*_STRETCHED, HistoryEvent.FAILED)
_COUNTED = {HistoryEvent.SNOOZED: "snoozed", HistoryEvent.SKIPPED: "skipped", HistoryEvent.NATURAL: "natural"}


@dataclass
class DayStats:
    """One day's figures. Seconds are whole seconds of the local day."""

    day: dt.date
    sitting_seconds: float = 0.0
    longest_sitting_seconds: float = 0.0
    breaks_taken: int = 0
    snoozed: int = 0
    skipped: int = 0
    natural: int = 0
    stretched_seconds: float = 0.0

    def row(self) -> dict[str, Any]:
        """The day as a flat record (CSV and JSON)."""
        record = asdict(self)
        record["day"] = self.day.isoformat()
        for key, value in record.items():
            if isinstance(value, float):
                record[key] = round(value)
        return record


@dataclass
class Summary:
    """Totals over `days` days ending `today`, the current streak, and every day's figures."""

    today: dt.date
    days: int
    per_day: list[DayStats] = field(default_factory=list)
    streak_days: int = 0

    def total(self, name: str) -> float:
        """The sum of one figure over the days."""
        return float(sum(getattr(day, name) for day in self.per_day))

    @property
    def longest_sitting_seconds(self) -> float:
        """The longest unbroken sitting in the span."""
        return max((day.longest_sitting_seconds for day in self.per_day), default=0.0)

    def to_json(self) -> dict[str, Any]:
        """What `backbreak stats --json` prints."""
        return {
            "from": self.per_day[0].day.isoformat() if self.per_day else self.today.isoformat(),
            "to": self.today.isoformat(),
            "days": self.days,
            "sitting_seconds": round(self.total("sitting_seconds")),
            "longest_sitting_seconds": round(self.longest_sitting_seconds),
            "breaks_taken": int(self.total("breaks_taken")),
            "snoozed": int(self.total("snoozed")),
            "skipped": int(self.total("skipped")),
            "natural": int(self.total("natural")),
            "stretched_seconds": round(self.total("stretched_seconds")),
            "streak_days": self.streak_days,
            "per_day": [day.row() for day in self.per_day],
        }

    def to_csv(self) -> str:
        """One row per day, with a header."""
        out = io.StringIO()
        fields = list(DayStats(self.today).row())
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for day in self.per_day:
            writer.writerow(day.row())
        return out.getvalue()


def today_line(summary: Summary) -> str:
    """Today's breaks and the streak, for the end card of a routine."""
    taken = int(summary.per_day[-1].breaks_taken) if summary.per_day else 0
    days = summary.streak_days
    streak = n_("{n} day", "{n} days", days).format(n=days)
    return _("Breaks today: {taken} · streak: {streak}").format(taken=taken, streak=streak)


def summarize(events: list[EventRow], spans: list[SittingRow], today: dt.date, days: int) -> Summary:
    """Figures for the `days` days ending `today`; the streak may reach back further in `events`."""
    first = today - dt.timedelta(days=days - 1)
    per_day = {first + dt.timedelta(days=n): DayStats(first + dt.timedelta(days=n)) for n in range(days)}
    for span in spans:
        stats = per_day.get(span.start.date())
        if stats is not None:
            seconds = (span.end - span.start).total_seconds()
            stats.sitting_seconds += seconds
            stats.longest_sitting_seconds = max(stats.longest_sitting_seconds, seconds)
    started: dt.datetime | None = None
    taken_days: set[dt.date] = set()
    for row in events:
        day = row.at.date()
        if row.event is HistoryEvent.COMPLETED:
            taken_days.add(day)
        if row.kind is BreakKind.STRETCH and row.event is HistoryEvent.STARTED:
            started = row.at
        elif row.kind is BreakKind.STRETCH and row.event in _ENDINGS and started is not None:
            if day in per_day and row.event in _STRETCHED:
                per_day[day].stretched_seconds += (row.at - started).total_seconds()
            started = None
        stats = per_day.get(day)
        if stats is None:
            continue
        if row.event is HistoryEvent.COMPLETED:
            stats.breaks_taken += 1
        elif row.event in _COUNTED:
            name = _COUNTED[row.event]
            setattr(stats, name, getattr(stats, name) + 1)
    return Summary(today, days, list(per_day.values()), _streak(taken_days, today))


def _streak(days_with_breaks: set[dt.date], today: dt.date) -> int:
    """Days in a row with a break taken, up to today (or up to yesterday while today has none yet)."""
    day = today if today in days_with_breaks else today - dt.timedelta(days=1)
    streak = 0
    while day in days_with_breaks:
        streak += 1
        day -= dt.timedelta(days=1)
    return streak


STREAK_LOOKBACK_DAYS = 400
"""History read for a summary reaches back this far, so the streak is right however few days are shown."""


Reader = Callable[[dt.date], tuple[list[EventRow], list[SittingRow]]]
"""Reads the history's rows from a day on (HistoryStore.read, or read_history on a path)."""


def summary_of(read: Reader, today: dt.date, days: int) -> tuple[Summary, list[SittingRow]]:
    """The summary of the history `read` gives, and today's sitting spans.

    Raises:
        HistoryError: the history cannot be read.
    """
    since = today - dt.timedelta(days=max(days, STREAK_LOOKBACK_DAYS))
    events, spans = read(since)
    return summarize(events, spans, today, days), [span for span in spans if span.start.date() == today]


@dataclass(frozen=True)
class StatsPage:
    """What the statistics window shows: the span's summary, and today as a timeline."""

    summary: Summary
    today: list[Segment]


def page_of(read: Reader, today: dt.date, days: int, sitting_now: SittingRow | None = None) -> StatsPage:
    """The summary and today's timeline from one read of the history.

    `sitting_now` is the span the user is sitting in (not in the history until it ends): it counts in
    today's figures and timeline, so the window agrees with the sitting clock in the tray.

    Raises:
        HistoryError: the history cannot be read.
    """
    # The days shown first; further back only while the streak runs to the start of what was read. A
    # year of history takes a tenth of a second to read, more than the window may take to open.
    reach = days + 7
    while True:
        events, spans = read(today - dt.timedelta(days=reach))
        if sitting_now is not None and sitting_now.end > sitting_now.start:
            spans = [*spans, sitting_now]
        summary = summarize(events, spans, today, days)
        if summary.streak_days < reach - 1 or reach >= STREAK_LOOKBACK_DAYS:
            return StatsPage(summary, day_timeline(events, spans, today))
        reach = min(STREAK_LOOKBACK_DAYS, reach * 4)


def summary_from_file(path: Path, today: dt.date, days: int) -> tuple[Summary, list[SittingRow]]:
    """The summary of the history file at `path` (read-only; zeros if absent): what `backbreak stats` prints."""
    return summary_of(lambda since: read_history(path, since), today, days)
