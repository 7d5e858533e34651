"""The two words the tray icon needs before anything else has loaded: the kind of break and the phase.

Kept apart from core/events.py (dozens of dataclasses, and the settings schema) so the icon can show
first at start (backbreak/startup.py); events.py re-exports both.
"""

from __future__ import annotations

import enum


class BreakKind(enum.Enum):
    """A move break (stand up, walk) or a stretch break (a guided routine)."""

    MOVE = "move"
    STRETCH = "stretch"


class Phase(enum.Enum):
    """What the user sees the app doing; `backbreak status --json` prints the value."""

    WORKING = "working"
    HEADS_UP = "heads_up"
    DUE = "due"
    SNOOZED = "snoozed"
    ON_BREAK = "on_break"
    AWAY = "away"
    PAUSED = "paused"
    OUTSIDE_HOURS = "outside_hours"
