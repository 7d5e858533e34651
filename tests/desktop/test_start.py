"""The real backbreak process on a real (virtual) desktop, as a user starts it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.desktop.conftest import SCREENSHOTS, App, app_env
from tests.desktop.installed import Installed
from tests.desktop.session import Desktop


def test_version_prints_and_exits(installed: Installed, tmp_path: Path) -> None:
    done = subprocess.run([installed.backbreak, "--version"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.strip().startswith("backbreak 0.")


def test_a_wrong_argument_is_one_line_and_exit_2(installed: Installed, tmp_path: Path) -> None:
    done = subprocess.run([installed.backbreak, "--frobnicate"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "--frobnicate" in done.stderr


def test_first_start_puts_an_icon_in_the_tray(start_app: Callable[..., App], desktop: Desktop) -> None:
    app = start_app()
    app.wait_for_output("started")
    icons = app.wait_for_icon()
    assert len(icons) == 1
    desktop.screenshot(SCREENSHOTS / "desktop" / "first-start.png")
    assert not (app.config / "settings.toml").exists()  # a missing file means defaults; nothing written


def test_the_running_backbreak_is_the_installed_copy(
    start_app: Callable[..., App], installed: Installed, desktop: Desktop, home: Path, tmp_path: Path
) -> None:
    app = start_app()
    app.wait_for_output("started")
    # The kernel runs a console script as `<its #! interpreter> <script>`: the venv's python, its backbreak,
    # started outside the repository.
    argv = Path(f"/proc/{app.proc.pid}/cmdline").read_bytes().split(b"\0")
    assert [os.fsdecode(arg) for arg in argv[:2]] == [str(installed.python), str(installed.backbreak)]
    assert Path(f"/proc/{app.proc.pid}/cwd").resolve() == tmp_path.resolve()
    # That interpreter, in that folder and environment, imports backbreak from the venv, not the source tree.
    where = subprocess.run(
        [installed.python, "-c", "import backbreak; print(backbreak.__file__)"],
        env=app_env(desktop, home),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed.venv / "lib")


def test_sigterm_quits_cleanly(start_app: Callable[..., App]) -> None:
    app = start_app()
    app.wait_for_output("started")
    assert app.stop() == 0


def test_broken_settings_are_kept_aside_and_the_app_runs(start_app: Callable[..., App], tmp_path: Path) -> None:
    config = tmp_path / "home" / "config" / "backbreak"
    config.mkdir(parents=True)
    original = '[move]\nevery = "20m"\nlength = "2 minutes"\n'
    (config / "settings.toml").write_text(original)
    app = start_app()
    app.wait_for_output("started")
    assert "settings.toml line 3: move.length" in app.output()
    kept = list(config.glob("settings.toml.broken-*"))
    assert [path.read_text() for path in kept] == [original]
    assert 'every = "20m"' in (config / "settings.toml").read_text()  # the valid key survived
    assert app.wait_for_icon()
