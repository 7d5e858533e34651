"""The history database and the statistics computed from it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from backbreak.core.events import Record, RecordSitting, Stopping
from backbreak.core.history import EventRow, HistoryError, HistoryStore, SittingRow, read_history
from backbreak.core.stats import summarize

from tests.fakes import wall
from tests.unit.test_workday import run_day

NOW = wall("2026-11-23 19:00")


def record_day(path: Path) -> None:
    day = run_day()
    day.send(Stopping())
    store = HistoryStore(path, NOW)
    for effect in day.history:
        if isinstance(effect, Record):
            store.add_event(EventRow(effect.at, effect.event.value, effect.kind.value if effect.kind else None))
        elif isinstance(effect, RecordSitting):
            store.add_sitting(SittingRow(effect.start, effect.end))
    store.close()


def test_a_simulated_day_gives_exact_statistics(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    record_day(path)
    events, spans = read_history(path, dt.date(2026, 11, 1))
    summary = summarize(events, spans, dt.date(2026, 11, 23), 1).to_json()
    # From the timeline of tests/unit/test_workday.py: completed at 08:32, 09:04:04, 11:12, 11:44:04,
    # 13:17 and 16:02; natural at 10:30, 12:45 and 14:30; snoozed 4 times; skipped at 17:03 and 17:33.
    assert summary["breaks_taken"] == 6
    assert summary["natural"] == 3
    assert summary["snoozed"] == 4
    assert summary["skipped"] == 2
    # desk-2 completed twice (124 s each), and one minute of it before "This hurts" at 16:33.
    assert summary["stretched_seconds"] == 2 * 124 + 60
    # The longest unbroken sitting: from the hurt stop at 16:33 to 19:00 (the two skips are no break).
    assert summary["longest_sitting_seconds"] == (wall("2026-11-23 19:00") - wall("2026-11-23 16:33")).seconds
    assert summary["streak_days"] == 1
    assert summary["sitting_seconds"] > 8 * 3600


def test_csv_and_json_agree(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    record_day(path)
    events, spans = read_history(path, dt.date(2026, 11, 1))
    summary = summarize(events, spans, dt.date(2026, 11, 24), 7)
    lines = summary.to_csv().splitlines()
    header = lines[0].split(",")
    rows = [dict(zip(header, line.split(","), strict=True)) for line in lines[1:]]
    assert [row["day"] for row in rows] == [day["day"] for day in summary.to_json()["per_day"]]
    for row, day in zip(rows, summary.to_json()["per_day"], strict=True):
        assert {key: int(value) for key, value in row.items() if key != "day"} == {
            key: value for key, value in day.items() if key != "day"
        }


def test_an_empty_history_gives_zeros(tmp_path: Path) -> None:
    events, spans = read_history(tmp_path / "none.sqlite3", dt.date(2026, 1, 1))
    summary = summarize(events, spans, dt.date(2026, 11, 24), 30).to_json()
    assert summary["breaks_taken"] == 0
    assert summary["sitting_seconds"] == 0
    assert len(summary["per_day"]) == 30


def test_streak_counts_days_in_a_row(tmp_path: Path) -> None:
    events = [EventRow(wall(f"2026-11-{day} 10:00"), "completed", "move") for day in (18, 20, 21, 22, 23)]
    assert summarize(events, [], dt.date(2026, 11, 23), 7).streak_days == 4
    assert summarize(events, [], dt.date(2026, 11, 24), 7).streak_days == 4  # today has none yet
    assert summarize(events, [], dt.date(2026, 11, 25), 7).streak_days == 0


def test_sitting_across_midnight_is_split_by_day(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3", NOW)
    store.add_sitting(SittingRow(wall("2026-11-23 23:30"), wall("2026-11-24 00:45")))
    store.close()
    _, spans = read_history(tmp_path / "h.sqlite3", dt.date(2026, 11, 1))
    summary = summarize([], spans, dt.date(2026, 11, 24), 2)
    assert [day.sitting_seconds for day in summary.per_day] == [1800, 2700]


def test_the_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path, NOW).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_database_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just bytes " * 200)
    store = HistoryStore(path, NOW)
    assert store.kept_aside == tmp_path / "history.sqlite3.broken-20261123-190000"
    assert store.kept_aside.read_bytes().startswith(b"this is not a database")
    store.add_event(EventRow(NOW, "completed", "move"))
    store.close()
    assert len(read_history(path, dt.date(2026, 1, 1))[0]) == 1


def test_a_newer_schema_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(HistoryError, match="newer backbreak"):
        HistoryStore(path, NOW)
    assert not list(tmp_path.glob("*.broken-*"))


WRITER = """
import sys, datetime as dt
from backbreak.core.history import HistoryStore, EventRow
store = HistoryStore(__import__("pathlib").Path(sys.argv[1]), dt.datetime.now().astimezone())
at = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
for i in range(1_000_000):
    store.add_event(EventRow(at, "completed", "move", str(i)))
    print(i, flush=True)
"""


def test_kill_9_while_writing_keeps_every_committed_event(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    committed = -1
    for line in writer.stdout:
        committed = int(line)
        if committed >= 300:
            break
    writer.kill()
    writer.wait(5)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert count >= committed + 1  # every event reported as committed is there
    assert json.dumps(count)


def test_a_migration_copies_the_file_first_and_keeps_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backbreak.core import history

    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, NOW)  # a version 1 database, as this release writes it
    for n in range(25):
        store.add_event(EventRow(NOW, "completed", "move", str(n)))
    store.add_sitting(SittingRow(wall("2026-11-23 09:00"), wall("2026-11-23 09:40")))
    store.close()

    def to_2(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE events ADD COLUMN routine TEXT")

    monkeypatch.setattr(history, "MIGRATIONS", (*history.MIGRATIONS, to_2))
    monkeypatch.setattr(history, "SCHEMA_VERSION", 2)
    migrated = HistoryStore(path, NOW)
    migrated.close()
    assert migrated.backup == tmp_path / "history.sqlite3.before-v2"
    with sqlite3.connect(migrated.backup) as db:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 25
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 25
        assert db.execute("SELECT COUNT(*) FROM sitting").fetchone()[0] == 1
        assert "routine" in [row[1] for row in db.execute("PRAGMA table_info(events)")]
