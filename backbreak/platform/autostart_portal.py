"""Start at login inside a Flatpak: ask the desktop through the Background portal.

The sandbox cannot (and on Flathub must not) write ~/.config/autostart, so the portal writes the entry
for the app: org.freedesktop.portal.Background.RequestBackground(parent_window, {autostart, commandline,
reason, handle_token}); the answer comes later as Request.Response(u response, a{sv} results) on the
request's object path (flatpak.github.io/xdg-desktop-portal, Background and Request). Turning it off is
the same request with autostart false, which makes the portal remove what it wrote.

The portal keeps no readable list, so `state()` reports the last answer of this run, if any.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import SLOT, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from backbreak.platform.autostart import AutostartState

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Background"
WHERE = "the desktop's list of background apps (Background portal)"


class PortalAutostart(QObject):
    """Asks the Background portal to start backbreak at login, or not."""

    def __init__(self, command: Sequence[str], bus: QDBusConnection | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._command = list(command)
        self._requests = 0
        self._asked: bool | None = None
        self.answer: AutostartState | None = None

    def apply(self, enabled: bool) -> None:
        """Send the request; the answer arrives as a signal (a portal may show the user a dialog first)."""
        self._requests += 1
        token = f"backbreak{self._requests}"
        # The portal's documented request path, known before the call so no Response can slip past.
        sender = self._bus.baseService().lstrip(":").replace(".", "_")
        handle = f"{PATH}/request/{sender}/{token}"
        self._bus.connect(
            SERVICE, handle, "org.freedesktop.portal.Request", "Response", self, _slot("_on_response(uint,QVariantMap)")
        )
        self._asked = enabled
        options: dict[str, Any] = {
            "handle_token": token,
            "reason": "Start backbreak at login, to count sitting time from the start of the day.",
            "autostart": enabled,
            "commandline": self._command,
            "dbus-activatable": False,
        }
        call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "RequestBackground")
        call.setArguments(["", options])
        if not self._bus.send(call):
            log.warning("start at login: the Background portal cannot be reached (%s)", self._bus.lastError().message())
            self.answer = AutostartState(False, WHERE, "the Background portal cannot be reached")

    @Slot("uint", "QVariantMap")
    def _on_response(self, response: int, results: dict[str, Any]) -> None:
        if response != 0:  # 1: the user said no; 2: the request ended another way
            log.info("start at login: the Background portal answered %s", response)
            self.answer = AutostartState(False, WHERE, "the desktop refused; allow backbreak in its background apps")
            return
        autostart = bool(results.get("autostart", False))
        self.answer = AutostartState(autostart, WHERE)
        if autostart != self._asked:
            log.info("start at login: asked for %s, the desktop set %s", self._asked, autostart)

    def state(self) -> AutostartState:
        """The portal's last answer in this run, or "cannot tell"."""
        return self.answer or AutostartState(None, WHERE, "only the desktop knows; see its background apps")


def _slot(signature: str) -> bytes:
    # WORKAROUND: PySide6's stubs type the slot as bytes, but only SLOT()'s str works (session_linux.py).
    return SLOT(signature)  # type: ignore[return-value]
