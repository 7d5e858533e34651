"""`backbreak doctor --json` on the real desktop, compared with what the desktop really has."""

from __future__ import annotations

import ctypes.util
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.desktop.conftest import app_env
from tests.desktop.installed import Installed
from tests.desktop.session import Desktop, _XLib

Cli = Callable[..., subprocess.CompletedProcess[str]]


def report(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert done.stderr == ""  # the report is the whole output: no stray warnings
    return {check["key"]: check for check in json.loads(done.stdout)["checks"]}


def bus_has(desktop: Desktop, bus: str, name: str) -> bool:
    done = subprocess.run(
        ["dbus-send", bus, "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
         "org.freedesktop.DBus.NameHasOwner", f"string:{name}"],
        env=desktop.env, capture_output=True, text=True, timeout=10, check=True,
    )  # fmt: skip
    return "boolean true" in done.stdout


def notification_capabilities(desktop: Desktop) -> str:
    done = subprocess.run(
        ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.Notifications",
         "/org/freedesktop/Notifications", "org.freedesktop.Notifications.GetCapabilities"],
        env=desktop.env, capture_output=True, text=True, timeout=10, check=True,
    )  # fmt: skip
    return done.stdout


def tray_owned(desktop: Desktop) -> bool:
    x = _XLib(desktop.env["DISPLAY"])
    try:
        return bool(x.tray_owner())
    finally:
        x.close()


def test_doctor_json_matches_what_the_desktop_has(cli: Cli, desktop: Desktop) -> None:
    done = cli("doctor", "--json")
    assert done.returncode == 0  # the essentials work here
    checks = report(done)
    assert checks["display"]["status"] == "ok"
    assert desktop.env["DISPLAY"] in checks["display"]["detail"]
    assert tray_owned(desktop)
    assert checks["tray"]["status"] == "ok"
    assert '"actions"' in notification_capabilities(desktop)  # dunst shows buttons ...
    assert checks["notifications"]["status"] == "ok"  # ... and doctor says so
    assert "with actions" in checks["notifications"]["detail"]
    assert ctypes.util.find_library("Xss")  # libXss is here, so the X11 idle source works
    assert checks["idle"] == {**checks["idle"], "status": "ok", "detail": "X11 XScreenSaver"}
    assert not bus_has(desktop, "--system", "org.freedesktop.login1")  # no logind on the private system bus
    assert not bus_has(desktop, "--session", "org.freedesktop.ScreenSaver")
    assert checks["session"]["status"] == "warn"
    assert checks["fullscreen"]["status"] == "ok"  # openbox speaks EWMH
    assert checks["calls"]["status"] == "warn"  # no PipeWire or PulseAudio in this session, no camera
    assert "pactl" in checks["calls"]["detail"]
    assert checks["menu"]["status"] == "warn"
    assert checks["autostart"]["detail"].startswith("off")
    assert checks["running"]["detail"] == "no"


def test_doctor_follows_the_tray_and_the_menu_entry(cli: Cli, desktop: Desktop, home: Path) -> None:
    desktop.stop_tray()
    try:
        assert not tray_owned(desktop)
        done = cli("doctor", "--json")
        assert report(done)["tray"]["status"] == "warn"
        assert done.returncode == 0  # a tray is not essential: backbreak works on without one
    finally:
        desktop.start_tray()
    assert cli("--install-desktop-entry").returncode == 0
    checks = report(cli("doctor", "--json"))
    assert checks["tray"]["status"] == "ok"
    menu = home / "data" / "applications" / "io.github.backbreak.backbreak.desktop"
    assert checks["menu"] == {**checks["menu"], "status": "ok", "detail": str(menu)}
    assert cli("--uninstall").returncode == 0
    assert report(cli("doctor", "--json"))["menu"]["status"] == "warn"


def test_doctor_without_a_session_bus_says_so_and_what_to_do(
    installed: Installed, desktop: Desktop, home: Path, tmp_path: Path
) -> None:
    env = {**app_env(desktop, home), "DBUS_SESSION_BUS_ADDRESS": "unix:path=/dev/null/no-bus"}
    done = subprocess.run(
        [installed.backbreak, "doctor", "--json"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=30
    )
    notifications = report(done)["notifications"]
    assert notifications["status"] == "warn"
    assert notifications["detail"] == "no session bus"
    assert notifications["advice"]
