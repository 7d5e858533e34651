"""The windows a person meets, on the real desktop: the first-run welcome and the stretch window."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import subprocess
import time
import tomllib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tests.desktop.conftest import SCREENSHOTS, App
from tests.desktop.session import Desktop, wait_until

Cli = Callable[..., subprocess.CompletedProcess[str]]


def xdotool(desktop: Desktop, *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=desktop.env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout


def activate(desktop: Desktop, name: str) -> None:
    """Wait for a visible window called `name` and give it the keyboard, as a click on it would."""
    xdotool(desktop, "search", "--sync", "--onlyvisible", "--name", name, "windowactivate", "--sync")


def test_first_start_welcomes_and_saves_the_answers(
    start_app: Callable[..., App], desktop: Desktop, home: Path
) -> None:
    app = start_app()
    app.wait_for_output("started")
    activate(desktop, "Welcome to backbreak")
    desktop.screenshot(SCREENSHOTS / "desktop" / "welcome.png")
    xdotool(desktop, "key", "Down", "Return")
    settings = home / "config" / "backbreak" / "settings.toml"
    wait_until(settings.exists, 10, "the answers to be saved")
    assert tomllib.loads(settings.read_text())["stretch"]["routine"] == "stand-3"
    app.stop()
    again = start_app()
    again.wait_for_output("started")
    again.wait_for_icon()
    found = subprocess.run(
        ["xdotool", "search", "--name", "Welcome to backbreak"], env=desktop.env, capture_output=True, text=True
    )
    assert found.stdout.strip() == ""  # only once


def test_break_opens_the_stretch_window_and_esc_ends_the_break(
    start_app: Callable[..., App], desktop: Desktop, home: Path, cli: Cli
) -> None:
    config = home / "config" / "backbreak"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text("schema_version = 1\n")  # not a first run
    start_app().wait_for_output("started")
    history = home / "data" / "backbreak" / "history.sqlite3"

    def stretch_rows() -> list[tuple[str, str]]:
        """(at, event) of each stretch started or stopped, oldest first; read-only, the app's file is untouched."""
        if not history.exists():
            return []
        query = "SELECT at, event FROM events WHERE kind = 'stretch' AND event IN ('started', 'stopped') ORDER BY id"
        with closing(sqlite3.connect(f"{history.as_uri()}?mode=ro", uri=True)) as db:
            return list(db.execute(query))

    began = time.monotonic()
    assert cli("break", "desk-2").returncode == 0
    activate(desktop, "Stretch break")
    assert json.loads(cli("status", "--json").stdout)["state"] == "on_break"
    desktop.screenshot(SCREENSHOTS / "desktop" / "stretch-window.png")
    assert [event for _, event in stretch_rows()] == ["started"]
    # History keeps whole seconds, so a break ended within the second it started in would count as
    # zero: keep the window open into the next recorded second, however quick the steps above were.
    started_at = dt.datetime.fromisoformat(stretch_rows()[0][0])
    wait_until(lambda: dt.datetime.now(dt.UTC) >= started_at + dt.timedelta(seconds=1), 5, "a second on the break")
    xdotool(desktop, "key", "Right", "Right", "Escape")
    wait_until(lambda: json.loads(cli("status", "--json").stdout)["state"] != "on_break", 10, "the break to end")
    took = time.monotonic() - began
    # The engine recorded the break as started and then stopped (Esc), which stats count as stretching:
    # more than nothing, and (rows being whole seconds) no more than the test's own time rounded up.
    assert [event for _, event in stretch_rows()] == ["started", "stopped"]
    summary = json.loads(cli("stats", "--json", "--days", "1").stdout)
    assert 0 < summary["stretched_seconds"] <= math.ceil(took)
    assert json.loads(cli("status", "--json").stdout)["sitting_seconds"] == 0


def test_a_click_on_the_tray_icon_opens_a_stretch(start_app: Callable[..., App], desktop: Desktop, home: Path) -> None:
    config = home / "config" / "backbreak"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text('schema_version = 1\n[stretch]\nroutine = "stand-3"\n')
    app = start_app()
    app.wait_for_output("started")
    icon = app.wait_for_icon()[0]
    xdotool(desktop, "mousemove", "--window", icon, "8", "8", "click", "1")
    xdotool(desktop, "search", "--sync", "--onlyvisible", "--name", "Stretch break · Stand and stretch")
