"""Notifications with actions through org.freedesktop.Notifications, in pure QtDBus.

WORKAROUND (shared/PLATFORM.md section 4): from PySide6 a Python int marshals as D-Bus 'i', and GDBus
daemons reject Notify's 'u' replaces_id. QtDBus caches the meta-object of an interface per connection, so
we first introspect a local stub carrying annotated XML; the real QDBusInterface then has typed methods
and QMetaObject.invokeMethod with Q_ARG("uint") sends the right signature.

Notify and the signals use the same connection: dunst sends ActionInvoked only to the caller, and other
daemons broadcast it, so replies are filtered by our own ids.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, ClassInfo, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection, QDBusInterface, QDBusMessage

from backbreak import APP_ID
from backbreak.platform.base import UnavailableError

SERVICE, PATH, INTERFACE = (
    "org.freedesktop.Notifications",
    "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications",
)
_STUB_PATH = "/backbreak/notify_introspection"

NOTIFY_XML = """<interface name="org.freedesktop.Notifications">
 <method name="Notify"><arg name="app_name" type="s" direction="in"/><arg name="replaces_id" type="u" direction="in"/>
  <arg name="app_icon" type="s" direction="in"/><arg name="summary" type="s" direction="in"/>
  <arg name="body" type="s" direction="in"/><arg name="actions" type="as" direction="in"/>
  <arg name="hints" type="a{sv}" direction="in"/>
  <annotation name="org.qtproject.QtDBus.QtTypeName.In6" value="QVariantMap"/>
  <arg name="expire_timeout" type="i" direction="in"/><arg name="id" type="u" direction="out"/></method>
 <method name="CloseNotification"><arg name="id" type="u" direction="in"/></method>
 <method name="GetCapabilities"><arg name="caps" type="as" direction="out"/></method>
 <signal name="ActionInvoked"><arg name="id" type="u"/><arg name="action_key" type="s"/></signal>
 <signal name="NotificationClosed"><arg name="id" type="u"/><arg name="reason" type="u"/></signal>
</interface>"""


class _IntrospectionStub(QDBusAbstractAdaptor):
    """Carries the typed introspection XML (see the module docstring)."""


# PySide6 takes the class info as a dict at run time; its stubs describe another signature.
_IntrospectionStub = ClassInfo({"D-Bus Interface": INTERFACE, "D-Bus Introspection": NOTIFY_XML})(  # type: ignore[call-arg, operator, misc]
    _IntrospectionStub
)


class DBusNotifier(QObject):
    """Sends, replaces and closes notifications; reports their buttons.

    Signals:
        action_invoked: (notification id, action key) for one of our notifications.
        closed: (notification id, reason) for one of our notifications.
    """

    action_invoked = Signal(int, str)
    closed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = QDBusConnection.sessionBus()
        if not self._bus.isConnected():
            raise UnavailableError("no D-Bus session bus")
        owner = self._bus.interface()
        if owner is None or not owner.isServiceRegistered(SERVICE).value():
            raise UnavailableError("no notification service on the session bus")
        holder = QObject(self)
        _IntrospectionStub(holder)
        self._bus.registerObject(_STUB_PATH, holder, QDBusConnection.RegisterOption.ExportAdaptors)
        QDBusInterface(self._bus.baseService(), _STUB_PATH, INTERFACE, self._bus)  # primes the typed meta-object
        self._proxy = QDBusInterface(SERVICE, PATH, INTERFACE, self._bus, self)
        self._proxy.setTimeout(1000)
        reply = self._proxy.call("GetCapabilities")
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            raise UnavailableError(f"the notification service did not answer: {reply.errorMessage()}")
        self.capabilities = [str(cap) for cap in (reply.arguments()[0] if reply.arguments() else [])]
        self._ours: set[int] = set()
        self._bus.connect(SERVICE, PATH, INTERFACE, "ActionInvoked", self, _slot("_on_action(uint,QString)"))
        self._bus.connect(SERVICE, PATH, INTERFACE, "NotificationClosed", self, _slot("_on_closed(uint,uint)"))

    @property
    def has_actions(self) -> bool:
        """Whether the daemon shows buttons."""
        return "actions" in self.capabilities

    def notify(
        self,
        summary: str,
        body: str,
        actions: list[tuple[str, str]],
        replaces: int = 0,
        urgency: int = 1,
        sound: bool = False,
        expire_ms: int = 0,
    ) -> int:
        """Show (or replace) a notification; returns its id (0 if the daemon refused or did not answer)."""
        flat = [part for key, label in actions for part in (key, label)]
        hints: dict[str, Any] = {"urgency": urgency, "desktop-entry": APP_ID}
        if sound and "sound" in self.capabilities:
            hints["sound-name"] = "bell"
        elif not sound:
            hints["suppress-sound"] = True
        result: Any = QMetaObject.invokeMethod(
            self._proxy,
            "Notify",
            Qt.ConnectionType.DirectConnection,
            Q_RETURN_ARG("uint"),
            Q_ARG(str, "backbreak"),
            Q_ARG("uint", replaces),
            Q_ARG(str, ""),
            Q_ARG(str, summary),
            Q_ARG(str, body),
            Q_ARG("QStringList", flat),
            Q_ARG("QVariantMap", hints),
            Q_ARG(int, expire_ms),
        )
        nid = int(result) if result else 0
        if nid:
            self._ours.add(nid)
        return nid

    def close(self, nid: int) -> None:
        """Take a notification away."""
        if nid:
            QMetaObject.invokeMethod(
                self._proxy, "CloseNotification", Qt.ConnectionType.DirectConnection, Q_ARG("uint", nid)
            )
            self._ours.discard(nid)

    @Slot("uint", str)
    def _on_action(self, nid: int, key: str) -> None:
        if int(nid) in self._ours:
            self.action_invoked.emit(int(nid), key)

    @Slot("uint", "uint")
    def _on_closed(self, nid: int, reason: int) -> None:
        if int(nid) in self._ours:
            self._ours.discard(int(nid))
            self.closed.emit(int(nid), int(reason))


def _slot(signature: str) -> bytes:
    # WORKAROUND: see backbreak/platform/session_linux.py: only SLOT()'s str is accepted at run time.
    return SLOT(signature)  # type: ignore[return-value]
