"""Time that misbehaves: daylight saving changes, the clock set back and forward, an eight-hour
suspend, midnight. None of it may cause a burst of reminders, a negative duration, or a wrong day in
the statistics.

The clock here reads local time the way the app's does (datetime.now().astimezone(): a fixed UTC offset
that changes when daylight saving does), from a UTC instant that moves on by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from backbreak.core.clock import Instant
from backbreak.core.engine import EngineState, initial_state, step
from backbreak.core.events import (
    BreakEnded,
    Effect,
    Event,
    IdleSample,
    OpenBreak,
    Outcome,
    Record,
    RecordSitting,
    Resumed,
    ScheduleWakeup,
    ShowDue,
    StartBreak,
    Suspending,
    Tick,
)
from backbreak.core.history import EventRow, HistoryStore, SittingRow
from backbreak.core.settings import Settings
from backbreak.core.stats import summarize

from tests.fakes import ROUTINE_SECONDS

BERLIN = ZoneInfo("Europe/Berlin")


class LocalClock:
    """A UTC instant and a monotonic reading; local wall time as the system reports it."""

    def __init__(self, utc: dt.datetime) -> None:
        self.utc = utc
        self.mono = 1000.0

    def now(self) -> Instant:
        local = self.utc.astimezone(BERLIN)
        return Instant(self.mono, local.replace(tzinfo=dt.timezone(local.utcoffset() or dt.timedelta())))

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.utc += dt.timedelta(seconds=seconds)


@dataclass
class Day:
    """The engine with a user who types, answers Start and finishes each break; one wake-up pending."""

    clock: LocalClock
    state: EngineState = field(init=False)
    wakeup: dt.datetime | None = None
    shown: list[float] = field(default_factory=list)  # monotonic times of due reminders
    rows: list[Effect] = field(default_factory=list)
    on_break_until: float | None = None

    def __post_init__(self) -> None:
        self.state = initial_state(Settings(), self.clock.now(), ROUTINE_SECONDS)
        self.send(Tick())

    def send(self, event: Event) -> None:
        self.state, effects = step(self.state, event, self.clock.now())
        for effect in effects:
            match effect:
                case ScheduleWakeup(at=at):
                    self.wakeup = at
                case ShowDue(level=0):
                    self.shown.append(self.clock.mono)
                    self.send(StartBreak())
                case ShowDue():
                    self.shown.append(self.clock.mono)
                case OpenBreak(routine=routine):
                    self.on_break_until = self.clock.mono + self.state.routine_seconds(routine)
                case Record() | RecordSitting():
                    self.rows.append(effect)
                case _:
                    pass

    def run(self, seconds: float) -> None:
        """Time passes while the user types; samples every minute, wake-ups when asked."""
        end = self.clock.mono + seconds
        while self.clock.mono < end:
            step_to = min(end, self.clock.mono + 60)
            if self.wakeup is not None:
                due = self.clock.mono + max(0.0, (self.wakeup - self.clock.now().wall).total_seconds())
                step_to = min(step_to, due)
            if self.on_break_until is not None:
                step_to = min(step_to, self.on_break_until)
            self.clock.advance(max(0.0, step_to - self.clock.mono))
            if self.on_break_until is not None and self.clock.mono >= self.on_break_until:
                self.on_break_until = None
                self.send(BreakEnded(Outcome.COMPLETED))
            self.send(IdleSample(0))

    def check(self, tmp_path: Path) -> dict[str, int]:
        """No burst, no negative span, and every row on its local day; returns the day's totals."""
        gaps = [later - earlier for earlier, later in zip(self.shown, self.shown[1:], strict=False)]
        assert all(gap >= 60 for gap in gaps), gaps  # never two reminders within a minute
        spans = [row for row in self.rows if isinstance(row, RecordSitting)]
        assert spans
        assert all(span.end >= span.start for span in spans)
        store = HistoryStore(tmp_path / "history.sqlite3", self.clock.now().wall)
        for row in self.rows:
            if isinstance(row, Record):
                store.add_event(EventRow(row.at, row.event, row.kind, row.detail))
            elif isinstance(row, RecordSitting):
                store.add_sitting(SittingRow(row.start, row.end))
        events, sitting = store.read(dt.date(2026, 1, 1))
        store.close()
        today = self.clock.now().wall.date()
        summary = summarize(events, sitting, today, 3)
        assert all(day.sitting_seconds >= 0 for day in summary.per_day)
        assert sum(day.sitting_seconds for day in summary.per_day) == pytest.approx(
            sum((span.end - span.start).total_seconds() for span in spans)
        )
        return {day.day.isoformat(): round(day.sitting_seconds) for day in summary.per_day}


