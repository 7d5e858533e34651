"""Start at login inside a Flatpak: the Background portal request, against a stand-in portal on a private bus."""

from __future__ import annotations

from typing import Any

from backbreak.platform.autostart_portal import PATH, SERVICE, PortalAutostart
from PySide6.QtCore import ClassInfo, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusObjectPath
from pytestqt.qtbot import QtBot


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Request"})
class Request(QObject):
    Response = Signal("uint", "QVariantMap")


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Background"})
class FakeBackground(QObject):
    """Answers every request at once, with `answer` (0 yes, 1 the user said no).

    The caller is this test process's session-bus connection (QDBusContext.message() would tell, but
    crashes PySide6 when mixed into a QObject subclass).
    """

    def __init__(self, bus: QDBusConnection, answer: int) -> None:
        super().__init__()
        self.bus = bus
        self.answer = answer
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.handles: list[str] = []
        self._kept: list[Request] = []

    @Slot(str, "QVariantMap", result=QDBusObjectPath)
    def RequestBackground(self, parent_window: str, options: dict[str, Any]) -> QDBusObjectPath:  # noqa: N802
        self.requests.append((parent_window, dict(options)))
        sender = QDBusConnection.sessionBus().baseService().lstrip(":").replace(".", "_")
        handle = f"{PATH}/request/{sender}/{options['handle_token']}"
        self.handles.append(handle)
        request = Request()
        self._kept.append(request)
        self.bus.registerObject(handle, request, QDBusConnection.RegisterOption.ExportAllSignals)
        request.Response.emit(self.answer, {"background": True, "autostart": options["autostart"]})
        return QDBusObjectPath(handle)


def portal(answer: int, name: str) -> tuple[FakeBackground, QDBusConnection]:
    bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
    fake = FakeBackground(bus, answer)
    assert bus.registerObject(PATH, fake, QDBusConnection.RegisterOption.ExportAllSlots)
    assert bus.registerService(SERVICE)
    return fake, bus


def test_start_at_login_asks_the_portal_and_keeps_its_answer(qtbot: QtBot) -> None:
    fake, bus = portal(0, "fake-portal-yes")
    try:
        asker = PortalAutostart(["backbreak"])
        assert asker.state().enabled is None  # nothing asked yet: only the desktop knows
        asker.apply(True)
        qtbot.waitUntil(lambda: asker.answer is not None, timeout=5000)
        assert asker.state().enabled is True
        window, options = fake.requests[0]
        assert window == ""
        assert options["autostart"] is True
        assert options["commandline"] == ["backbreak"]
        assert options["dbus-activatable"] is False
        assert fake.handles[0].endswith("/backbreak1")  # the token the app sent names the request path
        asker.apply(False)
        qtbot.waitUntil(lambda: len(fake.requests) == 2 and asker.state().enabled is False, timeout=5000)
        assert fake.requests[1][1]["autostart"] is False
    finally:
        bus.unregisterService(SERVICE)
        QDBusConnection.disconnectFromBus("fake-portal-yes")


def test_a_refusal_is_reported_as_off_with_what_to_do(qtbot: QtBot) -> None:
    _fake, bus = portal(1, "fake-portal-no")
    try:
        asker = PortalAutostart(["backbreak"])
        asker.apply(True)
        qtbot.waitUntil(lambda: asker.answer is not None, timeout=5000)
        state = asker.state()
        assert state.enabled is False
        assert "refused" in state.note
    finally:
        bus.unregisterService(SERVICE)
        QDBusConnection.disconnectFromBus("fake-portal-no")
