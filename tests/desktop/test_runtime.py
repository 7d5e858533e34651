"""One instance per user, presence from real X input, and the command line against a running backbreak."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.desktop.conftest import App, app_env
from tests.desktop.installed import Installed
from tests.desktop.session import Desktop, wait_until

Cli = Callable[..., subprocess.CompletedProcess[str]]


def status(cli: Cli) -> dict[str, object]:
    done = cli("status", "--json")
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def write_settings(home: Path, text: str) -> None:
    folder = home / "config" / "backbreak"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(text)


def test_status_json_has_the_documented_fields(start_app: Callable[..., App], cli: Cli) -> None:
    start_app().wait_for_output("started")
    result = status(cli)
    assert set(result) >= {
        "version",
        "state",
        "sitting_seconds",
        "next_break",
        "paused_until",
        "snoozes_left",
        "idle_source",
    }
    assert result["idle_source"] == "X11 XScreenSaver"
    assert result["snoozes_left"] == 3


def test_away_without_input_and_working_after_input(
    start_app: Callable[..., App], cli: Cli, desktop: Desktop, home: Path
) -> None:
    write_settings(home, '[reminders]\nidle_threshold = "10s"\n')
    start_app().wait_for_output("started")
    subprocess.run(["xdotool", "mousemove", "100", "100"], env=desktop.env, check=True)
    assert status(cli)["state"] == "working"
    # No input now: the idle time grows past the threshold.
    wait_until(lambda: status(cli)["state"] == "away", 30, "status to say away")
    subprocess.run(["xdotool", "mousemove", "300", "200", "key", "shift"], env=desktop.env, check=True)
    assert status(cli)["state"] == "working"


def test_second_start_hands_over_and_leaves_one_process(start_app: Callable[..., App], cli: Cli) -> None:
    first = start_app()
    first.wait_for_output("started")
    second = start_app()
    assert second.proc.wait(10) == 0
    assert "already running" in second.output()
    assert first.proc.poll() is None


def test_ten_simultaneous_starts_make_one_instance(
    desktop: Desktop, home: Path, cli: Cli, installed: Installed, tmp_path: Path
) -> None:
    env = app_env(desktop, home)
    procs = [
        subprocess.Popen(
            [installed.backbreak],
            env=env,
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(10)
    ]
    try:
        wait_until(lambda: sum(p.poll() is not None for p in procs) >= 9, 60, "nine of ten to hand over")
        running = [p for p in procs if p.poll() is None]
        assert len(running) == 1
        assert all(p.returncode == 0 for p in procs if p.poll() is not None)
        assert status(cli)["state"] in {"working", "away"}
    finally:
        cli("quit")
        for p in procs:
            if p.poll() is None:
                p.kill()
            p.wait(10)


def test_pause_and_resume(start_app: Callable[..., App], cli: Cli) -> None:
    start_app().wait_for_output("started")
    assert cli("pause", "30m").returncode == 0
    paused = status(cli)
    assert paused["state"] == "paused"
    assert isinstance(paused["paused_until"], str)
    assert cli("resume").returncode == 0
    assert status(cli)["paused_until"] is None
    again = cli("resume")
    assert again.returncode == 1
    assert again.stderr.strip() == "backbreak: Not paused."
    assert cli("pause", "--until-tomorrow").returncode == 0
    assert status(cli)["state"] == "paused"


def test_quit_exits_within_two_seconds(start_app: Callable[..., App], cli: Cli) -> None:
    app = start_app()
    app.wait_for_output("started")
    started = time.monotonic()
    assert cli("quit").returncode == 0
    assert app.proc.wait(2) == 0
    assert time.monotonic() - started < 2
    gone = cli("status")
    assert gone.returncode == 1
    assert gone.stderr == "backbreak: backbreak is not running\n"


def test_kill_9_leaves_nothing_that_blocks_the_next_start(start_app: Callable[..., App], cli: Cli, home: Path) -> None:
    app = start_app()
    app.wait_for_output("started")
    os.kill(app.proc.pid, signal.SIGKILL)
    app.proc.wait(5)
    runtime = home / "runtime" / "backbreak"
    assert (runtime / "backbreak.sock").exists()  # the crash left its socket (and lock) behind
    assert cli("status").returncode == 1  # a dead socket: "not running", not a hang
    fresh = start_app()
    fresh.wait_for_output("started")
    assert status(cli)["version"]
    assert fresh.proc.poll() is None


def test_the_socket_folder_is_private(start_app: Callable[..., App], home: Path) -> None:
    start_app().wait_for_output("started")
    folder = home / "runtime" / "backbreak"
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("snooze", "5x"), "not a duration"),
        (("pause",), "required"),
        (("pause", "10m", "--until-tomorrow"), "not allowed with"),
        (("frobnicate",), "invalid choice"),
        (("status", "--yaml"), "unrecognized arguments"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(cli: Cli, args: tuple[str, ...], says: str) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert says in done.stderr


def test_commands_without_an_instance_say_so(cli: Cli) -> None:
    for command in (("status",), ("skip",), ("pause", "1h"), ("quit",)):
        done = cli(*command)
        assert done.returncode == 1
        assert done.stderr == "backbreak: backbreak is not running\n"


def test_commands_that_read_files_work_without_an_instance(cli: Cli) -> None:
    listing = cli("routines")
    assert listing.returncode == 0
    assert "desk-2" in listing.stdout
    doctor = cli("doctor")
    assert doctor.returncode == 0
    assert "idle source: X11 XScreenSaver" in doctor.stdout
    assert "running: no" in doctor.stdout


def test_stats_read_the_history_while_the_app_runs(start_app: Callable[..., App], cli: Cli) -> None:
    empty = cli("stats", "--json")
    assert empty.returncode == 0
    assert json.loads(empty.stdout)["breaks_taken"] == 0  # no history yet: zeros, not an error
    start_app().wait_for_output("started")
    assert cli("skip").returncode == 0
    summary = json.loads(cli("stats", "--json", "--days", "1").stdout)
    assert summary["skipped"] == 1
    table = cli("stats", "--csv", "--days", "3").stdout.splitlines()
    assert table[0].startswith("day,sitting_seconds,")
    assert len(table) == 4
    assert "breaks taken" in cli("stats").stdout
    assert cli("stats", "--days", "0").returncode == 2
