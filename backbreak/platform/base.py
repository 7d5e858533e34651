"""The protocols platform adapters implement, and the error that makes a factory try the next one."""

from __future__ import annotations

from typing import Protocol


class UnavailableError(Exception):
    """An adapter cannot work here; the message says why (shown by `backbreak doctor`)."""


class IdleSource(Protocol):
    """Seconds since the user's last keyboard or mouse input.

    Called on the GUI thread, at most about once per idle threshold while the user is present. Must not
    block for long: D-Bus sources use a short call timeout. Returns None when a reading failed just now.
    `live` is False only for the null source (backbreak/platform/null.py): it never has a reading, so
    nobody wakes up to ask it.
    """

    name: str
    live: bool

    def idle_seconds(self) -> float | None:
        """Seconds since the last input, or None if it could not be read this time."""
        ...
