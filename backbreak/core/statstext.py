"""The statistics in words: a friendly summary of the span, and one day's numbers.

The window shows these sentences above and below its charts, and screen readers get the same words.
Kind and factual: what happened, never a verdict. "Breaks" are the breaks taken plus the natural
ones (away long enough to count), since both broke up the sitting.
"""

from __future__ import annotations

import datetime as dt

from backbreak.core.durations import humanize
from backbreak.core.events import BreakKind
from backbreak.core.stats import DayStats, Summary
from backbreak.core.timeline import Part, Segment

GUIDE_SECONDS = 30 * 60
"""The guidance line on the charts (stretch-facts.md section 1.5)."""
GUIDE_WORDS = "Research suggests breaking up sitting about every 30 minutes."


def breaks_of(day: DayStats) -> int:
    """The breaks that broke up the day's sitting: taken and natural."""
    return day.breaks_taken + day.natural


def plural(count: int, word: str) -> str:
    """A count and its noun: "1 break", "2 breaks"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def day_name(day: dt.date, today: dt.date, long: bool = False) -> str:
    """The day's name: "Today", "Yesterday", or "Tue 24 Nov" (long: "Tuesday 24 November")."""
    if day == today:
        return "Today"
    if day == today - dt.timedelta(days=1):
        return "Yesterday"
    return f"{day:%A} {day.day} {day:%B}" if long else f"{day:%a} {day.day} {day:%b}"


def recorded(day: DayStats) -> bool:
    """Whether anything happened that day."""
    return day.sitting_seconds > 0 or breaks_of(day) > 0 or day.snoozed > 0 or day.skipped > 0


def summary_sentence(summary: Summary) -> str:
    """The line at the top of the window, for today or for a span of days."""
    days = [day for day in summary.per_day if recorded(day)]
    longest = max(days, key=lambda day: day.longest_sitting_seconds, default=None)
    if summary.days == 1:
        if longest is None:
            return "Nothing recorded yet today."
        breaks = breaks_of(longest)
        stretch = f"longest stretch without a break {humanize(longest.longest_sitting_seconds)}"
        if breaks == 0:
            return f"No breaks yet today; {stretch}."
        return f"You broke up your sitting {plural(breaks, 'time')} today; {stretch}."
    if longest is None:
        return f"Nothing recorded in the last {summary.days} days yet."
    breaks = sum(breaks_of(day) for day in days)
    said = f"In the last {summary.days} days you broke up your sitting {plural(breaks, 'time')}"
    if breaks and len(days) > 1:
        said += f", about {round(breaks / len(days))} a day"
    said += f"; longest stretch without a break {humanize(longest.longest_sitting_seconds)}"
    said += f" ({_when(longest.day, summary.today)})."
    sat = [day for day in days if day.sitting_seconds > 0]
    within = sum(1 for day in sat if day.longest_sitting_seconds <= GUIDE_SECONDS)
    if within and within == len(sat):
        every = {1: "that day", 2: "both days"}.get(within, f"all {within} days")
        said += f" On {every}, no stretch of sitting went past 30 min."
    elif within:
        said += f" On {within} of {len(sat)} days, no stretch of sitting went past 30 min."
    return said


def figures_line(summary: Summary) -> str:
    """The span's other figures in one line."""
    totals = summary.to_json()
    return (
        f"Sitting {humanize(totals['sitting_seconds'])} · breaks taken {totals['breaks_taken']} · "
        f"natural {totals['natural']} · snoozed {totals['snoozed']} · skipped {totals['skipped']} · "
        f"stretching {humanize(totals['stretched_seconds'])} · streak {plural(totals['streak_days'], 'day')}"
    )


def day_sentence(day: DayStats, today: dt.date) -> str:
    """One day's numbers, as the chart shows them on hover or focus."""
    name = day_name(day.day, today, long=True)
    if not recorded(day):
        return f"{name}: nothing recorded."
    breaks = breaks_of(day)
    parts = [
        f"sat {humanize(day.sitting_seconds)}",
        f"longest without a break {humanize(day.longest_sitting_seconds)}",
        f"{plural(breaks, 'break')} ({day.breaks_taken} taken, {day.natural} natural)",
    ]
    if day.snoozed or day.skipped:
        parts.append(f"snoozed {day.snoozed}, skipped {day.skipped}")
    if day.stretched_seconds:
        parts.append(f"stretched {humanize(day.stretched_seconds)}")
    return f"{name}: " + "; ".join(parts) + "."


def segment_sentence(segment: Segment) -> str:
    """One stretch of today: "09:32 to 10:12: sitting, 40 min"."""
    if segment.part is Part.BREAK:
        what = "stretch break" if segment.kind is BreakKind.STRETCH else "move break"
    else:
        what = {Part.SITTING: "sitting", Part.NATURAL: "away, counted as a break", Part.AWAY: "away"}[segment.part]
    return f"{segment.start:%H:%M} to {segment.end:%H:%M}: {what}, {humanize(segment.seconds)}."


def _when(day: dt.date, today: dt.date) -> str:
    if day >= today - dt.timedelta(days=1):
        return day_name(day, today).lower()
    if day > today - dt.timedelta(days=7):
        return f"on {day:%A}"
    return f"on {day_name(day, today)}"
