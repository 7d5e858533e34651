"""Runtime pieces in a real Qt event loop: presence sampling, D-Bus idle parsing, the control server."""

from __future__ import annotations

import errno
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from backbreak import ipc
from backbreak.core.events import Event, IdleSample
from backbreak.platform.base import UnavailableError
from backbreak.platform.idle_dbus import MutterIdle, ScreenSaverIdle
from backbreak.runtime.instance import ControlServer, InstanceLock
from backbreak.runtime.presence import AWAY_POLL, PresenceSampler
from backbreak.runtime.timers import QT_TIMERS
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, wall


class FixedIdle:
    name = "fixed"
    live = True

    def __init__(self, value: float | None) -> None:
        self.value = value

    def idle_seconds(self) -> float | None:
        return self.value


def test_sampling_once_per_threshold_while_present(qtbot: QtBot) -> None:
    sent: list[Event] = []
    owner = QObject()
    sampler = PresenceSampler(
        FixedIdle(20.0), 180, sent.append, QT_TIMERS, FakeClock(wall("2026-11-23 08:00")), lambda: False, owner
    )
    sampler.start()
    assert sent == [IdleSample(20.0)]
    assert sampler._timer.interval() == 160_000  # next look when idle could first reach 180 s
    sampler._source = FixedIdle(400.0)
    sampler.sample()
    assert sampler._timer.interval() == AWAY_POLL * 1000
    sampler._source = FixedIdle(None)
    sampler.sample()
    assert sent[-1] == IdleSample(400.0)  # a failed reading sends nothing
    sampler.stop()
    assert not sampler._timer.isActive()


def test_next_sample_never_spins() -> None:
    assert PresenceSampler.next_in(179.99, 180) == 1.0
    assert PresenceSampler.next_in(0, 180) == 180


def test_dbus_idle_sources_read_milliseconds() -> None:
    assert MutterIdle(lambda: 90_500).idle_seconds() == 90.5
    assert ScreenSaverIdle(lambda: 2_000).idle_seconds() == 2.0

    def broken() -> object:
        raise LookupError("org.freedesktop.DBus.Error.NotSupported")

    with pytest.raises(UnavailableError):
        ScreenSaverIdle(broken)  # KDE on Wayland answers NotSupported: probe fails, next candidate
    with pytest.raises(UnavailableError):
        MutterIdle(lambda: "soon")  # an answer that is not a number is no idle source


def test_dbus_sources_are_unavailable_without_their_service(qtbot: QtBot) -> None:
    with pytest.raises(UnavailableError):
        MutterIdle.connect()


def ask(path: Path, payload: bytes) -> dict[str, Any]:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(5)
        sock.connect(str(path))
        sock.sendall(payload)
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return dict(json.loads(data))


@pytest.fixture
def server(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Path, list[tuple[str, dict[str, Any]]]]]:
    calls: list[tuple[str, dict[str, Any]]] = []

    def handler(command: str, args: dict[str, Any]) -> dict[str, Any]:
        calls.append((command, args))
        return ipc.reply_ok({"echo": command})

    path = tmp_path / "control.sock"
    owner = QObject()
    control = ControlServer(path, owner)
    control.listen(handler)
    yield path, calls
    control.close()


def in_thread(qtbot: QtBot, path: Path, payload: bytes) -> dict[str, Any]:
    box: list[dict[str, Any]] = []
    thread = threading.Thread(target=lambda: box.append(ask(path, payload)), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def test_the_server_answers_a_good_request(qtbot: QtBot, server: tuple[Path, list[Any]]) -> None:
    path, calls = server
    reply = in_thread(qtbot, path, b'{"v":1,"cmd":"status","args":{}}\n')
    assert reply == {"v": 1, "ok": True, "result": {"echo": "status"}}
    assert calls == [("status", {})]
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "payload", [b"hello\n", b'{"v":9,"cmd":"quit"}\n', b'{"v":1,"cmd":"rm -rf"}\n', b"x" * (70 * 1024)]
)
def test_malformed_requests_change_nothing(qtbot: QtBot, server: tuple[Path, list[Any]], payload: bytes) -> None:
    path, calls = server
    reply = in_thread(qtbot, path, payload)
    assert reply["ok"] is False
    assert reply["error"]
    assert calls == []


def test_a_silent_client_is_cut_off(qtbot: QtBot, server: tuple[Path, list[Any]]) -> None:
    path, calls = server
    reply = in_thread(qtbot, path, b'{"v":1,"cmd":"status"')  # no newline, never finished
    assert reply == {"v": 1, "ok": False, "error": "request timed out"}
    assert calls == []


