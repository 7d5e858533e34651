"""A routine in the user's language: its words looked up in the routines' catalogue (assets/routines/locale).

The routine files stay English, as their authors (and users, for their own) write them; the translations
sit beside them, one catalogue per language, refreshed with the app's (tools/catalogues.py). A routine's
name, poses and timing never change with the language, only what a person reads.
"""

from __future__ import annotations

import dataclasses

from backbreak.core.i18n import routine_text
from backbreak.core.routines import Part, Routine, Step


def translated(routine: Routine) -> Routine:
    """The routine with its title, summary, steps' titles, lines, notes and ring labels translated."""
    return dataclasses.replace(
        routine,
        title=routine_text(routine.title),
        summary=routine_text(routine.summary),
        steps=tuple(_step(step) for step in routine.steps),
    )


def _step(step: Step) -> Step:
    return dataclasses.replace(
        step,
        title=routine_text(step.title),
        lines=tuple(routine_text(line) for line in step.lines),
        skip_if=routine_text(step.skip_if),
        parts=tuple(_part(part) for part in step.parts),
    )


def _part(part: Part) -> Part:
    return dataclasses.replace(part, label=routine_text(part.label))
