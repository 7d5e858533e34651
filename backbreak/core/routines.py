"""What the break engine needs to know about routines: how long each one takes.

The totals are the targets of shared/content/stretch-facts.md section 3. An away span at least this
long counts as a natural stretch break. The full routine model (steps, sides, holds, poses) loads from
the routine files; until a routine is known by file, its length comes from here.
"""

from __future__ import annotations

MOVE_ROUTINE = "move"

BUILTIN_ROUTINE_SECONDS: dict[str, int] = {
    "desk-2": 124,
    "stand-3": 178,
    "floor-7": 452,
    "flare-4": 244,
}

_UNKNOWN_ROUTINE_SECONDS = 180


def routine_seconds(name: str) -> int:
    """How long the routine `name` takes; a user routine without a known length counts as 3 min."""
    return BUILTIN_ROUTINE_SECONDS.get(name, _UNKNOWN_ROUTINE_SECONDS)