def test_a_failing_command_is_an_error_reply_not_a_crash(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def handler(command: str, args: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("boom")

    owner = QObject()
    control = ControlServer(tmp_path / "c.sock", owner)
    control.listen(handler)
    reply = in_thread(qtbot, tmp_path / "c.sock", b'{"v":1,"cmd":"status"}\n')
    control.close()
    assert reply["ok"] is False
    assert "boom" not in reply["error"]  # an internal error text is no answer for the user
    assert "the log has the details" in reply["error"]
    failed = [record for record in caplog.records if "the command 'status' failed" in record.getMessage()]
    assert len(failed) == 1
    assert failed[0].exc_info is not None


def test_fifty_clients_at_once_are_all_answered(qtbot: QtBot, server: tuple[Path, list[Any]]) -> None:
    # With a listen backlog of 16 and a client that gave up on the first EAGAIN, 5 to 28 of these failed.
    path, calls = server
    replies: list[object] = []

    def client() -> None:
        try:
            replies.append(ipc.request(path, "status", timeout=10))
        except ipc.IpcError as exc:
            replies.append(exc)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(50)]
    for thread in threads:
        thread.start()
    qtbot.waitUntil(lambda: len(replies) == 50, timeout=20_000)
    assert [reply for reply in replies if not isinstance(reply, dict)] == []
    assert len(calls) == 50


def test_deeply_nested_json_is_refused_at_once(qtbot: QtBot, server: tuple[Path, list[Any]]) -> None:
    path, calls = server
    nested = b'{"v":1,"cmd":"status","args":' + b'{"a":' * 10_000 + b"1" + b"}" * 10_001 + b"\n"
    reply = in_thread(qtbot, path, nested)
    assert reply == {"v": 1, "ok": False, "error": "request is not JSON"}
    assert calls == []


def test_a_client_that_hangs_up_leaves_the_server_answering(qtbot: QtBot, server: tuple[Path, list[Any]]) -> None:
    path, calls = server
    for _ in range(3):
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(str(path))
            sock.sendall(b'{"v":1,')  # half a request, then gone
    reply = in_thread(qtbot, path, b'{"v":1,"cmd":"status"}\n')
    assert reply["ok"] is True
    assert calls == [("status", {})]


def test_a_leftover_socket_is_replaced_and_close_removes_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "c.sock"
    with socket.socket(socket.AF_UNIX) as dead:  # what a killed instance leaves behind
        dead.bind(str(path))
    owner = QObject()
    control = ControlServer(path, owner)
    control.listen(lambda command, args: ipc.reply_ok())
    assert in_thread(qtbot, path, b'{"v":1,"cmd":"status"}\n')["ok"] is True
    control.close()
    assert not path.exists()
    with pytest.raises(ipc.NotRunningError):
        ipc.request(path, "status")


def test_a_socket_that_cannot_be_made_is_a_clear_error(qtbot: QtBot, tmp_path: Path) -> None:
    owner = QObject()
    control = ControlServer(tmp_path / "missing" / "c.sock", owner)
    with pytest.raises(OSError, match=r"cannot listen on .*c\.sock"):
        control.listen(lambda command, args: ipc.reply_ok())
    control.close()  # harmless when it never listened


def test_running_out_of_descriptors_pauses_accepting_instead_of_spinning(qtbot: QtBot, tmp_path: Path) -> None:
    owner = QObject()
    control = ControlServer(tmp_path / "c.sock", owner)
    control.listen(lambda command, args: ipc.reply_ok())
    real = control._socket

    class Exhausted:
        def accept(self) -> tuple[socket.socket, object]:
            raise OSError(errno.EMFILE, "Too many open files")

    control._socket = Exhausted()  # type: ignore[assignment]
    control._accept()
    assert control._notifier is not None
    assert not control._notifier.isEnabled()  # no busy loop on a connection we cannot take
    assert control._retry.isActive()
    control._socket = real
    control._resume_accepting()
    assert control._notifier.isEnabled()
    assert in_thread(qtbot, tmp_path / "c.sock", b'{"v":1,"cmd":"status"}\n')["ok"] is True
    control.close()


def test_the_lock_admits_one_holder(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "x.lock"), InstanceLock(tmp_path / "x.lock")
    assert first.acquire()
    assert not second.acquire()
    assert second.holder_pid() is not None
    first.release()
    assert second.acquire()
