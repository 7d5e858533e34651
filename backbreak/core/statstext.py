"""The statistics in words: a friendly summary of the span, and one day's numbers.

The window shows these sentences above and below its charts, and screen readers get the same words.
Kind and factual: what happened, never a verdict. "Breaks" are the breaks taken plus the natural
ones (away long enough to count), since both broke up the sitting.
"""

from __future__ import annotations

import datetime as dt

from backbreak.core.calendarwords import date_words, weekdays
from backbreak.core.durations import humanize
from backbreak.core.events import BreakKind
from backbreak.core.i18n import N_, _, n_
from backbreak.core.stats import DayStats, Summary
from backbreak.core.timeline import Part, Segment

GUIDE_SECONDS = 30 * 60
"""The guidance line on the charts (stretch-facts.md section 1.5)."""
GUIDE_WORDS = N_("Research suggests breaking up sitting about every 30 minutes.")


def breaks_of(day: DayStats) -> int:
    """The breaks that broke up the day's sitting: taken and natural."""
    return day.breaks_taken + day.natural


def day_name(day: dt.date, today: dt.date, long: bool = False) -> str:
    """The day's name: "Today", "Yesterday", or "Tue 24 Nov" (long: "Tuesday 24 November")."""
    if day == today:
        return _("Today")
    if day == today - dt.timedelta(days=1):
        return _("Yesterday")
    return date_words(day, long)


def recorded(day: DayStats) -> bool:
    """Whether anything happened that day."""
    return day.sitting_seconds > 0 or breaks_of(day) > 0 or day.snoozed > 0 or day.skipped > 0


def summary_sentence(summary: Summary) -> str:
    """The line at the top of the window, for today or for a span of days."""
    days = [day for day in summary.per_day if recorded(day)]
    longest = max(days, key=lambda day: day.longest_sitting_seconds, default=None)
    if summary.days == 1:
        if longest is None:
            return _("Nothing recorded yet today.")
        breaks = breaks_of(longest)
        time = humanize(longest.longest_sitting_seconds)
        if breaks == 0:
            return _("No breaks yet today; longest stretch without a break {time}.").format(time=time)
        said = n_(
            "You broke up your sitting {n} time today; longest stretch without a break {time}.",
            "You broke up your sitting {n} times today; longest stretch without a break {time}.",
            breaks,
        )
        return said.format(n=breaks, time=time)
    if longest is None:
        return _("Nothing recorded in the last {days} days yet.").format(days=summary.days)
    breaks = sum(breaks_of(day) for day in days)
    said = n_(
        "In the last {days} days you broke up your sitting {n} time",
        "In the last {days} days you broke up your sitting {n} times",
        breaks,
    ).format(days=summary.days, n=breaks)
    if breaks and len(days) > 1:
        # i18n: continues "In the last 7 days you broke up your sitting 32 times"
        said += _(", about {n} a day").format(n=round(breaks / len(days)))
    # i18n: ends the sentence "In the last 7 days you broke up your sitting 32 times, about 8 a day"
    said += _("; longest stretch without a break {time} ({when}).").format(
        time=humanize(longest.longest_sitting_seconds), when=_when(longest.day, summary.today)
    )
    sat = [day for day in days if day.sitting_seconds > 0]
    within = sum(1 for day in sat if day.longest_sitting_seconds <= GUIDE_SECONDS)
    if within and within == len(sat):
        if within == 1:
            said += " " + _("On that day, no stretch of sitting went past 30 min.")
        elif within == 2:
            said += " " + _("On both days, no stretch of sitting went past 30 min.")
        else:
            said += " " + n_(
                "On all {n} days, no stretch of sitting went past 30 min.",
                "On all {n} days, no stretch of sitting went past 30 min.",
                within,
            ).format(n=within)
    elif within:
        said += " " + _("On {n} of {days} days, no stretch of sitting went past 30 min.").format(
            n=within, days=len(sat)
        )
    return said


def figures_line(summary: Summary) -> str:
    """The span's other figures in one line."""
    totals = summary.to_json()
    streak = totals["streak_days"]
    return _(
        "Sitting {sitting} · breaks taken {taken} · natural {natural} · snoozed {snoozed} · skipped {skipped} · "
        "stretching {stretched} · streak {streak}"
    ).format(
        sitting=humanize(totals["sitting_seconds"]),
        taken=totals["breaks_taken"],
        natural=totals["natural"],
        snoozed=totals["snoozed"],
        skipped=totals["skipped"],
        stretched=humanize(totals["stretched_seconds"]),
        streak=n_("{n} day", "{n} days", streak).format(n=streak),
    )


def day_sentence(day: DayStats, today: dt.date) -> str:
    """One day's numbers, as the chart shows them on hover or focus."""
    name = day_name(day.day, today, long=True)
    if not recorded(day):
        return _("{day}: nothing recorded.").format(day=name)
    breaks = breaks_of(day)
    parts = [
        _("sat {time}").format(time=humanize(day.sitting_seconds)),
        _("longest without a break {time}").format(time=humanize(day.longest_sitting_seconds)),
        n_(
            "{n} break ({taken} taken, {natural} natural)", "{n} breaks ({taken} taken, {natural} natural)", breaks
        ).format(n=breaks, taken=day.breaks_taken, natural=day.natural),
    ]
    if day.snoozed or day.skipped:
        parts.append(_("snoozed {snoozed}, skipped {skipped}").format(snoozed=day.snoozed, skipped=day.skipped))
    if day.stretched_seconds:
        parts.append(_("stretched {time}").format(time=humanize(day.stretched_seconds)))
    # i18n: the parts of one day's numbers are joined with "; "
    return _("{day}: {numbers}.").format(day=name, numbers=_("; ").join(parts))


def segment_sentence(segment: Segment) -> str:
    """One stretch of today: "09:32 to 10:12: sitting, 40 min"."""
    if segment.part is Part.BREAK:
        what = _("stretch break") if segment.kind is BreakKind.STRETCH else _("move break")
    else:
        what = {
            Part.SITTING: _("sitting"),
            Part.NATURAL: _("away, counted as a break"),
            Part.AWAY: _("away"),
        }[segment.part]
    return _("{start} to {end}: {what}, {time}.").format(
        start=f"{segment.start:%H:%M}", end=f"{segment.end:%H:%M}", what=what, time=humanize(segment.seconds)
    )


def _when(day: dt.date, today: dt.date) -> str:
    if day >= today - dt.timedelta(days=1):
        return _("today") if day == today else _("yesterday")
    if day > today - dt.timedelta(days=7):
        return _("on {weekday}").format(weekday=weekdays()[day.weekday()])
    return _("on {date}").format(date=date_words(day))
