"""One-off messages for the user (settings repaired, history restarted, something failed), never dropped.

A message said before the app can show anything (at start, before the tray icon is up: Qt drops the
balloon of a hidden icon) waits in a queue and goes out, in order, once `ready` is called. A message the
notification service cannot show goes to the fallback (the tray's balloon, or the status window).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from backbreak.ports import Notifier

log = logging.getLogger(__name__)

SERVICE_DEFAULT = -1
"""A one-off message stays as long as the notification service keeps such things."""


class Messages:
    """Says things once the app can show them."""

    def __init__(self, notifier: Notifier, fallback: Callable[[str, str], None]) -> None:
        self._notifier = notifier
        self._fallback = fallback
        self._waiting: list[tuple[str, str]] | None = []

    def say(self, title: str, body: str) -> None:
        """Show a message without buttons now, or as soon as the app can (in the user's language).

        The log has its own English line from whoever says it; this one, in the user's words, is for debugging.
        """
        log.debug("said: %s: %s", title, body.replace("\n", " "))
        if self._waiting is not None:
            self._waiting.append((title, body))
        else:
            self._show(title, body)

    def ready(self) -> None:
        """The tray icon (or the status window) shows: say what waited."""
        waiting, self._waiting = self._waiting or [], None
        for title, body in waiting:
            self._show(title, body)

    def _show(self, title: str, body: str) -> None:
        if not self._notifier.notify(title, body, [], expire_ms=SERVICE_DEFAULT):
            self._fallback(title, body)
