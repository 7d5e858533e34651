"""Shows the engine's status: the tray icon and tooltip (or the status window where there is no tray).

Between the engine's own wake-ups the ring moves on by a refresh about every 1/24 of the interval, and
only while sitting time counts. The presence of the tray is asked when the phase changes, not on a timer:
the question costs a D-Bus round trip, and a phase change comes before every reminder, which is when
the icon matters. Qt itself puts the icon back into a tray that returns; we only say what happened, once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from backbreak.core.events import BreakKind, Phase
from backbreak.core.i18n import N_, _
from backbreak.core.settings import Settings
from backbreak.core.status import Status
from backbreak.ports import Timers, TrayHost
from backbreak.runtime.timers import wait_ms
from backbreak.ui.tray import Tray
from backbreak.ui.windows import WindowKeeper

log = logging.getLogger(__name__)

NO_TRAY = N_("This desktop has no system tray. backbreak keeps running; start it again to see its window.")
TRAY_GONE = N_(
    "The system tray went away. backbreak keeps running and reminding you; start it again to see its window."
)
"""English for the log, translated for the user."""


class StatusPresenter(QObject):
    """Keeps the tray (or the status window) up to date, and shows messages nothing else could."""

    def __init__(
        self,
        tray: Tray,
        host: TrayHost,
        keeper: WindowKeeper,
        settings: Callable[[], Settings],
        status: Callable[[], Status],
        tick: Callable[[], None],
        say: Callable[[str, str], None],
        timers: Timers,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tray = tray
        self._host = host
        self._keeper = keeper
        self._settings = settings
        self._status = status
        self._tick = tick
        self.say = say
        self._refresh = timers.single_shot(self, self.refresh)
        self._phase: Phase | None = None
        self._tray_available = False

    def start(self) -> None:
        """Put the icon in the tray, or show the status window where there is no tray."""
        self._tray_available = self._host.available()
        self.show(self._status())
        if self._tray_available:
            self._tray.show()
        else:
            log.warning("%s", NO_TRAY)
            self._keeper.show_status_window(self._status())
            self.say("backbreak", _(NO_TRAY))

    def show(self, status: Status) -> None:
        """Tray icon, tooltip and the status window, as of `status`."""
        settings = self._settings()
        kind = status.next_break.kind if status.next_break else BreakKind.MOVE
        every = settings.stretch.every if kind is BreakKind.STRETCH else settings.move.every
        self._tray.show_status(status, every)
        if self._keeper.status_window is not None:
            self._keeper.status_window.show_status(status)
        if status.phase is not self._phase:
            first = self._phase is None
            self._phase = status.phase
            if not first:
                self._check_tray()
        if status.phase in (Phase.WORKING, Phase.HEADS_UP):
            self._refresh.start(wait_ms(max(60.0, every / 24)))
        else:
            self._refresh.stop()

    def refresh(self) -> None:
        """The ring moves on between engine wake-ups: bring the engine up to now and show it."""
        self._tick()
        self.show(self._status())

    def note(self, title: str, body: str) -> None:
        """A message the notification service could not show: the tray's balloon, or the status window."""
        if self._tray_available:
            self._tray.message(title, body)
        else:
            self._keeper.show_status_window(self._status()).show_note(title, body)

    def running_again(self, tooltip: str) -> None:
        """Someone started backbreak again: say how things stand (the window, where there is no tray)."""
        if self._host.available():
            self._tray.message("backbreak", tooltip)
        else:
            self._keeper.show_status_window(self._status())

    def _check_tray(self) -> None:
        available = self._host.available()
        if available == self._tray_available:
            return
        self._tray_available = available
        if available:
            log.info("the system tray is back")
            self._tray.show()
        else:
            log.warning("%s", TRAY_GONE)
            self.say("backbreak", _(TRAY_GONE))
