"""One step's work in progress: a private copy of the state, the time, and the effects so far.

The rules that change the state live beside it, one module per concern: core/sitting.py (time and
presence), core/requests.py (what the user asks) and core/due.py (what time brings). Each takes the
`Transition` and works on it, so the shared helpers here are the only ones they use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from backbreak.core.clock import Instant
from backbreak.core.events import BreakKind, CloseReminder, Effect, HistoryEvent, Phase, Record, Refused
from backbreak.core.state import EngineState


class Transition:
    """A copy of the state being changed at `now`, and the effects collected in order."""

    def __init__(self, state: EngineState, now: Instant) -> None:
        self.s = dataclasses.replace(state)
        self.now = now
        self.effects: list[Effect] = []

    def wall_at(self, tau: float) -> dt.datetime:
        """The wall time of a moment on the engine's timeline."""
        return self.now.wall - dt.timedelta(seconds=self.s.tau - tau)

    def accrue(self) -> None:
        """Count the sitting since the last accrual, if sitting counts now."""
        s = self.s
        if s.accruing and s.tau > s.accrued_to:
            delta = s.tau - s.accrued_to
            s.move_s += delta
            s.stretch_s += delta
            s.eyes_s += delta
        s.accrued_to = max(s.accrued_to, s.tau)
        if not s.accruing:
            s.run_start = s.tau

    def reset(self, kind: BreakKind) -> None:
        """A break of `kind` happened: its counter (and the smaller ones) start from zero."""
        s = self.s
        s.move_s = 0.0
        if kind is BreakKind.STRETCH:
            s.stretch_s = 0.0
        s.eyes_s = 0.0

    def drop_cycle(self) -> None:
        """Forget the break in progress; take away its reminder if one shows."""
        s = self.s
        if s.cycle is not None and (s.cycle.level > 0 or s.cycle.stage is Phase.HEADS_UP):
            self.effects.append(CloseReminder())
        s.cycle = None

    def record(self, event: HistoryEvent, kind: BreakKind | None, detail: str = "") -> None:
        """A history row, stamped now."""
        self.effects.append(Record(event, kind, self.now.wall, detail))

    def refuse(self, reason: str) -> None:
        """The request cannot be done; `reason` is one English sentence marked with N_, translated where shown."""
        self.effects.append(Refused(reason))
