"""What the settings mean for a day, in words, and what a routine goes by in a list.

"With these settings: a 2 min walk every 30 min, a stretch every hour." The settings window shows it
under the break settings and updates it with every change.

Also the name a routine goes by in a list: its title and length, "Desk reset · 2 min".
"""

from __future__ import annotations

from dataclasses import dataclass

from backbreak.core.durations import humanize
from backbreak.core.routines import Routine
from backbreak.core.settings import WEEKDAYS, Settings

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
    return f"{title} · {humanize(seconds)}"  # rounded: a routine's length is approximate anyway


def span_words(seconds: float) -> str:
    """A span as set (whole units, unlike `humanize`, which rounds): "2 min", "1 min 30 s", "1 h 15 min"."""
    whole = max(0, round(seconds))
    if whole < 60 or (whole < 600 and whole % 60):
        minutes, rest = divmod(whole, 60)
        return f"{minutes} min {rest} s" if minutes else f"{rest} s"
    return humanize(whole)


def every(seconds: int) -> str:
    """How often: "every 30 min", "every hour", "every 1 h 30 min"."""
    return "every hour" if seconds == 3600 else f"every {span_words(seconds)}"


def days_words(days: tuple[str, ...]) -> str:
    """Which days: "every day", "Monday to Friday", "Monday, Wednesday and Friday"."""
    picked = [WEEKDAYS.index(day) for day in days if day in WEEKDAYS]
    if len(picked) == len(WEEKDAYS):
        return "every day"
    names = [_DAY_NAMES[index] for index in picked]
    if len(picked) > 2 and picked == list(range(picked[0], picked[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    if len(names) > 1:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return names[0] if names else "no day"


def plan_sentence(settings: Settings) -> str:
    """What the day will look like with `settings`."""
    parts = []
    if settings.move.enabled:
        parts.append(f"a {span_words(settings.move.length)} walk {every(settings.move.every)}")
    if settings.stretch.enabled:
        parts.append(f"a stretch {every(settings.stretch.every)}")
    if not parts:
        return "With these settings: no break reminders. Turn on move or stretch breaks to get them."
    said = "With these settings: " + ", ".join(parts)
    if settings.eyes.enabled:
        said += f", and a look into the distance {every(settings.eyes.every)}"
    hours = settings.hours
    if hours.enabled:
        said += f"; {days_words(hours.days)}, {hours.start:%H:%M} to {hours.end:%H:%M}"
    return said + "."
