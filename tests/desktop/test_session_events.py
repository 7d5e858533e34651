"""Lock and suspend as logind reports them, through the real D-Bus wiring of the running app."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.desktop.conftest import App, app_env
from tests.desktop.session import Desktop, wait_until

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def logind(desktop: Desktop, home: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("fake_logind.py"))],
        env={**app_env(desktop, home), "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    proc.kill()
    proc.wait(5)


def tell(logind: subprocess.Popen[str], line: str) -> None:
    assert logind.stdin is not None
    assert logind.stdout is not None
    logind.stdin.write(line + "\n")
    logind.stdin.flush()
    assert logind.stdout.readline().strip().endswith("True")


def state(cli: Cli) -> str:
    return str(json.loads(cli("status", "--json").stdout)["state"])


def test_lock_and_sleep_from_logind_make_the_user_away(
    logind: subprocess.Popen[str], start_app: Callable[..., App], cli: Cli, desktop: Desktop
) -> None:
    app = start_app()
    app.wait_for_output("started")
    subprocess.run(["xdotool", "mousemove", "10", "10"], env=desktop.env, check=True)
    assert state(cli) == "working"
    doctor = cli("doctor").stdout
    assert "logind PrepareForSleep" in doctor
    assert "logind LockedHint" in doctor
    tell(logind, "lock true")
    wait_until(lambda: state(cli) == "away", 10, "away after the lock")
    tell(logind, "lock false")
    subprocess.run(["xdotool", "mousemove", "20", "20"], env=desktop.env, check=True)
    wait_until(lambda: state(cli) == "working", 10, "working after the unlock")
    tell(logind, "sleep true")
    wait_until(lambda: state(cli) == "away", 10, "away while asleep")
    tell(logind, "sleep false")
    subprocess.run(["xdotool", "mousemove", "30", "30"], env=desktop.env, check=True)
    wait_until(lambda: state(cli) == "working", 10, "working after the resume")
