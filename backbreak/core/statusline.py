"""The status in one line for people: the tray's tooltip, the status window, and `backbreak status`.

"Sitting 23 min · stretch break in 27 min". It is made from plain values, the ones `status --json`
prints, so the command line says it in its own language from the JSON the running app sends, without
loading the engine (core/status.py, about 50 ms of imports) to do it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from backbreak.core.durations import humanize
from backbreak.core.i18n import N_, _
from backbreak.core.phases import BreakKind, Phase

WAITING_WORDS = {
    # i18n: why a due break waits: "(waiting: full-screen)"
    "full-screen": N_("full-screen"),
    # i18n: why a due break waits: "(waiting: do not disturb)"
    "do not disturb": N_("do not disturb"),
    # i18n: why a due break waits: "(waiting: call)"
    "call": N_("call"),
}
"""What a break waits for (the `waiting_for` values of `status --json`), as people read it."""


def status_line(
    phase: Phase,
    sitting_seconds: float,
    next_break: tuple[BreakKind, float] | None,
    paused_until: dt.datetime | None = None,
    waiting_for: str | None = None,
) -> str:
    """One line: "Sitting 23 min · stretch break in 27 min"."""
    if phase is Phase.PAUSED and paused_until is not None:
        return _("Paused until {time}").format(time=f"{paused_until:%H:%M}")
    if phase is Phase.OUTSIDE_HOURS:
        return _("Outside working hours")
    if phase is Phase.AWAY:
        return _("Away · the sitting clock is stopped")
    if phase is Phase.ON_BREAK:
        return _("On a break")
    sitting = _("Sitting {time}").format(time=humanize(sitting_seconds))
    if next_break is None:
        return _("{sitting} · breaks are off").format(sitting=sitting)
    kind, in_seconds = next_break
    stretch = kind is BreakKind.STRETCH
    if phase is Phase.DUE and waiting_for:
        reason = _(WAITING_WORDS[waiting_for]) if waiting_for in WAITING_WORDS else waiting_for
        if stretch:
            return _("{sitting} · stretch break due now (waiting: {reason})").format(sitting=sitting, reason=reason)
        return _("{sitting} · move break due now (waiting: {reason})").format(sitting=sitting, reason=reason)
    if phase is Phase.DUE:
        said = _("{sitting} · stretch break due now") if stretch else _("{sitting} · move break due now")
        return said.format(sitting=sitting)
    said = _("{sitting} · stretch break in {time}") if stretch else _("{sitting} · move break in {time}")
    return said.format(sitting=sitting, time=humanize(in_seconds))


def status_line_of(fields: Mapping[str, Any]) -> str:
    """The line for the fields of `backbreak status --json`; a field it cannot read is left out, never fatal."""
    try:
        phase = Phase(fields.get("state"))
    except ValueError:
        return str(fields.get("tooltip", ""))  # a newer app's state: its own (English) words
    upcoming = fields.get("next_break")
    next_break = None
    if isinstance(upcoming, Mapping) and upcoming.get("kind") in ("move", "stretch"):
        next_break = (BreakKind(upcoming["kind"]), float(upcoming.get("in_seconds") or 0))
    paused = fields.get("paused_until")
    paused_until = dt.datetime.fromisoformat(paused) if isinstance(paused, str) else None
    waiting = fields.get("waiting_for")
    return status_line(
        phase,
        float(fields.get("sitting_seconds") or 0),
        next_break,
        paused_until,
        waiting if isinstance(waiting, str) else None,
    )
