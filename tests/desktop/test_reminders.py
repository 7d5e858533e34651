"""Reminders on the real desktop: notifications with buttons that work, the card, full-screen holds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.desktop.conftest import SCREENSHOTS, App, app_env
from tests.desktop.session import Desktop, wait_until

Cli = Callable[..., subprocess.CompletedProcess[str]]

QUICK = """schema_version = 1
[move]
every = "20s"
[stretch]
enabled = false
[reminders]
heads_up = "10s"
snooze = "10s"
snooze_limit = {limit}
"""

FULLSCREEN = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("A presentation")
label.setWindowTitle("presentation")
label.showFullScreen()
print("shown", flush=True)
app.exec()
"""


def settle(home: Path, limit: int = 3) -> None:
    folder = home / "config" / "backbreak"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(QUICK.format(limit=limit))


def state(cli: Cli) -> dict[str, object]:
    return dict(json.loads(cli("status", "--json").stdout))


def keep_typing(desktop: Desktop) -> None:
    subprocess.run(["xdotool", "mousemove_relative", "--", "1", "0"], env=desktop.env, check=True)


def test_heads_up_and_due_arrive_with_buttons_that_work(
    start_app: Callable[..., App], desktop: Desktop, home: Path, cli: Cli
) -> None:
    settle(home)
    notes = desktop.watch_notifications()
    app = start_app()
    app.wait_for_output("started")
    keep_typing(desktop)
    wait_until(lambda: 'string "Move break in 10 s"' in notes.read_text(), 30, "the heads-up notification")
    wait_until(lambda: 'string "Time to stand up"' in notes.read_text(), 30, "the due notification")
    logged = notes.read_text()
    for key in ('string "start"', 'string "snooze"', 'string "Snooze 10 s"', 'string "skip"'):
        assert key in logged
    desktop.screenshot(SCREENSHOTS / "desktop" / "notification-due.png", "360x200+920+0")
    desktop.press_notification_button("Snooze 10 s")
    wait_until(lambda: state(cli)["state"] == "snoozed", 10, "Snooze to take effect")
    assert "CloseNotification" in notes.read_text() or state(cli)["snoozes_left"] == 2
    wait_until(lambda: 'string "Time to stand up (again)"' in notes.read_text(), 30, "the reminder after the snooze")
    desktop.press_notification_button("#Start")
    wait_until(lambda: state(cli)["state"] == "on_break", 10, "Start to open the break")
    subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Stretch break · Move break"],
        env=desktop.env,
        check=True,
        timeout=20,
    )


def test_after_the_snooze_limit_a_card_appears(
    start_app: Callable[..., App], desktop: Desktop, home: Path, cli: Cli
) -> None:
    settle(home, limit=0)
    app = start_app()
    app.wait_for_output("started")
    keep_typing(desktop)
    subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "backbreak: time for a break"],
        env=desktop.env,
        check=True,
        timeout=40,
    )
    desktop.screenshot(SCREENSHOTS / "desktop" / "reminder-card.png")
    assert state(cli)["state"] == "due"


@pytest.fixture
def fullscreen_window(desktop: Desktop, home: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", FULLSCREEN], env=app_env(desktop, home), stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "shown"
    subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", "presentation", "windowactivate", "--sync"],
        env=desktop.env,
        check=True,
        timeout=20,
    )
    yield proc
    proc.kill()
    proc.wait(5)


def test_a_full_screen_window_holds_the_break(
    start_app: Callable[..., App], desktop: Desktop, home: Path, cli: Cli, fullscreen_window: subprocess.Popen[str]
) -> None:
    settle(home)
    start_app().wait_for_output("started")
    keep_typing(desktop)
    wait_until(lambda: state(cli)["waiting_for"] == "full-screen", 40, "the break to wait for full screen")
    assert state(cli)["state"] == "due"
    fullscreen_window.kill()
    fullscreen_window.wait(5)
    wait_until(lambda: state(cli)["waiting_for"] is None, 30, "the break to show after full screen ends")
    assert state(cli)["state"] == "due"


def test_do_not_disturb_holds_the_break(start_app: Callable[..., App], desktop: Desktop, home: Path, cli: Cli) -> None:
    settle(home)
    subprocess.run(["dunstctl", "set-paused", "true"], env=desktop.env, check=True)
    try:
        start_app().wait_for_output("started")
        keep_typing(desktop)
        wait_until(lambda: state(cli)["waiting_for"] == "do not disturb", 40, "the break to wait for do-not-disturb")
    finally:
        subprocess.run(["dunstctl", "set-paused", "false"], env=desktop.env, check=True)
    wait_until(lambda: state(cli)["waiting_for"] is None, 30, "the break to show after do-not-disturb ends")
    assert state(cli)["state"] == "due"
