"""What the settings mean for a day, in words, and what a routine goes by in a list.

"With these settings: a 2 min walk every 30 min, a stretch every hour." The settings window shows it
under the break settings and updates it with every change.

Also the name a routine goes by in a list: its title and length, "Desk reset · 2 min".
"""

from __future__ import annotations

from dataclasses import dataclass

from backbreak.core.calendarwords import weekdays
from backbreak.core.durations import humanize, minutes_words, seconds_words
from backbreak.core.i18n import _
from backbreak.core.routines import Routine
from backbreak.core.settings import WEEKDAYS, Settings


@dataclass(frozen=True)
class RoutineChoice:
    """A routine as a list offers it: "Desk reset · 2 min", and a line on what it is."""

    label: str
    about: str = ""


def routine_choice(routine: Routine) -> RoutineChoice:
    """How `routine` is offered in the settings."""
    return RoutineChoice(routine_label(routine.title, routine.total), routine.summary)


def routine_label(title: str, seconds: float) -> str:
    """The routine's title and length: "Desk reset · 2 min"."""
    return _("{routine} · {time}").format(routine=title, time=humanize(seconds))  # rounded: lengths are approximate


def span_words(seconds: float) -> str:
    """A span as set (whole units, unlike `humanize`, which rounds): "2 min", "1 min 30 s", "1 h 15 min"."""
    whole = max(0, round(seconds))
    if whole < 60 or (whole < 600 and whole % 60):
        minutes, rest = divmod(whole, 60)
        if not minutes:
            return seconds_words(rest)
        # i18n: minutes and seconds together, like "1 min 30 s"
        return _("{minutes} {seconds}").format(minutes=minutes_words(minutes), seconds=seconds_words(rest))
    return humanize(whole)


def every(seconds: int) -> str:
    """How often: "every 30 min", "every hour", "every 1 h 30 min"."""
    return _("every hour") if seconds == 3600 else _("every {time}").format(time=span_words(seconds))


def days_words(days: tuple[str, ...]) -> str:
    """Which days: "every day", "Monday to Friday", "Monday, Wednesday and Friday"."""
    picked = [WEEKDAYS.index(day) for day in days if day in WEEKDAYS]
    if len(picked) == len(WEEKDAYS):
        return _("every day")
    names = [weekdays()[index] for index in picked]
    if len(picked) > 2 and picked == list(range(picked[0], picked[-1] + 1)):
        return _("{first} to {last}").format(first=names[0], last=names[-1])
    if len(names) > 1:
        # i18n: a list of days, like "Monday, Wednesday and Friday": {days} is "Monday, Wednesday"
        return _("{days} and {last}").format(days=_(", ").join(names[:-1]), last=names[-1])
    return names[0] if names else _("no day")


def plan_sentence(settings: Settings) -> str:
    """What the day will look like with `settings`."""
    parts = []
    if settings.move.enabled:
        parts.append(
            _("a {time} walk {every}").format(time=span_words(settings.move.length), every=every(settings.move.every))
        )
    if settings.stretch.enabled:
        parts.append(_("a stretch {every}").format(every=every(settings.stretch.every)))
    if not parts:
        return _("With these settings: no break reminders. Turn on move or stretch breaks to get them.")
    said = _(", ").join(parts)
    if settings.eyes.enabled:
        # i18n: added to "a 2 min walk every 30 min, a stretch every hour"
        said += _(", and a look into the distance {every}").format(every=every(settings.eyes.every))
    hours = settings.hours
    if hours.enabled:
        # i18n: added after the breaks: "; Monday to Friday, 09:00 to 17:30"
        said += _("; {days}, {start} to {end}").format(
            days=days_words(hours.days), start=f"{hours.start:%H:%M}", end=f"{hours.end:%H:%M}"
        )
    # i18n: {plan} is like "a 2 min walk every 30 min, a stretch every hour"
    return _("With these settings: {plan}.").format(plan=said)
