"""The tray icon's looks and menu, and a desktop without a tray."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktop.conftest import SCREENSHOTS, app_env, require_desktop_tools
from tests.desktop.installed import Installed
from tests.desktop.session import Desktop, wait_until


def test_icon_states_and_the_menu(start_app, desktop: Desktop, cli) -> None:  # type: ignore[no-untyped-def]
    app = start_app()
    app.wait_for_output("started")
    icon = app.wait_for_icon()[0]
    # Where the tray is: the icon's absolute position, for cropping the screenshots.
    geometry = subprocess.run(["xdotool", "getwindowgeometry", icon], env=desktop.env, capture_output=True, text=True)
    x, y = (int(v) for v in geometry.stdout.split("Position:")[1].split()[0].split(","))
    crop = f"48x32+{max(0, x - 12)}+{max(0, y - 4)}"
    folder = SCREENSHOTS / "tray"
    desktop.screenshot(folder / "working.png", crop)
    assert cli("pause", "1h").returncode == 0
    desktop.screenshot(folder / "paused.png", crop)
    assert cli("resume").returncode == 0
    subprocess.run(["xdotool", "mousemove", "--window", icon, "8", "8", "click", "3"], env=desktop.env, check=True)
    menu = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--class", "backbreak"],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert menu.returncode == 0
    desktop.screenshot(SCREENSHOTS / "tray" / "menu.png", f"360x330+{max(0, x - 340)}+0")
    subprocess.run(["xdotool", "key", "Escape"], env=desktop.env, check=True)
    pngs = sorted(path.name for path in folder.glob("*.png"))
    assert pngs == ["menu.png", "paused.png", "working.png"]


@pytest.fixture(scope="module")
def bare_desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    require_desktop_tools()
    with Desktop(tmp_path_factory.mktemp("no-tray"), tray=False) as session:
        yield session


def test_without_a_tray_it_keeps_working_and_says_so(
    bare_desktop: Desktop, installed: Installed, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config" / "backbreak").mkdir(parents=True)
    (home / "config" / "backbreak" / "settings.toml").write_text("schema_version = 1\n")
    env = app_env(bare_desktop, home)
    log = tmp_path / "app.log"
    with log.open("wb") as out:
        app = subprocess.Popen([installed.backbreak], env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: "started" in log.read_text(), 20, "backbreak to start")
        assert "no system tray" in log.read_text()
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^backbreak$"],
            env=bare_desktop.env,
            check=True,
            timeout=20,
        )
        bare_desktop.screenshot(SCREENSHOTS / "desktop" / "status-window.png")
        status = subprocess.run(
            [installed.backbreak, "status", "--json"], env=env, cwd=tmp_path, capture_output=True, text=True
        )
        assert json.loads(status.stdout)["state"] in {"working", "away"}
        again = subprocess.run([installed.backbreak], env=env, cwd=tmp_path, capture_output=True, text=True)
        assert again.returncode == 0
    finally:
        app.terminate()
        app.wait(10)


def test_when_the_tray_goes_away_it_says_so_once_and_comes_back_with_it(installed: Installed, tmp_path: Path) -> None:
    require_desktop_tools()
    home = tmp_path / "home"
    (home / "config" / "backbreak").mkdir(parents=True)
    (home / "config" / "backbreak" / "settings.toml").write_text("schema_version = 1\n")
    with Desktop(tmp_path / "desktop") as session:
        env = app_env(session, home)
        log = tmp_path / "app.log"

        def cli(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([installed.backbreak, *args], env=env, cwd=tmp_path, capture_output=True, text=True)

        with log.open("wb") as out:
            app = subprocess.Popen([installed.backbreak], env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_until(lambda: session.tray_icons(app.pid), 20, "the icon to embed")
            # The icon shows before the rest loads (backbreak/startup.py): the commands answer a moment later.
            wait_until(lambda: cli("status").returncode == 0, 20, "backbreak to answer")
            notes = session.watch_notifications()
            session.stop_tray()
            assert cli("pause", "30m").returncode == 0  # a phase change: the tray is looked for
            wait_until(lambda: "The system tray went away" in notes.read_text(), 20, "the tray-gone note")
            assert cli("pause", "1h").returncode == 0  # still paused, no new phase: nothing more said
            assert cli("resume").returncode == 0  # a new phase, tray still gone: said once only
            assert notes.read_text().count("The system tray went away") == 1
            assert json.loads(cli("status", "--json").stdout)["state"] in {"working", "away"}
            session.start_tray()
            assert cli("pause", "30m").returncode == 0
            wait_until(lambda: "the system tray is back" in log.read_text(), 20, "the tray to be noticed")
            wait_until(lambda: session.tray_icons(app.pid), 20, "the icon to embed again")
        finally:
            app.terminate()
            app.wait(10)
    assert "Traceback" not in log.read_text()
