"""A stand-in for systemd-logind on the test desktop's private system bus.

It owns org.freedesktop.login1, answers Manager.GetSession("auto"), and on each line read from stdin
emits a signal: "sleep true|false" -> PrepareForSleep(b); "lock true|false" -> PropertiesChanged with
LockedHint on the session object. It prints "ready" once it owns the name, and "sent ..." per signal.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject, QSocketNotifier, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVariant

MANAGER_PATH = "/org/freedesktop/login1"
SESSION_PATH = "/org/freedesktop/login1/session/_31"


@ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Manager"})
class Manager(QObject):
    @Slot(str, result=QDBusObjectPath)
    def GetSession(self, name: str) -> QDBusObjectPath:  # noqa: N802 - the D-Bus method's name
        return QDBusObjectPath(SESSION_PATH)


@ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Session"})
class Session(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._locked = False

    def _get_locked(self) -> bool:
        return self._locked

    LockedHint = Property(bool, _get_locked)  # read through org.freedesktop.DBus.Properties.Get


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.systemBus()
    manager, session = Manager(), Session()
    if not (
        bus.registerObject(MANAGER_PATH, manager, QDBusConnection.RegisterOption.ExportAllSlots)
        and bus.registerObject(SESSION_PATH, session, QDBusConnection.RegisterOption.ExportAllProperties)
    ):
        print("cannot register objects", flush=True)
        return 1
    if not bus.registerService("org.freedesktop.login1"):
        print("cannot own org.freedesktop.login1", flush=True)
        return 1

    def on_line() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        what, _, value = line.strip().partition(" ")
        flag = value == "true"
        if what == "sleep":
            message = QDBusMessage.createSignal(MANAGER_PATH, "org.freedesktop.login1.Manager", "PrepareForSleep")
            message.setArguments([flag])
        elif what == "lock":
            session._locked = flag
            message = QDBusMessage.createSignal(SESSION_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged")
            message.setArguments(["org.freedesktop.login1.Session", {"LockedHint": QDBusVariant(flag)}, []])
        else:
            return
        print(f"sent {what} {flag} {bus.send(message)}", flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_line)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
