"""Take the AppStream screenshots from the real app on a private headless desktop.

    python packaging/linux/screenshots.py [BACKBREAK]

BACKBREAK is the program to photograph (default: this tree, as `python -m backbreak`). It runs on the
test desktop of tests/desktop/session.py (Xvfb, openbox, trayer, dunst; the Debian packages .ci/run
installs), with an empty home, and is driven as a person would: the first-run welcome, a stretch
started with `backbreak break desk-2`, and Statistics chosen from the tray menu with the
keyboard. Each window is saved on its own (with its frame) into packaging/linux/screenshots/, the
files the metainfo's <screenshot> elements name. Run it again when a window changes; Settings is left
out while its window is being reworked.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "packaging" / "linux" / "screenshots"
sys.path.insert(0, str(ROOT))

from tests.desktop.session import Desktop, wait_until  # noqa: E402 - after the tree is on the path


def frame_of(desktop: Desktop, name: str) -> tuple[str, str]:
    """The visible window called `name`, and the window manager's frame around it (for the title bar)."""
    found = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--name", name],
        env=desktop.env, capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    window = found.stdout.split()[0]
    tree = subprocess.run(["xwininfo", "-id", window, "-children"], env=desktop.env, capture_output=True, text=True)
    for line in tree.stdout.splitlines():
        if "Parent window id:" in line and "(the root window)" not in line:
            return window, line.split("Parent window id:")[1].split()[0]
    return window, window


def shoot(desktop: Desktop, name: str, file: str) -> None:
    """Wait until the window's animations have settled a little, then save it."""
    window, frame = frame_of(desktop, name)
    subprocess.run(["xdotool", "windowactivate", window], env=desktop.env, check=False, timeout=10)
    # Cards fade in over 200-300 ms; a screenshot is a picture, not a test, so a fixed pause is fine here.
    subprocess.run(["sleep", "1.5"], check=True)
    subprocess.run(["import", "-window", frame, str(OUT / file)], env=desktop.env, check=True, timeout=30)
    print(OUT / file)


def seed_history(path: Path, today: dt.date) -> None:
    """A plausible week (fixed, not random) so the statistics show what they are for."""
    from backbreak.core.events import BreakKind, HistoryEvent
    from backbreak.core.history import EventRow, SittingRow, open_history

    history = open_history(path, dt.datetime.now().astimezone())
    zone = dt.datetime.now().astimezone().tzinfo
    for back in range(6, 0, -1):
        day = today - dt.timedelta(days=back)
        if day.weekday() >= 5:
            continue
        at = dt.datetime.combine(day, dt.time(9, 0), zone)
        for span in range(8):
            sitting = dt.timedelta(minutes=26 + (span * 7 + back * 5) % 30)
            history.add_sitting(SittingRow(at, at + sitting))
            at += sitting
            kind = BreakKind.STRETCH if span % 3 == 2 else BreakKind.MOVE
            outcome = HistoryEvent.SKIPPED if (span + back) % 7 == 0 else HistoryEvent.COMPLETED
            history.add_event(EventRow(at, HistoryEvent.STARTED, kind))
            history.add_event(EventRow(at + dt.timedelta(minutes=2), outcome, kind))
            at += dt.timedelta(minutes=3 + span % 4)
    history.close()


def menu_item(desktop: Desktop, pid: int, ups: int) -> None:
    """Open the tray menu and choose the item `ups` places up from its end (Up once: Quit).

    Called on a freshly started backbreak with no window open, so that the keys reach the menu.
    """
    icons = wait_until(lambda: desktop.tray_icons(pid), 20, "the tray icon")
    icon = icons[0]  # type: ignore[index]
    subprocess.run(["xdotool", "mousemove", "--window", icon, "8", "8", "click", "3"], env=desktop.env, check=True)
    subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--class", "backbreak"], env=desktop.env, check=True
    )
    subprocess.run(["xdotool", "key", *(["Up"] * ups), "Return"], env=desktop.env, check=True)


def main() -> int:
    """Start backbreak, take the shots, stop everything."""
    program = sys.argv[1:] or [sys.executable, "-m", "backbreak"]
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, Desktop(Path(folder) / "desktop", size="1280x800x24") as desktop:
        home = Path(folder) / "home"
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700, parents=True)
        env = {
            **desktop.env, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
        }  # fmt: skip
        seed_history(home / "data" / "backbreak" / "history.sqlite3", dt.date.today())

        def start() -> subprocess.Popen[bytes]:
            return subprocess.Popen(program, env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def stop(app: subprocess.Popen[bytes]) -> None:
            app.terminate()
            app.wait(10)

        app = start()
        try:
            shoot(desktop, "Welcome to backbreak", "welcome.png")
            subprocess.run(["xdotool", "key", "Return"], env=desktop.env, check=True)
            subprocess.run([*program, "break", "desk-2"], env=env, cwd=folder, check=True, timeout=20)
            shoot(desktop, "Stretch break", "stretch.png")
            # The menu's other windows, each from a fresh start so that no open window takes the keys.
            for ups, name in ((4, "Statistics"),):  # ..., Statistics, Settings, About & safety, Quit
                stop(app)
                app = start()
                menu_item(desktop, app.pid, ups)
                shoot(desktop, name, f"{name.lower()}.png")
        finally:
            stop(app)
    return 0


if __name__ == "__main__":
    os.environ.pop("QT_QPA_PLATFORM", None)
    sys.exit(main())
