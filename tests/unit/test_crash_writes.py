"""kill -9 in the middle of writing, again and again: settings.toml is always the old or the new file,
never half of one, and the history keeps every committed event and passes its integrity check.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from backbreak.core.settings import Settings
from backbreak.core.settingsfile import load_settings

from tests.fakes import wall

NOW = wall("2026-11-24 21:47:05")
ROUNDS = 12

SETTINGS_WRITER = """
import dataclasses, sys
from pathlib import Path
from backbreak.core.settings import Settings
from backbreak.core.settingsfile import save_settings
path = Path(sys.argv[1])
# Two settings that differ at the top of the file and at its end: half a file cannot pass for either.
every, theme = (20 * 60, 45 * 60), ("dark", "light")
for i in range(1_000_000):
    base = Settings()
    save_settings(path, dataclasses.replace(
        base,
        move=dataclasses.replace(base.move, every=every[i % 2]),
        ui=dataclasses.replace(base.ui, theme=theme[i % 2]),
    ))
    print(i, flush=True)
"""

HISTORY_WRITER = """
import sys, datetime as dt
from pathlib import Path
from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.history import EventRow, HistoryStore, SittingRow
store = HistoryStore(Path(sys.argv[1]), dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc))
at = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
start = int(sys.argv[2])
for i in range(start, start + 1_000_000):
    store.add_event(EventRow(at, HistoryEvent.COMPLETED, BreakKind.MOVE, str(i)))
    store.add_sitting(SittingRow(at, at + dt.timedelta(seconds=60)))
    print(i, flush=True)
"""


def kill_after(script: str, args: list[str], lines: int) -> int:
    """Run a writer, kill -9 it once it reported `lines` writes; the last write it reported done."""
    writer = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    done = -1
    for line in writer.stdout:
        done = int(line)
        if done + 1 >= lines:
            break
    writer.kill()
    writer.wait(10)
    return done


def test_settings_are_old_or_new_never_half(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    chance = random.Random(7)
    for _ in range(ROUNDS):
        kill_after(SETTINGS_WRITER, [str(path)], chance.randint(1, 40))
        result = load_settings(path, NOW)
        assert [problem for problem in result.problems if problem.fatal] == [], path.read_text()
        assert result.kept_aside is None
        written = (result.settings.move.every, result.settings.ui.theme)
        assert written in ((20 * 60, "dark"), (45 * 60, "light")), path.read_text()  # old or new, whole
        assert result.settings.reminders == Settings().reminders
    assert list(tmp_path.glob(".settings.toml.*.tmp")) == []  # what a killed write left was cleared


def test_the_history_keeps_every_committed_row_through_repeated_kills(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    chance = random.Random(11)
    committed = 0
    for round_ in range(1, ROUNDS + 1):
        done = kill_after(HISTORY_WRITER, [str(path), str(committed)], chance.randint(1, 60))
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            details = [int(row[0]) for row in db.execute("SELECT detail FROM events ORDER BY id")]
            sitting = db.execute("SELECT COUNT(*) FROM sitting").fetchone()[0]
        assert details == list(range(len(details)))  # nothing lost, doubled or out of order
        assert len(details) >= done + 1  # every write reported done is there
        # A kill may fall between a round's last two writes, so each round may leave one span short.
        assert len(details) - round_ <= sitting <= len(details)
        committed = len(details)
