"""What the running instance does with each command from `backbreak COMMAND`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from backbreak import __version__, ipc
from backbreak.core.events import (
    BreakKind,
    Event,
    Pause,
    PauseUntilTomorrow,
    Resume,
    Skip,
    Snooze,
    StartBreak,
)
from backbreak.core.i18n import _, in_english
from backbreak.core.routines import MOVE_ROUTINE
from backbreak.runtime.driver import EngineDriver

LONGEST_SNOOZE = 24 * 3600
LONGEST_PAUSE = 30 * 24 * 3600
"""Bounds that keep a typo (or a hostile client) from asking for a date past the calendar's end."""


class CommandHandler:
    """Turns control requests into engine events; a refusal becomes an error reply."""

    def __init__(
        self,
        driver: EngineDriver,
        idle_source: str,
        show: Callable[[], None],
        quit_app: Callable[[], None],
        refresh: Callable[[], None],
        routines: Collection[str],
    ) -> None:
        self._routines = routines
        self._driver = driver
        self._refresh = refresh
        self._idle_source = idle_source
        self._show = show
        self._quit = quit_app

    def __call__(self, command: str, args: dict[str, Any]) -> dict[str, Any]:
        """Run one command."""
        match command:
            case "status":
                self._refresh()  # a fresh presence sample, so the answer is true now
                return ipc.reply_ok(self.status())
            case "show":
                self._show()
                return ipc.reply_ok(self.status())
            case "quit":
                self._quit()
                return ipc.reply_ok()
            case "break":
                routine = args.get("routine")
                known = self._routines
                if routine is not None and routine not in known:
                    return ipc.reply_error(
                        _("no routine called {name} (known: {known})").format(
                            name=repr(routine), known=", ".join(sorted(known))
                        )
                    )
                kind = BreakKind.MOVE if routine == MOVE_ROUTINE else BreakKind.STRETCH
                return self._send(StartBreak(kind, routine))
            case "snooze":
                seconds = args.get("seconds")
                if seconds is not None and not 0 < seconds <= LONGEST_SNOOZE:
                    return ipc.reply_error(_("a snooze lasts from 1 s to a day; for longer, pause"))
                return self._send(Snooze(seconds))
            case "skip":
                return self._send(Skip())
            case "pause":
                return self._pause(args)
            case "resume":
                return self._send(Resume())
        return ipc.reply_error(_("unknown command {command}").format(command=repr(command)))

    def status(self) -> dict[str, Any]:
        """The fields of `backbreak status --json`: for scripts, so the tooltip in them is English."""
        status = self._driver.status
        with in_english():
            tooltip = status.tooltip()
        return {
            "version": __version__,
            **status.to_json(),
            "idle_source": self._idle_source,
            "tooltip": tooltip,
        }

    def _pause(self, args: dict[str, Any]) -> dict[str, Any]:
        # Argument types were checked by ipc.decode_request; here only what they mean.
        if args.get("until_tomorrow") is True and "seconds" not in args:
            return self._send(PauseUntilTomorrow())
        seconds = args.get("seconds")
        if seconds is None or "until_tomorrow" in args:
            return ipc.reply_error(_("pause needs a duration, like 30m, or --until-tomorrow (not both)"))
        if not 0 < seconds <= LONGEST_PAUSE:
            return ipc.reply_error(_("a pause lasts from 1 s to 30 days"))
        return self._send(Pause(self._driver.now().wall + dt.timedelta(seconds=seconds)))

    def _send(self, event: Event) -> dict[str, Any]:
        refusals = self._driver.ask(event)  # the client prints a refusal; no notification says it twice
        if refusals:
            return ipc.reply_error(_(refusals[0]))  # the engine's reasons are marked in core/requests.py
        return ipc.reply_ok(self.status())
