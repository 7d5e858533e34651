"""Fixtures for desktop tests: a private desktop, and the real `backbreak` process running in it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.desktop.installed import Installed, Wheel, build_wheel, install
from tests.desktop.session import Desktop, missing_tools, wait_until

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"


def require(missing: list[str], what: str = "desktop programs") -> None:
    """Skip a test whose programs are `missing`; under CI=true, fail it: a missing component never skips."""
    if missing:
        message = f"{what} missing: {', '.join(missing)} (run .ci/run's apt-get lines)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def require_desktop_tools() -> None:
    """The desktop programs every desktop test needs (Xvfb, dbus, openbox, trayer, dunst, X tools)."""
    require(missing_tools())


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    require_desktop_tools()
    with Desktop(tmp_path_factory.mktemp("desktop")) as session:
        yield session


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Wheel:
    """The wheel of the tree as it is now, built once per run."""
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def installed(wheel: Wheel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """That wheel installed in a fresh venv: the backbreak every desktop test runs."""
    folder = tmp_path_factory.mktemp("installed")
    yield install(wheel, folder)
    # About 240 MB (PySide6), and pytest keeps the last three runs' temporary folders.
    shutil.rmtree(folder, ignore_errors=True)


@dataclass
class App:
    """A running backbreak process with its own empty home."""

    proc: subprocess.Popen[bytes]
    home: Path
    log: Path
    desktop: Desktop

    @property
    def config(self) -> Path:
        return self.home / "config" / "backbreak"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for_output(self, text: str, timeout: float = 20) -> None:
        wait_until(lambda: text in self.output() or self.proc.poll() is not None, timeout, repr(text))
        assert text in self.output(), f"backbreak exited {self.proc.returncode}:\n{self.output()}"

    def wait_for_icon(self, timeout: float = 20) -> list[str]:
        icons = wait_until(lambda: self.desktop.tray_icons(self.proc.pid), timeout, "the tray icon to embed")
        return list(icons)  # type: ignore[call-overload]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                return self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.wait(5)


def app_env(desktop: Desktop, home: Path) -> dict[str, str]:
    """The environment of a user with an empty home on the test desktop."""
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {
        **desktop.env,
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def cli(
    desktop: Desktop, home: Path, installed: Installed, tmp_path: Path
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `backbreak ARGS` as the same user as the app under test."""

    def run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [installed.backbreak, *args],
            env=app_env(desktop, home),
            cwd=tmp_path,  # never the repository: a relative sys.path entry would import its backbreak/
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture
def start_app(desktop: Desktop, tmp_path: Path, home: Path, installed: Installed) -> Iterator[object]:
    started: list[App] = []

    def start(*args: str) -> App:
        log = tmp_path / f"app-{len(started)}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [installed.backbreak, *args],
                env=app_env(desktop, home),
                cwd=tmp_path,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        app = App(proc, home, log, desktop)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()