def ordinary_night() -> Day:
    """The same two hours on a night without a clock change."""
    day = Day(LocalClock(dt.datetime(2026, 3, 15, 0, 0, tzinfo=dt.UTC)))
    day.run(2 * 3600)
    assert len(day.shown) >= 3
    return day


def test_spring_forward_is_one_second_not_an_hour_away(tmp_path: Path) -> None:
    clock = LocalClock(dt.datetime(2026, 3, 29, 0, 0, tzinfo=dt.UTC))  # 01:00 CET; 02:00 becomes 03:00
    day = Day(clock)
    day.run(2 * 3600)
    assert clock.now().wall.utcoffset() == dt.timedelta(hours=2)
    natural = [row for row in day.rows if isinstance(row, Record) and row.event.value == "natural"]
    assert natural == []  # the jump of the local clock is no absence
    assert day.shown == ordinary_night().shown  # reminders at the same moments as on any other night
    day.check(tmp_path)


def test_fall_back_repeats_an_hour_without_a_burst(tmp_path: Path) -> None:
    clock = LocalClock(dt.datetime(2026, 10, 25, 0, 0, tzinfo=dt.UTC))  # 02:00 CEST; 03:00 becomes 02:00
    day = Day(clock)
    day.run(2 * 3600)
    assert clock.now().wall.utcoffset() == dt.timedelta(hours=1)
    assert day.shown == ordinary_night().shown
    day.check(tmp_path)


def test_the_clock_set_back_and_forward_by_hand(tmp_path: Path) -> None:
    clock = LocalClock(dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    day = Day(clock)
    day.run(20 * 60)
    clock.utc -= dt.timedelta(hours=1)  # set back: nothing is lost, nothing repeats
    day.run(20 * 60)
    clock.utc += dt.timedelta(hours=3)  # set forward: taken for an absence, never for three hours of sitting
    day.run(20 * 60)
    assert len(day.shown) <= 2
    assert day.state.move_s < 30 * 60
    day.check(tmp_path)


def test_eight_hours_asleep_then_no_burst_on_return(tmp_path: Path) -> None:
    clock = LocalClock(dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC))
    day = Day(clock)
    day.run(25 * 60)
    day.send(Suspending())
    clock.utc += dt.timedelta(hours=8)  # the lid is closed overnight; the monotonic clock stands still
    day.send(Resumed())
    before = len(day.shown)
    day.run(20 * 60)
    assert len(day.shown) == before  # nothing stale comes due on return
    assert day.state.move_s <= 20 * 60 + 1
    day.check(tmp_path)


def test_midnight_splits_the_sitting_and_each_day_gets_its_own(tmp_path: Path) -> None:
    clock = LocalClock(dt.datetime(2026, 11, 23, 22, 40, tzinfo=dt.UTC))  # 23:40 CET
    day = Day(clock)
    day.run(20 * 60)  # sitting from 23:40 to 00:00
    day.run(20 * 60)  # and on into the new day
    totals = day.check(tmp_path)
    assert totals["2026-11-23"] == 20 * 60
    assert totals["2026-11-24"] > 0
