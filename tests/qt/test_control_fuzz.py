"""The control socket against everything a client can send: the instance never crashes, never changes
its state for a message it refused, and no other user can reach it.

The server is the real ControlServer answering with the real command handler of an app built on fake
ports (tests/apphelpers.py), so "state unchanged" means the engine's own state and history.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from backbreak import ipc, paths
from backbreak.core.events import Phase
from backbreak.runtime.instance import ControlServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from tests.apphelpers import AppHarness

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")

GOOD = b'{"v":1,"cmd":"status","args":{}}\n'


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[AppHarness, Path]]:
    h = AppHarness(tmp_path).start()
    server = ControlServer(tmp_path / "control.sock", h.app)
    server.listen(h.app.commands)
    yield h, tmp_path / "control.sock"
    server.close()
    h.stop()


def send(path: Path, payload: bytes, hang_up: bool = True) -> bytes:
    """Send `payload`, say we are done, and read what comes back (b"" if the server just hung up)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(5)
        sock.connect(str(path))
        try:
            sock.sendall(payload)
            if hang_up:
                sock.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return b""
        return b"".join(chunks)


def in_thread(qtbot: QtBot, work: object) -> object:
    box: list[object] = []
    thread = threading.Thread(target=lambda: box.append(work()), daemon=True)  # type: ignore[operator]
    thread.start()
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def unchanged(h: AppHarness) -> None:
    assert h.app.driver.status.phase is Phase.WORKING
    assert h.history_rows() == []


junk = st.one_of(
    st.binary(max_size=512),
    st.binary(min_size=ipc.MAX_LINE - 8, max_size=ipc.MAX_LINE + 64),  # around the size limit
    st.builds(lambda cut: GOOD[:cut], st.integers(0, len(GOOD) - 1)),  # truncated
    st.builds(
        lambda cmd, args: f'{{"v":1,"cmd":{cmd},"args":{args}}}\n'.encode(),
        st.sampled_from(['"pause"', '"snooze"', '"break"', '"skip"', "[]", "null", '"status"', "7"]),
        st.sampled_from(['{"seconds":"x"}', '{"seconds":1e999}', '{"until_tomorrow":"no"}', "[]", '{"routine":{}}']),
    ),
)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(junk)
def test_whatever_a_client_sends_the_instance_answers_or_hangs_up_and_changes_nothing(
    live: tuple[AppHarness, Path], qtbot: QtBot, payload: bytes
) -> None:
    h, path = live
    reply = in_thread(qtbot, lambda: send(path, payload))
    assert isinstance(reply, bytes)
    if reply:  # an answer is one line of JSON: a refusal (nothing junk can ask for is allowed)
        answer = json.loads(reply.split(b"\n")[0])
        assert answer["v"] == 1
        assert answer["ok"] is False
        assert "Traceback" not in answer["error"]
    unchanged(h)


def test_the_instance_still_answers_after_the_fuzz_and_a_slow_drip(live: tuple[AppHarness, Path], qtbot: QtBot) -> None:
    h, path = live

    def drip() -> bytes:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(path))
            for byte in GOOD:  # a byte every 10 ms: slow, but inside the 2 s a request may take
                sock.send(bytes([byte]))
                time.sleep(0.01)  # noqa: TID251 - pacing a slow client is the scenario, not a wait
            return sock.recv(65536)

    reply = in_thread(qtbot, drip)
    assert isinstance(reply, bytes)
    assert b'"ok":true' in reply
    unchanged(h)


def test_another_user_cannot_reach_the_socket(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() != 0 or shutil.which("python3") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs as root so that this test can become another user")
        pytest.skip("becoming another user needs root")
    parent = Path(tempfile.mkdtemp(prefix="backbreak-perm-"))
    try:
        parent.chmod(0o755)  # a shared folder (like platformdirs' /tmp fallback): anyone may look in
        monkeypatch.setattr(paths.platformdirs, "user_runtime_path", lambda *args, **kwargs: parent / "backbreak")
        ours = paths.socket_file()
        server = ControlServer(ours, None)
        server.listen(lambda command, args: ipc.reply_ok())
        assert stat.S_IMODE(ours.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(ours.stat().st_mode) == 0o600
        # A control: an open socket beside ours, which the other user can reach, so a refusal below is ours.
        with socket.socket(socket.AF_UNIX) as open_one:
            open_one.bind(str(parent / "open.sock"))
            (parent / "open.sock").chmod(0o777)
            open_one.listen(1)
            results = {name: try_as_nobody(target) for name, target in (("open", parent / "open.sock"), ("ours", ours))}
        server.close()
        assert results == {"open": "connected", "ours": "PermissionError"}
    finally:
        shutil.rmtree(parent, ignore_errors=True)


def try_as_nobody(target: Path) -> str:
    """Connect to `target` as the user nobody; what happened, in a word."""
    code = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "try:\n    s.connect(sys.argv[1]); print('connected')\n"
        "except OSError as e:\n    print(type(e).__name__)\n"
    )
    done = subprocess.run(
        ["/usr/bin/python3", "-c", code, str(target)],
        user=65534,
        group=65534,
        capture_output=True,
        text=True,
        timeout=20,
    )
    return done.stdout.strip() or done.stderr.strip()
