"""A real, private desktop for end-to-end tests: Xvfb, a session bus (and a stand-in system bus),
openbox, an XEmbed tray host (trayer) and a notification daemon (dunst).

Every process is started here and stopped here; nothing touches the user's own display or buses.
Waiting is done on conditions (a display number written to a pipe, a D-Bus name, a selection owner),
never on a fixed delay.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = (
    "Xvfb", "dbus-daemon", "dbus-send", "dbus-monitor", "openbox", "trayer", "dunst", "dunstctl", "xdotool",
    "xprop", "xwininfo", "import",
)  # fmt: skip

DUNSTRC = """[global]
    font = Sans 10
    width = 320
    origin = top-right
    offset = 10x30
    idle_threshold = 0
    dmenu = {pick}
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


# A dmenu stand-in for `dunstctl context`: dunst pipes the actions in; this picks the first line that
# contains the text in the file "pick" beside it, as a person would click that button.
PICK = """#!/bin/sh
grep -i -m1 -F -- "$(cat "$(dirname "$0")/pick")"
"""


def missing_tools() -> list[str]:
    """Desktop programs this machine lacks (the Debian packages are installed by .ci/run)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> object:
    """Check `condition` until it returns something truthy; fail with `what` after `timeout` s."""
    pause = threading.Event()
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up after {timeout} s waiting for {what}")
        pause.wait(0.05)


@dataclass
class Desktop:
    """A private desktop. Use as a context manager; `env` is what a program needs to join it."""

    folder: Path
    tray: bool = True
    size: str = "1280x800x24"
    env: dict[str, str] = field(default_factory=dict)
    _procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _tray: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Desktop:
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ start and stop
    def _start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        base = {k: v for k, v in os.environ.items() if not k.startswith(("WAYLAND_", "DBUS_", "XDG_SESSION"))}
        base.pop("DISPLAY", None)
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        display = self._start_xvfb(base)
        self.env = {**base, "DISPLAY": display, "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "xcb"}
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus("session-bus")
        # A private stand-in for the system bus: logind signals are looked for there, and tests must
        # never talk to the machine's real one.
        self.env["DBUS_SYSTEM_BUS_ADDRESS"] = self._start_bus("system-bus")
        self._spawn("openbox", ["openbox", "--sm-disable"])
        wait_until(lambda: "window id" in self._run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"]), 10, "openbox")
        if self.tray:
            self.start_tray()
        dunst_dir = self.folder / "dunst"
        dunst_dir.mkdir(exist_ok=True)
        pick = dunst_dir / "pick.sh"
        pick.write_text(PICK)
        pick.chmod(0o755)
        (dunst_dir / "dunstrc").write_text(DUNSTRC.format(pick=pick))
        self._spawn("dunst", ["dunst", "-config", str(dunst_dir / "dunstrc")])
        wait_until(self._notifier_up, 10, "dunst to own org.freedesktop.Notifications")

    def start_tray(self) -> None:
        """Start the XEmbed tray host and wait until it owns the tray selection."""
        self._tray = self._spawn(
            "trayer",
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24",
             "--SetDockType", "true", "--SetPartialStrut", "true", "--transparent", "false"],
        )  # fmt: skip
        self._wait_for_tray(True)

    def stop_tray(self) -> None:
        """Take the tray host away, as when a panel crashes or is removed."""
        if self._tray is not None:
            self._tray.terminate()
            self._tray.wait(5)
            self._tray = None
        self._wait_for_tray(False)

    def _wait_for_tray(self, present: bool) -> None:
        x = _XLib(self.env["DISPLAY"])
        try:
            wait_until(
                lambda: bool(x.tray_owner()) == present,
                10,
                f"the tray selection to be {'owned' if present else 'free'}",
            )
        finally:
            x.close()

    def _start_xvfb(self, env: dict[str, str]) -> str:
        read_end, write_end = os.pipe()
        argv = ["Xvfb", "-displayfd", str(write_end), "-screen", "0", self.size, "-nolisten", "tcp", "-noreset"]
        self._spawn("xvfb", argv, env, pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display number once it accepts clients
        if not number:
            raise RuntimeError(f"Xvfb did not start; see {self.folder / 'xvfb.log'}")
        return f":{number}"

    def _start_bus(self, name: str) -> str:
        read_end, write_end = os.pipe()
        argv = ["dbus-daemon", "--session", "--nofork", f"--print-address={write_end}"]
        self._spawn(name, argv, pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            address = pipe.readline().strip()
        if not address:
            raise RuntimeError(f"dbus-daemon did not start; see {self.folder / (name + '.log')}")
        return address

    def _spawn(
        self, name: str, argv: list[str], env: dict[str, str] | None = None, pass_fds: tuple[int, ...] = ()
    ) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("wb")
        proc = subprocess.Popen(
            argv,
            env=env or self.env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=pass_fds,
            start_new_session=True,
        )
        log.close()
        self._procs.append(proc)
        return proc

    def stop(self) -> None:
        """Stop everything this desktop started, newest first."""
        for proc in reversed(self._procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in reversed(self._procs):
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        self._procs.clear()

    # ------------------------------------------------------------------ looking at it
    def _run(self, argv: list[str]) -> str:
        done = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=10, check=False)
        return done.stdout

    def _notifier_up(self) -> bool:
        reply = self._run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications"]
        )  # fmt: skip
        return "boolean true" in reply

    def tray_icons(self, pid: int) -> list[str]:
        """Windows of process `pid` embedded in the tray (XEmbed, parented away from the root)."""
        icons = []
        for window in self._run(["xdotool", "search", "--pid", str(pid)]).split():
            if "_XEMBED_INFO(" not in self._run(["xprop", "-id", window, "_XEMBED_INFO"]):
                continue
            tree = self._run(["xwininfo", "-id", window, "-children"])
            root = _field(tree, "Root window id:")
            parent = _field(tree, "Parent window id:")
            info = self._run(["xwininfo", "-id", window])
            # Qt marks every window with _XEMBED_INFO and the window manager reparents top-level windows
            # into frames, so only a small window below something other than the root is a tray icon.
            small = int(_field(info, "Width:") or 999) <= 64 and int(_field(info, "Height:") or 999) <= 64
            if parent and parent != root and small:
                icons.append(window)
        return icons

    def press_notification_button(self, label: str) -> None:
        """Choose the button `label` of the shown notification, through dunst's own context menu."""
        (self.folder / "dunst" / "pick").write_text(label)
        subprocess.run(["dunstctl", "context"], env=self.env, check=True, timeout=10)

    def watch_notifications(self) -> Path:
        """Log every Notify call on the session bus (summaries, bodies, actions) to a file; returns it."""
        log = self.folder / f"notify-{len(self._procs)}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                ["dbus-monitor", "--session", "type='method_call',interface='org.freedesktop.Notifications'"],
                env=self.env,
                stdout=out,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._procs.append(proc)
        wait_until(lambda: log.stat().st_size > 0, 10, "dbus-monitor to start")
        return log

    def screenshot(self, path: Path, crop: str | None = None) -> Path:
        """Save the whole screen as a PNG."""
        path.parent.mkdir(parents=True, exist_ok=True)
        argv = ["import", "-window", "root", *(["-crop", crop] if crop else []), str(path)]
        subprocess.run(argv, env=self.env, check=True, timeout=20)
        return path


def _field(text: str, label: str) -> str | None:
    for line in text.splitlines():
        if label in line:
            return line.split(label, 1)[1].split()[0]
    return None


class _XLib:
    """Just enough libX11 through ctypes to ask who owns the tray selection."""

    def __init__(self, display: str) -> None:
        self._x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self._x.XOpenDisplay.restype = ctypes.c_void_p
        self._x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x.XInternAtom.restype = ctypes.c_ulong
        self._x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        self._x.XGetSelectionOwner.restype = ctypes.c_ulong
        self._x.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self._x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._dpy = self._x.XOpenDisplay(display.encode())
        if not self._dpy:
            raise RuntimeError(f"cannot open display {display}")
        self._atom = self._x.XInternAtom(self._dpy, b"_NET_SYSTEM_TRAY_S0", 0)

    def tray_owner(self) -> int:
        return int(self._x.XGetSelectionOwner(self._dpy, self._atom))

    def close(self) -> None:
        self._x.XCloseDisplay(self._dpy)
