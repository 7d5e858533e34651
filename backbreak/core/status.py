"""What the engine's state means to a person or a script: the tray tooltip and `status --json`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from backbreak.core.engine import EngineState, plan
from backbreak.core.events import BreakKind, Phase
from backbreak.core.state import CALL
from backbreak.core.statusline import status_line


@dataclass(frozen=True)
class NextBreak:
    """The next break and how far away it is, in seconds of sitting."""

    kind: BreakKind
    in_seconds: float


@dataclass(frozen=True)
class Status:
    """A snapshot for the tray, the status window and `backbreak status`."""

    phase: Phase
    sitting_seconds: float
    next_break: NextBreak | None
    paused_until: dt.datetime | None
    snoozes_left: int
    waiting_for: str | None

    def to_json(self) -> dict[str, Any]:
        """The fields of `backbreak status --json` that come from the engine."""
        return {
            "state": self.phase.value,
            "sitting_seconds": round(self.sitting_seconds),
            "next_break": None
            if self.next_break is None
            else {"kind": self.next_break.kind.value, "in_seconds": round(self.next_break.in_seconds)},
            "paused_until": None if self.paused_until is None else self.paused_until.isoformat(timespec="seconds"),
            "snoozes_left": self.snoozes_left,
            "waiting_for": self.waiting_for,
        }

    def tooltip(self) -> str:
        """One line: "Sitting 23 min · stretch break in 27 min" (backbreak/core/statusline.py)."""
        upcoming = None if self.next_break is None else (self.next_break.kind, self.next_break.in_seconds)
        return status_line(self.phase, self.sitting_seconds, upcoming, self.paused_until, self.waiting_for)


def status_of(state: EngineState) -> Status:
    """The status as of the state's last step."""
    cycle = state.cycle
    next_break: NextBreak | None = None
    upcoming = plan(state)
    if cycle is not None and cycle.stage in (Phase.DUE, Phase.SNOOZED):
        left = 0.0 if cycle.stage is Phase.DUE or cycle.next_at is None else cycle.next_at - state.tau
        next_break = NextBreak(cycle.kind, max(0.0, left))
    elif upcoming is not None:
        kind = cycle.kind if cycle is not None and cycle.stage is Phase.HEADS_UP else upcoming[0]
        next_break = NextBreak(kind, max(0.0, upcoming[1]))
    limit = state.settings.reminders.snooze_limit
    used = cycle.snoozes if cycle is not None else 0
    waiting = None
    if cycle is not None and cycle.held_since is not None and state.held_back:
        waiting = (state.busy_reason or "full-screen") if state.busy else CALL  # busy, or just out of a call
    return Status(
        phase=state.phase,
        sitting_seconds=state.move_s,
        next_break=next_break,
        paused_until=state.paused_until,
        snoozes_left=max(0, limit - used),
        waiting_for=waiting,
    )
