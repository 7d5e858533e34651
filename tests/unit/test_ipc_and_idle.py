"""The control protocol's checks and the idle sources' arithmetic, without Qt or a desktop."""

from __future__ import annotations

import json
import socket
import threading
from pathlib import Path

import pytest
from backbreak import ipc
from backbreak.platform.base import UnavailableError
from backbreak.platform.idle import choose_idle_source
from backbreak.platform.idle_macos import MacIdle
from backbreak.platform.idle_windows import WindowsIdle, idle_from_ticks


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"v": 2, "cmd": "status"}', "unsupported protocol version 2"),
        (b'{"v": 1, "cmd": "format-disk"}', "unknown command"),
        (b'{"v": 1, "cmd": "pause", "args": [1]}', "args must be a JSON object"),
        (b"x" * (ipc.MAX_LINE + 1), "too long"),
        (b"\xff\xfe", "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "too long"),
        (b'{"v": 1, "cmd": "status", "args": ' + b'{"a":' * 5000 + b"1" + b"}" * 5001, "not JSON"),
        (b'{"v": 1, "cmd": ["status"]}', "unknown command"),
        (b'{"v": 1, "cmd": "pause", "args": {"until_tomorrow": "false"}}', "until_tomorrow must be true or false"),
        (b'{"v": 1, "cmd": "pause", "args": {"until_tomorrow": 0}}', "until_tomorrow must be true or false"),
        (b'{"v": 1, "cmd": "pause", "args": {"until_tomorrow": [false]}}', "until_tomorrow must be true or false"),
        (b'{"v": 1, "cmd": "pause", "args": {"seconds": true}}', "seconds must be a whole number"),
        (b'{"v": 1, "cmd": "pause", "args": {"seconds": 1.5}}', "seconds must be a whole number"),
        (b'{"v": 1, "cmd": "snooze", "args": {"seconds": "600"}}', "seconds must be a whole number"),
        (b'{"v": 1, "cmd": "break", "args": {"routine": ["desk-2"]}}', "routine must be a string"),
        (b'{"v": 1, "cmd": "skip", "args": {"force": true}}', "skip takes no argument 'force'"),
    ],
)
def test_malformed_requests_are_refused_with_a_reason(line: bytes, says: str) -> None:
    with pytest.raises(ipc.IpcError, match=says):
        ipc.decode_request(line)


def test_a_good_request_decodes() -> None:
    line = ipc.encode({"v": 1, "cmd": "snooze", "args": {"seconds": 600}}).rstrip(b"\n")
    assert ipc.decode_request(line) == ("snooze", {"seconds": 600})


def test_no_socket_means_not_running(tmp_path: Path) -> None:
    with pytest.raises(ipc.NotRunningError, match="not running"):
        ipc.request(tmp_path / "nothing.sock", "status")


def test_a_stale_socket_file_means_not_running(tmp_path: Path) -> None:
    path = tmp_path / "stale.sock"
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(path))
    dead.close()  # the file stays, nobody listens: what kill -9 leaves behind
    with pytest.raises(ipc.NotRunningError):
        ipc.request(path, "status")


def serve_once(path: Path, answer: bytes | None) -> threading.Thread:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(1)

    def run() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(4096)
            if answer is not None:
                conn.sendall(answer)
        server.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_the_client_reads_a_reply_and_an_error(tmp_path: Path) -> None:
    ok = tmp_path / "ok.sock"
    serve_once(ok, json.dumps(ipc.reply_ok({"state": "working"})).encode() + b"\n")
    assert ipc.request(ok, "status") == {"state": "working"}
    refused = tmp_path / "no.sock"
    serve_once(refused, json.dumps(ipc.reply_error("Not paused.")).encode() + b"\n")
    with pytest.raises(ipc.IpcError, match="Not paused"):
        ipc.request(refused, "resume")


def test_the_client_gives_up_on_silence_and_garbage(tmp_path: Path) -> None:
    silent = tmp_path / "silent.sock"
    serve_once(silent, None)
    with pytest.raises(ipc.IpcError, match="without an answer"):
        ipc.request(silent, "status", timeout=0.5)
    garbage = tmp_path / "garbage.sock"
    serve_once(garbage, b"<html>\n")
    with pytest.raises(ipc.IpcError, match="unreadable"):
        ipc.request(garbage, "status")


@pytest.mark.parametrize(
    ("now", "last", "seconds"),
    [(5_000, 4_000, 1.0), (0x0000_0100, 0xFFFF_FF00, 0.512), (10, 10, 0.0)],
)
def test_windows_ticks_wrap_after_49_days(now: int, last: int, seconds: float) -> None:
    assert idle_from_ticks(now, last) == pytest.approx(seconds)


def test_windows_and_macos_sources_with_injected_readers() -> None:
    assert WindowsIdle(lambda: (0x10, 0xFFFF_FFF0)).idle_seconds() == pytest.approx(0.032)
    assert WindowsIdle(lambda: None).idle_seconds() is None
    assert MacIdle(lambda: 12.5).idle_seconds() == 12.5
    assert MacIdle(lambda: -1.0).idle_seconds() is None


def test_choose_falls_through_to_the_null_source_with_reasons() -> None:
    def nope() -> WindowsIdle:
        raise UnavailableError("not here")

    source, reasons = choose_idle_source([nope, nope])
    assert not source.live
    assert source.idle_seconds() is None
    assert reasons == ["not here", "not here"]
    source, _ = choose_idle_source([nope, lambda: MacIdle(lambda: 1.0)])
    assert isinstance(source, MacIdle)
