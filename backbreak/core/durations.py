"""Durations as people write them in settings.toml and on the command line: "45s", "25m", "1h30m".

A duration is a whole number of seconds. `parse_duration` is strict about units (a bare number is
ambiguous, so it is refused) and forgiving about spaces and case; `format_duration` writes the
shortest canonical form, so a file that is read and written again does not change.
"""

from __future__ import annotations

import re

from backbreak.core.i18n import _, n_

_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
_PART = re.compile(r"(\d+)\s*([hms])")
_WHOLE = re.compile(r"(?:\d+\s*[hms]\s*)+")


class DurationError(ValueError):
    """The text is not a duration; the message says what one looks like."""


def parse_duration(text: str) -> int:
    """Return the number of seconds written in `text`, e.g. "1h30m" -> 5400.

    Raises:
        DurationError: the text is empty, has no unit, an unknown unit, or a unit twice.
    """
    cleaned = text.strip().lower()
    if not cleaned or not _WHOLE.fullmatch(cleaned):
        raise DurationError(f'"{text}" is not a duration (write it like "45s", "25m" or "1h30m")')
    seen: set[str] = set()
    total = 0
    for number, unit in _PART.findall(cleaned):
        if unit in seen:
            raise DurationError(f'"{text}" names "{unit}" twice (write it like "1h30m")')
        seen.add(unit)
        total += int(number) * _UNIT_SECONDS[unit]
    return total


def format_duration(seconds: int) -> str:
    """Write `seconds` in the canonical form: 5400 -> "1h30m", 90 -> "1m30s", 0 -> "0s"."""
    if seconds < 0:
        raise ValueError("a duration is never negative")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{value}{unit}" for value, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if value]
    return "".join(parts) or "0s"


def humanize(seconds: float) -> str:
    """Say a span for people, rounded: "45 s", "27 min", "1 h 5 min" (in the user's language)."""
    whole = max(0, round(seconds))
    if whole < 60:
        return seconds_words(whole)
    minutes = round(whole / 60)
    if minutes < 60:
        return minutes_words(minutes)
    hours, minutes = divmod(minutes, 60)
    return hours_and_minutes(hours, minutes)


def seconds_words(count: int) -> str:
    """A count of seconds: "45 s"."""
    # i18n: a number of seconds, short, as on a timer
    return n_("{n} s", "{n} s", count).format(n=count)


def minutes_words(count: int) -> str:
    """A count of minutes: "27 min"."""
    # i18n: a number of minutes, short, as on a timer
    return n_("{n} min", "{n} min", count).format(n=count)


def hours_and_minutes(hours: int, minutes: int) -> str:
    """Hours and minutes: "1 h 5 min", or "2 h" for whole hours."""
    # i18n: a number of hours, short, as on a timer
    said = n_("{n} h", "{n} h", hours).format(n=hours)
    if not minutes:
        return said
    # i18n: hours and minutes together, like "1 h 5 min"
    return _("{hours} {minutes}").format(hours=said, minutes=minutes_words(minutes))
