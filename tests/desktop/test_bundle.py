"""The PyInstaller bundle, built from this run's wheel with packaging/pyinstaller/build.py, on the real desktop:
--version, the tray icon, a notification with its buttons, the stretch window, and its size."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.desktop.conftest import SCREENSHOTS, App, app_env
from tests.desktop.installed import Wheel
from tests.desktop.session import Desktop, wait_until
from tests.scripts import load_script

TARGET_MB = 150  # the target for the unpacked folder

QUICK = """schema_version = 1
[move]
every = "20s"
[stretch]
enabled = false
[reminders]
heads_up = "10s"
"""


def build_script() -> ModuleType:
    return load_script("packaging/pyinstaller/build.py")


@pytest.fixture(scope="session")
def bundle(wheel: Wheel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundle's folder, built once per run from the wheel the other desktop tests install."""
    folder = tmp_path_factory.mktemp("bundle")
    yield build_script().build(folder, wheel.path)
    subprocess.run(["rm", "-rf", str(folder)], check=False)  # about 400 MB with its venv


def run(bundle: Path, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [bundle / "backbreak", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_bundle_answers_version_and_is_under_its_size_target(
    bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(bundle, "--version", cwd=tmp_path).strip().startswith("backbreak 0.")
    size = build_script().size_of(bundle) / 1e6
    with capsys.disabled():
        print(f"\nbundle: {bundle} is {size:.0f} MB unpacked (target: under {TARGET_MB} MB)")
    assert size < TARGET_MB
    qt = bundle / "_internal" / "PySide6" / "Qt"
    modules = {path.name.split(".")[0] for path in (bundle / "_internal" / "PySide6").glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtDBus", "QtSvg"}  # only what the app loads
    assert not list(qt.rglob("*WebEngine*")) + list(qt.rglob("*Qml*")) + list(qt.rglob("*Multimedia*"))
    assert (qt / "plugins" / "platforms" / "libqxcb.so").exists()
    assert (qt / "plugins" / "iconengines" / "libqsvgicon.so").exists()  # the SVG tray glyphs
    assert sorted(qt.glob("translations/qtbase_*.qm"))  # Qt's own buttons, translated
    assets = bundle / "_internal" / "backbreak" / "assets"
    assert (assets / "routines" / "desk-2.toml").exists()
    assert (assets / "icons" / "backbreak.svg").exists()


def test_the_bundle_installs_its_menu_entry_pointing_at_itself(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    run(bundle, "--install-desktop-entry", env=env, cwd=tmp_path)
    entry = home / ".local" / "share" / "applications" / "io.github.backbreak.backbreak.desktop"
    assert f"Exec={bundle / 'backbreak'}\n" in entry.read_text()
    assert (
        home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "io.github.backbreak.backbreak.png"
    ).exists()
    run(bundle, "--uninstall", env=env, cwd=tmp_path)
    assert not entry.exists()


def test_the_bundle_runs_on_the_desktop_with_icon_notification_and_stretch_window(
    bundle: Path, desktop: Desktop, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / "config" / "backbreak").mkdir(parents=True)
    (home / "config" / "backbreak" / "settings.toml").write_text(QUICK)
    env = app_env(desktop, home)
    notes = desktop.watch_notifications()
    log = tmp_path / "bundle.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [bundle / "backbreak"], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
    app = App(proc, home, log, desktop)
    try:
        app.wait_for_output("started")
        assert len(app.wait_for_icon()) == 1
        subprocess.run(["xdotool", "mousemove_relative", "--", "1", "0"], env=desktop.env, check=True)
        wait_until(lambda: 'string "Move break in 10 s"' in notes.read_text(), 30, "the heads-up notification")
        assert 'string "snooze"' in notes.read_text()  # with its button
        run(bundle, "break", "desk-2", env=env, cwd=tmp_path)
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Stretch break", "windowactivate", "--sync"],
            env=desktop.env,
            check=True,
            timeout=20,
        )
        assert json.loads(run(bundle, "status", "--json", env=env, cwd=tmp_path))["state"] == "on_break"
        desktop.screenshot(SCREENSHOTS / "desktop" / "bundle-stretch.png")
        subprocess.run(["xdotool", "key", "Escape"], env=desktop.env, check=True)
        wait_until(
            lambda: json.loads(run(bundle, "status", "--json", env=env, cwd=tmp_path))["state"] != "on_break",
            10,
            "Esc to end the break",
        )
        run(bundle, "pause", "30m", env=env, cwd=tmp_path)  # the tray draws the paused glyph from the assets
        assert json.loads(run(bundle, "status", "--json", env=env, cwd=tmp_path))["state"] == "paused"
        assert run(bundle, "status", env=env, cwd=tmp_path)  # answered after the repaint: still running
        assert "Traceback" not in app.output()
    finally:
        assert app.stop() == 0
