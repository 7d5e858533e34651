"""What the command line prints for people: a routine, the list of routines, the statistics. Imports no Qt.

In the user's language (backbreak/core/i18n.py); `--json` and `--csv` print the files' own English keys.
Columns are padded by the width a terminal gives each character, so Japanese lines up too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from backbreak.core.durations import humanize
from backbreak.core.i18n import _, n_, p_
from backbreak.core.routines import Routine


def place_words(place: str) -> str:
    """Where a routine is done, in words."""
    # i18n: where a routine is done, in `backbreak routines show`: seated, standing, or on the floor
    words = {"seated": p_("place", "seated"), "standing": p_("place", "standing"), "floor": p_("place", "floor")}
    return words.get(place, place)


def routine_page(routine: Routine) -> str:
    """`backbreak routines show NAME`: the title, what it is, and every step with its lines and notes."""
    lines = [
        _("{title} ({name}, {place}, about {time})").format(
            title=routine.title, name=routine.name, place=place_words(routine.place), time=humanize(routine.total)
        )
    ]
    if routine.summary:
        lines.append(routine.summary)
    for number, step in enumerate(routine.steps, start=1):
        dose = n_("{n} rep", "{n} reps", step.reps).format(n=step.reps) if step.reps else humanize(step.seconds)
        if step.sides == "left-right":
            dose = _("{dose}, left then right").format(dose=dose)
        elif step.sides == "alternate":
            dose = _("{dose}, sides alternate").format(dose=dose)
        lines.append(_("{number}. {title} ({dose})").format(number=number, title=step.title, dose=dose))
        lines += [f"   {line}" for line in step.lines]
        if step.skip_if:
            lines.append("   " + _("Take care: {note}").format(note=step.skip_if))
    return "\n".join(lines)


def routine_row(name: str, title: str, seconds: float, yours: bool) -> str:
    """One line of `backbreak routines`: the name to type, the title, how long; "(yours)" for a user's own."""
    said = _("{title}, about {time}").format(title=title, time=humanize(seconds))
    if yours:
        said += "  " + _("(yours)")
    return f"{name:10} {said}"


def stats_text(totals: Mapping[str, Any], days: int) -> str:
    """`backbreak stats`: the span's figures, one to a line, the labels in a column."""
    heading = _("Today:") if days == 1 else n_("In the last {n} day:", "In the last {n} days:", days).format(n=days)
    breaks = _("{taken}  (natural {natural}, snoozed {snoozed}, skipped {skipped})").format(
        taken=totals["breaks_taken"],
        natural=totals["natural"],
        snoozed=totals["snoozed"],
        skipped=totals["skipped"],
    )
    streak = totals["streak_days"]
    rows = [
        (_("sitting"), humanize(totals["sitting_seconds"])),
        (_("longest sitting"), humanize(totals["longest_sitting_seconds"])),
        (_("breaks taken"), breaks),
        (_("stretching"), humanize(totals["stretched_seconds"])),
        (_("streak"), n_("{n} day", "{n} days", streak).format(n=streak)),
    ]
    width = max(_width(label) for label, _value in rows) + 2
    return "\n".join([heading, *(f"  {label}{' ' * (width - _width(label))}{value}" for label, value in rows)])


def _width(text: str) -> int:
    """Columns a terminal gives `text`: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
