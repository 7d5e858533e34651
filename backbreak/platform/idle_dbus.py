"""Idle time over D-Bus: GNOME's Mutter IdleMonitor and the freedesktop ScreenSaver interface.

Mutter answers on X11 and Wayland; the ScreenSaver interface on KDE X11. Each call has a short timeout
so a hung service cannot freeze the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from backbreak.platform.base import UnavailableError

CALL_TIMEOUT_MS = 500

Call = Callable[[], object]
"""Makes the D-Bus call and returns its first reply argument, or raises LookupError."""


def dbus_call(service: str, path: str, interface: str, method: str) -> Call:
    """A session-bus method call with a short timeout; raises UnavailableError if nobody owns `service`."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        raise UnavailableError("no D-Bus session bus")
    owner = bus.interface()
    if owner is None or not owner.isServiceRegistered(service).value():
        raise UnavailableError(f"{service} is not on the session bus")
    proxy = QDBusInterface(service, path, interface, bus)
    proxy.setTimeout(CALL_TIMEOUT_MS)

    def call() -> object:
        reply = proxy.call(method)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            raise LookupError(reply.errorMessage() or "no reply")
        return reply.arguments()[0]

    return call


class _MillisecondsOverDBus:
    name = ""
    live = True

    def __init__(self, call: Call) -> None:
        self._call = call
        if self.idle_seconds() is None:
            raise UnavailableError(f"{self.name} did not answer")

    def idle_seconds(self) -> float | None:
        """Seconds since the last input, as the service reports it."""
        try:
            value = self._call()
        except LookupError:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return max(0, value) / 1000.0


class MutterIdle(_MillisecondsOverDBus):
    """GNOME: org.gnome.Mutter.IdleMonitor.GetIdletime() -> milliseconds (uint64)."""

    name = "GNOME Mutter IdleMonitor"

    @classmethod
    def connect(cls) -> MutterIdle:
        """Probe the session bus; raises UnavailableError without GNOME."""
        return cls(
            dbus_call(
                "org.gnome.Mutter.IdleMonitor",
                "/org/gnome/Mutter/IdleMonitor/Core",
                "org.gnome.Mutter.IdleMonitor",
                "GetIdletime",
            )
        )


class ScreenSaverIdle(_MillisecondsOverDBus):
    """KDE (X11) and others: org.freedesktop.ScreenSaver.GetSessionIdleTime() -> milliseconds.

    KDE on Wayland answers NotSupported and GNOME does not implement it; the probe call catches both.
    """

    name = "freedesktop ScreenSaver"

    @classmethod
    def connect(cls) -> ScreenSaverIdle:
        """Probe the session bus; raises UnavailableError where the call is not supported."""
        return cls(
            dbus_call(
                "org.freedesktop.ScreenSaver",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                "GetSessionIdleTime",
            )
        )
