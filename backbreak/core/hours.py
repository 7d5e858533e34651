"""Working hours and days on the wall clock.

Hours may span midnight (start 22:00, end 06:00): the span then belongs to the day it starts on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from backbreak.core.settings import WEEKDAYS, HoursSettings


def _spans(hours: HoursSettings, around: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """Working spans from the day before `around` to eight days after, in order."""
    tz = around.tzinfo
    overnight = hours.end <= hours.start
    for offset in range(-1, 9):
        day = around.date() + dt.timedelta(days=offset)
        if WEEKDAYS[day.weekday()] not in hours.days:
            continue
        start = dt.datetime.combine(day, hours.start, tz)
        end_day = day + dt.timedelta(days=1) if overnight else day
        yield start, dt.datetime.combine(end_day, hours.end, tz)


def within_hours(hours: HoursSettings, wall: dt.datetime) -> bool:
    """Whether reminders may run at `wall`; always true when working hours are off."""
    if not hours.enabled:
        return True
    return any(start <= wall < end for start, end in _spans(hours, wall))


def next_boundary(hours: HoursSettings, wall: dt.datetime) -> dt.datetime | None:
    """The next moment after `wall` when working hours start or end, or None when they are off."""
    if not hours.enabled:
        return None
    moments = [moment for span in _spans(hours, wall) for moment in span if moment > wall]
    return min(moments, default=None)


def tomorrow_start(hours: HoursSettings, wall: dt.datetime) -> dt.datetime:
    """When "pause until tomorrow" ends: tomorrow's start of work, or tomorrow at midnight."""
    tomorrow = wall.date() + dt.timedelta(days=1)
    start = hours.start if hours.enabled else dt.time(0, 0)
    return dt.datetime.combine(tomorrow, start, wall.tzinfo)
