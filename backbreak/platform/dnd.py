"""Do-not-disturb, where the notification service tells: KDE's Inhibited property and dunst's paused.

Both live on org.freedesktop.Notifications' object and are read through org.freedesktop.DBus.Properties
with a short timeout, only when a break is about to show (shared/PLATFORM.md section 5). GNOME keeps
its switch in GSettings (show-banners), which needs Gio; that is not read yet.
"""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage, QDBusVariant

_SERVICE, _PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
_PROPERTIES = (("org.freedesktop.Notifications", "Inhibited"), ("org.dunstproject.cmd0", "paused"))


class DoNotDisturb:
    """Asks the notification service whether it is holding notifications back."""

    name = "notification service (KDE Inhibited, dunst paused)"

    def __init__(self) -> None:
        bus = QDBusConnection.sessionBus()
        self._properties = (
            QDBusInterface(_SERVICE, _PATH, "org.freedesktop.DBus.Properties", bus) if bus.isConnected() else None
        )
        if self._properties is not None:
            self._properties.setTimeout(300)

    def busy(self) -> bool:
        """Whether do-not-disturb is on."""
        if self._properties is None or not self._properties.isValid():
            return False
        for interface, name in _PROPERTIES:
            reply = self._properties.call("Get", interface, name)
            if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
                continue
            value = reply.arguments()[0]
            if isinstance(value, QDBusVariant):
                value = value.variant()
            if value is True:
                return True
        return False
