"""A day as a timeline of sitting, breaks and time away, and the page the statistics window reads."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from backbreak.core.events import BreakKind, HistoryEvent, IdleSample, Record, RecordSitting
from backbreak.core.history import EventRow, SittingRow
from backbreak.core.stats import page_of
from backbreak.core.timeline import Part, day_timeline, sitting_now

from tests.fakes import TZ, Engine, wall
from tests.unit.test_workday import run_day

DAY = dt.date(2026, 11, 24)


def span(start: str, end: str) -> SittingRow:
    return SittingRow(wall(f"2026-11-24 {start}"), wall(f"2026-11-24 {end}"))


def event(at: str, what: HistoryEvent, kind: BreakKind | None = BreakKind.MOVE) -> EventRow:
    return EventRow(wall(f"2026-11-24 {at}"), what, kind)


def parts(segments: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(s.part.value, f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in segments]


def test_a_morning_reads_as_sitting_breaks_and_away_in_order() -> None:
    spans = [span("08:00", "08:30"), span("08:32", "09:10"), span("09:40", "10:00")]
    events = [
        event("08:30", HistoryEvent.STARTED),
        event("08:32", HistoryEvent.COMPLETED),
        event("09:40", HistoryEvent.NATURAL),  # came back after 30 min: counted as a break
    ]
    assert parts(day_timeline(events, spans, DAY)) == [
        ("sitting", "08:00", "08:30"),
        ("break", "08:30", "08:32"),
        ("sitting", "08:32", "09:10"),
        ("natural", "09:10", "09:40"),
        ("sitting", "09:40", "10:00"),
    ]
    assert day_timeline(events, spans, DAY)[1].kind is BreakKind.MOVE


def test_a_gap_without_a_natural_break_is_away_and_rounding_gaps_are_not() -> None:
    spans = [span("08:00", "08:30"), span("08:34", "09:00")]
    rounding = [SittingRow(wall("2026-11-24 09:00:10"), wall("2026-11-24 09:20"))]
    assert parts(day_timeline([], spans + rounding, DAY)) == [
        ("sitting", "08:00", "08:30"),
        ("away", "08:30", "08:34"),
        ("sitting", "08:34", "09:00"),
        ("sitting", "09:00", "09:20"),
    ]


def test_a_stopped_break_counts_and_a_window_that_failed_does_not() -> None:
    events = [
        event("10:00", HistoryEvent.STARTED, BreakKind.STRETCH),
        event("10:01", HistoryEvent.STOPPED, BreakKind.STRETCH),
        event("11:00", HistoryEvent.STARTED),
        event("11:00", HistoryEvent.FAILED),
        event("11:00", HistoryEvent.SKIPPED),
    ]
    spans = [span("09:30", "10:00"), span("10:01", "12:00")]
    assert parts(day_timeline(events, spans, DAY)) == [
        ("sitting", "09:30", "10:00"),
        ("break", "10:00", "10:01"),
        ("sitting", "10:01", "12:00"),
    ]


def test_rows_of_other_days_are_cut_at_midnight_and_overlaps_trimmed() -> None:
    spans = [
        SittingRow(wall("2026-11-23 23:50"), wall("2026-11-24 00:00")),  # yesterday's, split there by the store
        SittingRow(wall("2026-11-24 23:40"), wall("2026-11-25 00:30")),  # as if unsplit: cut at midnight
        span("12:00", "12:40"),
        span("12:20", "12:30"),  # wholly inside the one before (a duplicate)
        span("12:30", "13:00"),  # overlapping: starts where the one before ended
    ]
    segments = day_timeline([], spans, DAY)
    assert parts(segments) == [
        ("sitting", "12:00", "12:40"),
        ("sitting", "12:40", "13:00"),
        ("away", "13:00", "23:40"),
        ("sitting", "23:40", "00:00"),
    ]
    assert segments[-1].end == dt.datetime(2026, 11, 25, tzinfo=TZ)
    assert all(a.end <= b.start for a, b in itertools.pairwise(segments))
    assert day_timeline([], [], DAY) == []


def test_the_page_counts_the_sitting_in_progress() -> None:
    recorded = [span("08:00", "08:30")]
    page = page_of(lambda since: ([], recorded), DAY, 1, sitting_now=span("08:35", "09:20"))
    assert page.summary.per_day[-1].longest_sitting_seconds == 45 * 60
    assert parts(page.today)[-1] == ("sitting", "08:35", "09:20")
    assert page_of(lambda since: ([], recorded), DAY, 1).summary.per_day[-1].sitting_seconds == 30 * 60


def test_sitting_now_follows_the_engine() -> None:
    engine = Engine(start="2026-11-24 08:00")
    for _ in range(25):
        engine.after(60, IdleSample(0))  # sampled every minute, as the runtime does
    now = sitting_now(engine.state)
    assert now is not None
    assert (now.start, now.end) == (wall("2026-11-24 08:00"), wall("2026-11-24 08:25"))
    assert sitting_now(dataclasses.replace(engine.state, idle_away=True)) is None


def test_a_simulated_work_day_reads_back_as_a_whole_timeline() -> None:
    day = run_day()
    events = [EventRow(e.at, e.event, e.kind, e.detail) for e in day.history if isinstance(e, Record)]
    spans = [SittingRow(e.start, e.end) for e in day.history if isinstance(e, RecordSitting)]
    segments = day_timeline(events, spans, dt.date(2026, 11, 23))
    assert all(a.end <= b.start for a, b in itertools.pairwise(segments))
    assert round(sum(s.seconds for s in segments if s.part is Part.SITTING)) == round(
        sum((span.end - span.start).total_seconds() for span in spans)
    )
    taken = [e for e in events if e.event in (HistoryEvent.COMPLETED, HistoryEvent.HURT)]
    assert len([s for s in segments if s.part is Part.BREAK]) == len(taken)
    natural = [e for e in events if e.event is HistoryEvent.NATURAL]
    assert natural
    assert len([s for s in segments if s.part is Part.NATURAL]) == len(natural)


def test_the_page_reads_back_only_as_far_as_the_streak_needs() -> None:
    def every_day(count: int) -> list[EventRow]:
        return [
            EventRow(wall(f"{DAY - dt.timedelta(days=back)} 10:00"), HistoryEvent.COMPLETED, BreakKind.MOVE)
            for back in range(count)
        ]

    asked: list[dt.date] = []

    def reader(rows: list[EventRow]):  # type: ignore[no-untyped-def]
        def read(since: dt.date) -> tuple[list[EventRow], list[SittingRow]]:
            asked.append(since)
            return [row for row in rows if row.at.date() >= since], []

        return read

    assert page_of(reader(every_day(5)), DAY, 7).summary.streak_days == 5
    assert asked == [DAY - dt.timedelta(days=14)]  # the streak ended inside the first read
    asked.clear()
    assert page_of(reader(every_day(100)), DAY, 7).summary.streak_days == 100
    assert len(asked) > 1
    assert asked[-1] <= DAY - dt.timedelta(days=100)  # read on until the streak's start was in view
    asked.clear()
    assert page_of(reader(every_day(500)), DAY, 30).summary.streak_days == 401  # as far as the streak looks
