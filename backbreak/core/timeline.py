"""One day as a timeline: when the user sat, took a break, or was away. The statistics window draws it.

- Sitting comes from the history's sitting spans (already split at midnight).
- A break runs from its start to its end, whatever the ending (completed, stopped, this hurts): the
  user was off the chair all that time. A window that failed to open took no time and is left out.
- Away is every gap between those, from the first thing of the day to the last. A gap that ended in a
  natural break (away long enough to count, recorded when the user came back) is marked so, because it
  broke up the sitting just as a break taken would.
- The span the user is sitting in right now is not in the history until it ends; the caller may pass it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.history import EventRow, SittingRow
from backbreak.core.state import EngineState

_ENDED = (HistoryEvent.COMPLETED, HistoryEvent.STOPPED, HistoryEvent.HURT)
_NATURAL_SLACK = dt.timedelta(seconds=2)
"""A natural break is recorded at the moment the user came back, which is where the next span starts."""
SHORTEST_GAP = dt.timedelta(seconds=30)
"""Gaps shorter than this are rounding between rows (stored to the second), not time away."""


class Part(enum.Enum):
    """What a stretch of the day was."""

    SITTING = "sitting"
    BREAK = "break"
    NATURAL = "natural"  # away long enough to count as a break
    AWAY = "away"


@dataclass(frozen=True)
class Segment:
    """One stretch of the day; `kind` says which break for Part.BREAK."""

    part: Part
    start: dt.datetime
    end: dt.datetime
    kind: BreakKind | None = None

    @property
    def seconds(self) -> float:
        """How long it lasted."""
        return (self.end - self.start).total_seconds()


def sitting_now(state: EngineState) -> SittingRow | None:
    """The sitting span in progress as of the engine's last step, or None (away, or on a break)."""
    if not state.present or state.on_break or state.tau <= state.present_since:
        return None
    since = state.last.wall - dt.timedelta(seconds=state.tau - state.present_since)
    return SittingRow(since, state.last.wall)


def day_timeline(events: Sequence[EventRow], spans: Iterable[SittingRow], day: dt.date) -> list[Segment]:
    """The segments of `day`, in order, without overlaps; empty when nothing was recorded that day."""
    # The history may reach back a year: only what touches the day (or ran over from the evening before).
    near = (day - dt.timedelta(days=1), day)
    events = [row for row in events if row.at.date() in near]
    spans = [span for span in spans if span.start.date() <= day <= span.end.date()]
    rows = [Segment(Part.SITTING, span.start, span.end) for span in spans]
    rows += _breaks(events)
    natural = [row.at for row in events if row.event is HistoryEvent.NATURAL]
    clipped = sorted(filter(None, (_clip(row, day) for row in rows)), key=lambda row: row.start)
    timeline: list[Segment] = []
    for row in clipped:
        if timeline:
            last = timeline[-1]
            if row.end <= last.end:
                continue  # wholly inside what is already there (a duplicate row)
            if row.start < last.end:
                row = Segment(row.part, last.end, row.end, row.kind)
            elif row.start - last.end >= SHORTEST_GAP:
                timeline.append(_gap(last.end, row.start, natural))
        timeline.append(row)
    return timeline


def _breaks(events: Iterable[EventRow]) -> list[Segment]:
    found: list[Segment] = []
    started: EventRow | None = None
    for row in sorted(events, key=lambda row: row.at):
        if row.event is HistoryEvent.STARTED:
            started = row
        elif row.event in _ENDED and started is not None:
            found.append(Segment(Part.BREAK, started.at, row.at, started.kind))
            started = None
        elif row.event is HistoryEvent.FAILED:
            started = None
    return found


def _gap(start: dt.datetime, end: dt.datetime, natural: list[dt.datetime]) -> Segment:
    counted = any(start <= at <= end + _NATURAL_SLACK for at in natural)
    return Segment(Part.NATURAL if counted else Part.AWAY, start, end)


def _clip(row: Segment, day: dt.date) -> Segment | None:
    """The part of `row` on `day` (in the row's own time zone), or None."""
    midnight = dt.datetime.combine(day, dt.time(), row.start.tzinfo)
    start, end = max(row.start, midnight), min(row.end, midnight + dt.timedelta(days=1))
    if end <= start:
        return None
    return Segment(row.part, start, end, row.kind)
