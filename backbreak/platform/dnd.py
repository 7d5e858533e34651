"""Do-not-disturb: KDE's Inhibited property, dunst's paused, GNOME's show-banners.

KDE's and dunst's live on org.freedesktop.Notifications' object and are read through
org.freedesktop.DBus.Properties with a short timeout (shared/PLATFORM.md section 5). GNOME keeps its
switch in GSettings (org.gnome.desktop.notifications show-banners = false), which has no D-Bus read
API; rather than load Gio for one key, the `gsettings` tool that every GNOME session has reads it.
All of this is asked only when a break is about to show, never on a timer.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage, QDBusVariant

_SERVICE, _PATH = "org.freedesktop.Notifications", "/org/freedesktop/Notifications"
_PROPERTIES = (("org.freedesktop.Notifications", "Inhibited"), ("org.dunstproject.cmd0", "paused"))


_GNOME_SCHEMA = "org.gnome.desktop.notifications"


class GnomeBanners:
    """GNOME's do-not-disturb switch: banners off means do not disturb."""

    def __init__(self, gsettings: str) -> None:
        self._gsettings = gsettings

    @classmethod
    def for_this_session(cls) -> GnomeBanners | None:
        """The reader, on a GNOME session that has `gsettings`; otherwise None."""
        desktops = os.environ.get("XDG_CURRENT_DESKTOP", "").split(":")
        gsettings = shutil.which("gsettings")
        return cls(gsettings) if "GNOME" in desktops and gsettings else None

    def busy(self) -> bool:
        """Whether banners are switched off; anything unreadable counts as not busy."""
        try:
            done = subprocess.run(
                [self._gsettings, "get", _GNOME_SCHEMA, "show-banners"],
                capture_output=True,
                text=True,
                timeout=1,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return False
        return done.returncode == 0 and done.stdout.strip() == "false"


class DoNotDisturb:
    """Asks the desktop whether it is holding notifications back."""

    name = "notification service (KDE Inhibited, dunst paused) and GNOME show-banners"

    def __init__(self, gnome: GnomeBanners | None = None) -> None:
        self._gnome = gnome if gnome is not None else GnomeBanners.for_this_session()
        bus = QDBusConnection.sessionBus()
        self._properties = (
            QDBusInterface(_SERVICE, _PATH, "org.freedesktop.DBus.Properties", bus) if bus.isConnected() else None
        )
        if self._properties is not None:
            self._properties.setTimeout(300)

    def busy(self) -> bool:
        """Whether do-not-disturb is on."""
        if self._gnome is not None and self._gnome.busy():
            return True
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
