"""Screen lock and suspend on Linux, from logind on the system bus and the screensaver on the session bus.

- Suspend: org.freedesktop.login1.Manager.PrepareForSleep(b): true before sleep, false after resume.
- Lock: the session's LockedHint property (set by GNOME and KDE), read on PropertiesChanged, and the
  desktop screensaver's ActiveChanged(b) (GNOME, KDE, Cinnamon, MATE, Xfce), whichever exists.

Signals arrive on the GUI thread through QtDBus. Where none of this exists, the engine's clock-gap check
still notices a sleep, and lock simply is not seen.
"""

from __future__ import annotations

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage, QDBusObjectPath, QDBusVariant

_LOGIN1 = "org.freedesktop.login1"
_SCREENSAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.cinnamon.ScreenSaver", "/org/cinnamon/ScreenSaver", "org.cinnamon.ScreenSaver"),
    ("org.mate.ScreenSaver", "/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
    ("org.xfce.ScreenSaver", "/org/xfce/ScreenSaver", "org.xfce.ScreenSaver"),
)


class SessionWatcher(QObject):
    """Emits lock and sleep changes.

    Signals:
        locked_changed: True when the screen locks, False when it unlocks.
        sleeping_changed: True before the machine sleeps, False after it wakes.
    """

    locked_changed = Signal(bool)
    sleeping_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._locked = False
        self._session_path = ""
        system = QDBusConnection.systemBus()
        self._system = system
        if system.isConnected() and _owned(system, _LOGIN1):
            if system.connect(
                _LOGIN1,
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                _slot("_on_prepare_for_sleep(bool)"),
            ):
                self.sources.append("logind PrepareForSleep")
            path = _session_path(system)
            if path and system.connect(
                _LOGIN1,
                path,
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                self,
                _slot("_on_session_properties(QDBusMessage)"),
            ):
                self._session_path = path
                self.sources.append("logind LockedHint")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, interface in _SCREENSAVERS:
                if _owned(session, service) and session.connect(
                    service, path, interface, "ActiveChanged", self, _slot("_on_screensaver(bool)")
                ):
                    self.sources.append(f"{service} ActiveChanged")
                    break

    @Slot(bool)
    def _on_prepare_for_sleep(self, sleeping: bool) -> None:
        self.sleeping_changed.emit(sleeping)

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        self._set_locked(active)

    @Slot(QDBusMessage)
    def _on_session_properties(self, message: QDBusMessage) -> None:
        # PySide6 hands the changed a{sv} over as a QDBusArgument it cannot read back from Python,
        # so on any change of the session's properties we ask for LockedHint itself.
        locked = self._read_locked_hint()
        if locked is not None:
            self._set_locked(locked)

    def _read_locked_hint(self) -> bool | None:
        properties = QDBusInterface(_LOGIN1, self._session_path, "org.freedesktop.DBus.Properties", self._system)
        properties.setTimeout(500)
        reply = properties.call("Get", "org.freedesktop.login1.Session", "LockedHint")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        value = reply.arguments()[0]
        if isinstance(value, QDBusVariant):
            value = value.variant()
        return value if isinstance(value, bool) else None

    def _set_locked(self, locked: bool) -> None:
        if locked != self._locked:
            self._locked = locked
            self.locked_changed.emit(locked)


def _slot(signature: str) -> bytes:
    # WORKAROUND: PySide6's stubs type the slot argument of QDBusConnection.connect as bytes, but a
    # bytes value is rejected at run time ("called with wrong argument values"); only the str that
    # SLOT() returns is accepted. Found by tests/desktop/test_session_events.py.
    return SLOT(signature)  # type: ignore[return-value]


def _owned(bus: QDBusConnection, service: str) -> bool:
    interface = bus.interface()
    return interface is not None and bool(interface.isServiceRegistered(service).value())


def _session_path(bus: QDBusConnection) -> str | None:
    manager = QDBusInterface(_LOGIN1, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", bus)
    manager.setTimeout(500)
    reply = manager.call("GetSession", "auto")  # a string: PySide6 would marshal a PID as int32, not uint32
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    path = reply.arguments()[0]
    return path.path() if isinstance(path, QDBusObjectPath) else str(path)
