"""Without a display: a clear line instead of Qt's abort, and a doctor that still reports."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from backbreak.platform.display import display_problem


def test_no_display_variables_is_a_problem() -> None:
    problem = display_problem({}, "linux")
    assert problem is not None
    assert "DISPLAY and WAYLAND_DISPLAY are not set" in problem


def test_a_wayland_socket_that_exists_is_a_display(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "wayland-0"))
        assert display_problem({"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux") is None
    missing = display_problem({"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}, "linux")
    assert missing is not None
    assert "wayland-9 does not exist" in missing


def test_an_x_server_that_does_not_answer_is_named() -> None:
    problem = display_problem({"DISPLAY": ":9997"}, "linux")  # nothing listens on display 9997
    assert problem == "no graphical display: the X server at DISPLAY=:9997 does not answer"


def test_qt_decides_where_it_was_told_or_elsewhere() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None


def _without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_starting_without_a_display_says_so_in_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "backbreak"], env=_without_display(), capture_output=True, text=True)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("backbreak:")]
    assert lines == [
        "backbreak: no graphical display: DISPLAY and WAYLAND_DISPLAY are not set "
        "(start backbreak from your desktop session)"
    ]
    assert "Qt platform plugin" not in done.stderr


def test_doctor_reports_without_a_display() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "backbreak", "doctor"], env=_without_display(), capture_output=True, text=True
    )
    assert done.returncode == 1  # a display is essential
    assert "missing display: no graphical display" in done.stdout
    assert "warn    tray: unknown without a display" in done.stdout
    assert "ok      running: no" in done.stdout
    assert done.stderr == ""


def test_doctor_says_what_platformdirs_would_have_printed(tmp_path: Path) -> None:
    env = {k: v for k, v in _without_display().items() if k != "XDG_RUNTIME_DIR"}
    done = subprocess.run(
        [sys.executable, "-m", "backbreak", "doctor", "--json"],
        env={**env, "HOME": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.stderr == ""  # no stray warning: platformdirs' RuntimeDirWarning is a finding instead
    report = json.loads(done.stdout)
    runtime = next(check for check in report["checks"] if check["key"] == "runtime")
    assert runtime["status"] == "warn"
    assert "XDG_RUNTIME_DIR is not set" in runtime["detail"]
    assert report["essentials_ok"] is False  # no display


def test_commands_say_one_clear_line_without_xdg_runtime_dir(tmp_path: Path) -> None:
    # platformdirs falls back to a private folder in /tmp and warns with its source line; a command
    # prints its own answer only (the note goes to the log, and doctor reports it, as above).
    env = {k: v for k, v in _without_display().items() if k != "XDG_RUNTIME_DIR"}
    done = subprocess.run(
        [sys.executable, "-m", "backbreak", "status"],
        env={**env, "HOME": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr == "backbreak: backbreak is not running\n"
