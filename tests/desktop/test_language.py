"""The installed backbreak in German on the real desktop: LANG=de_DE.UTF-8 is all it takes.

The notifications, the tray menu and `backbreak status` speak German; `backbreak status --json` is the same
English a script read before, whatever the language of the app or of the command.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktop.conftest import App, app_env
from tests.desktop.installed import Installed
from tests.desktop.session import Desktop, wait_until

QUICK = """schema_version = 1
[move]
every = "20s"
[stretch]
enabled = false
[reminders]
heads_up = "10s"
snooze = "10s"
"""


@pytest.fixture
def german_app(desktop: Desktop, home: Path, installed: Installed, tmp_path: Path) -> Iterator[App]:
    folder = home / "config" / "backbreak"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(QUICK)
    log = tmp_path / "app.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [installed.backbreak],
            env={**app_env(desktop, home), "LANG": "de_DE.UTF-8"},
            cwd=tmp_path,  # never the repository: its backbreak/ would shadow the installed one
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    app = App(proc, home, log, desktop)
    yield app
    app.stop()


def backbreak(installed: Installed, desktop: Desktop, home: Path, lang: str, *args: str) -> str:
    env = {**app_env(desktop, home), "LANG": lang}
    done = subprocess.run([installed.backbreak, *args], env=env, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_lang_de_makes_the_notifications_and_status_german_and_leaves_the_json_alone(
    german_app: App, desktop: Desktop, home: Path, installed: Installed
) -> None:
    notes = desktop.watch_notifications()
    german_app.wait_for_output("started")
    german_app.wait_for_icon()
    subprocess.run(["xdotool", "mousemove_relative", "--", "1", "0"], env=desktop.env, check=True)
    wait_until(lambda: 'string "Bewegungspause in 10 s"' in notes.read_text(), 30, "the German heads-up")
    wait_until(lambda: 'string "Zeit aufzustehen"' in notes.read_text(), 30, "the German due notification")
    said = notes.read_text()
    assert 'string "Auslassen"' in said  # the Skip button
    assert "Time to stand up" not in said
    assert backbreak(installed, desktop, home, "de_DE.UTF-8", "status").startswith("Sitzen seit")
    assert backbreak(installed, desktop, home, "C.UTF-8", "status").startswith("Sitting")
    german = json.loads(backbreak(installed, desktop, home, "de_DE.UTF-8", "status", "--json"))
    english = json.loads(backbreak(installed, desktop, home, "C.UTF-8", "status", "--json"))
    assert german.keys() == english.keys()
    assert german["state"] == english["state"] == "due"
    assert german["tooltip"].startswith("Sitting")
