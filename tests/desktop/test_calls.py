"""A real call on the real desktop: PipeWire in the session, a client recording from a microphone.

While it records, the due break waits (and status says why); when it stops, the break comes after a
minute of grace, once. The cap ends the wait even in a call. A recording of a few seconds (a voice
message) holds nothing.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.desktop.audio import audio_session, missing_audio_tools
from tests.desktop.conftest import App, app_env, require
from tests.desktop.installed import Installed
from tests.desktop.session import Desktop, wait_until

Cli = Callable[..., subprocess.CompletedProcess[str]]

SETTINGS = """schema_version = 1
[move]
every = "40s"
length = "10s"
[stretch]
enabled = false
[reminders]
heads_up = "0s"
snooze = "10m"
idle_threshold = "1h"
"""


@pytest.fixture
def audio_tools() -> None:
    require(missing_audio_tools(), "audio programs")


def status(cli: Cli) -> dict[str, object]:
    return dict(json.loads(cli("status", "--json").stdout))


CAPPED = """schema_version = 1
[move]
enabled = false
[stretch]
every = "40s"
[reminders]
heads_up = "0s"
snooze = "10m"
idle_threshold = "1h"
fullscreen_cap = "10s"
"""
"""A second user's backbreak in the same call: stretch breaks only, and a wait capped at 10 s."""


def due_notes(log: Path, title: str = "Time to stand up") -> int:
    return log.read_text(errors="replace").count(f'string "{title}"')


def start_capped(desktop: Desktop, home: Path, installed: Installed, shared_runtime: Path) -> subprocess.Popen[bytes]:
    """backbreak for `home`, asking the first home's PipeWire (its own runtime dir keeps its own lock)."""
    (home / "config" / "backbreak").mkdir(parents=True)
    (home / "config" / "backbreak" / "settings.toml").write_text(CAPPED)
    env = {
        **app_env(desktop, home),
        "PULSE_SERVER": f"unix:{shared_runtime / 'pulse' / 'native'}",
        "PIPEWIRE_RUNTIME_DIR": str(shared_runtime),
    }
    return subprocess.Popen(
        [installed.backbreak], env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def test_a_recording_holds_the_break_and_its_end_releases_it(
    audio_tools: None,
    start_app: Callable[..., App],
    desktop: Desktop,
    home: Path,
    cli: Cli,
    tmp_path: Path,
    installed: Installed,
) -> None:
    (home / "config" / "backbreak").mkdir(parents=True, exist_ok=True)
    (home / "config" / "backbreak" / "settings.toml").write_text(SETTINGS)
    with audio_session(app_env(desktop, home), tmp_path / "audio") as audio:
        audio.record()  # the call is on before backbreak starts; the break is due 40 s after
        found = json.loads(cli("doctor", "--json").stdout)
        calls = next(check for check in found["checks"] if check["key"] == "calls")
        assert calls["status"] == "ok"
        assert "PulseAudio source outputs (pactl); camera" in calls["detail"]  # the cheapest reader
        assert "in use now" in calls["detail"]
        notes = desktop.watch_notifications()
        app = start_app()
        capped = start_capped(desktop, tmp_path / "capped", installed, home / "runtime")
        try:
            app.wait_for_output("started")
            wait_until(lambda: status(cli).get("waiting_for") == "call", 90, "the due break to wait for the call")
            assert status(cli)["state"] == "due"
            # The cap ends even a call's wait: the other backbreak's stretch reminder comes mid-call.
            wait_until(lambda: due_notes(notes, "Time for a stretch") == 1, 90, "the capped reminder")
            assert audio.recording() == 1
            assert due_notes(notes) == 0  # while this one still waits
        finally:
            capped.terminate()
            capped.wait(10)
        audio.hang_up()
        hung_up = time.monotonic()
        wait_until(lambda: due_notes(notes) == 1, 120, "the reminder after the call")
        assert time.monotonic() - hung_up >= 55  # a minute of grace first (the check looks every 10 s)
        assert status(cli)["waiting_for"] is None
        # A voice message: a few seconds of recording as the next break comes near holds nothing.
        assert cli("skip").returncode == 0
        skipped = time.monotonic()
        audio.record()
        audio.hang_up()
        wait_until(lambda: due_notes(notes) == 2, 90, "the next reminder")
        assert time.monotonic() - skipped < 60  # on time: 40 s of sitting, no grace
    assert "Traceback" not in app.output()
