"""The history database and the statistics computed from it."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from backbreak.core.events import BreakKind, HistoryEvent, Record, RecordSitting, Stopping
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
            store.add_event(EventRow(effect.at, effect.event, effect.kind))
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
    events = [
        EventRow(wall(f"2026-11-{day} 10:00"), HistoryEvent.COMPLETED, BreakKind.MOVE) for day in (18, 20, 21, 22, 23)
    ]
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
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_database_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just bytes " * 200)
    store = HistoryStore(path, NOW)
    assert store.kept_aside == tmp_path / "history.sqlite3.broken-20261123-190000"
    assert store.kept_aside.read_bytes().startswith(b"this is not a database")
    store.add_event(EventRow(NOW, HistoryEvent.COMPLETED, BreakKind.MOVE))
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
from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.history import HistoryStore, EventRow
store = HistoryStore(__import__("pathlib").Path(sys.argv[1]), dt.datetime.now().astimezone())
at = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
for i in range(1_000_000):
    store.add_event(EventRow(at, HistoryEvent.COMPLETED, BreakKind.MOVE, str(i)))
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
        details = [row[0] for row in db.execute("SELECT detail FROM events ORDER BY id")]
    # The writer numbers its events 0, 1, 2, ...: reading back an unbroken run from 0 shows that no
    # committed event was lost, duplicated or reordered, and the last one may be a commit not yet reported.
    assert details == [str(n) for n in range(len(details))]
    assert len(details) >= committed + 1  # every event reported as committed is there


def test_a_migration_copies_the_file_first_and_keeps_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from backbreak.core import history

    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, NOW)  # a database as this release writes it
    for n in range(25):
        store.add_event(EventRow(NOW, HistoryEvent.COMPLETED, BreakKind.MOVE, str(n)))
    store.add_sitting(SittingRow(wall("2026-11-23 09:00"), wall("2026-11-23 09:40")))
    store.close()

    def add_a_column(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE events ADD COLUMN routine TEXT")

    future = history.SCHEMA_VERSION + 1
    monkeypatch.setattr(history, "MIGRATIONS", (*history.MIGRATIONS, add_a_column))
    monkeypatch.setattr(history, "SCHEMA_VERSION", future)
    migrated = HistoryStore(path, NOW)
    migrated.close()
    assert migrated.backup == tmp_path / f"history.sqlite3.before-v{future}"
    with sqlite3.connect(migrated.backup) as db:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 25
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == future
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 25
        assert db.execute("SELECT COUNT(*) FROM sitting").fetchone()[0] == 1
        assert "routine" in [row[1] for row in db.execute("PRAGMA table_info(events)")]


def test_version_2_tells_a_paused_routine_from_a_paused_app(tmp_path: Path) -> None:
    from backbreak.core import history

    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path, isolation_level=None) as db:  # a database as version 1 wrote it
        history.MIGRATIONS[0](db)
        db.execute("PRAGMA user_version = 1")
        rows = [
            ("paused", "2026-11-23T10:00+01:00"),  # the app paused from the tray
            ("resumed", "pause ended"),
            ("paused", "desk-2"),  # the routine paused in its window
            ("resumed", "desk-2"),
            ("resumed", ""),  # the app resumed by hand
        ]
        for event, detail in rows:
            db.execute(
                "INSERT INTO events (at, day, event, kind, detail) VALUES (?, ?, ?, NULL, ?)",
                ("2026-11-23T09:00:00+01:00", "2026-11-23", event, detail),
            )
    HistoryStore(path, NOW).close()
    events, _ = read_history(path, dt.date(2026, 11, 23))
    assert [row.event for row in events] == [
        HistoryEvent.PAUSED,
        HistoryEvent.RESUMED,
        HistoryEvent.ROUTINE_PAUSED,
        HistoryEvent.ROUTINE_RESUMED,
        HistoryEvent.RESUMED,
    ]
    assert (tmp_path / "history.sqlite3.before-v2").exists()


def test_rows_a_newer_version_wrote_are_left_out_of_reading(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, NOW)
    store.add_event(EventRow(NOW, HistoryEvent.COMPLETED, BreakKind.MOVE))
    store.close()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO events (at, day, event, kind) VALUES (?, ?, 'levitated', 'move')",
            (NOW.isoformat(), "2026-11-23"),
        )
    events, _ = read_history(path, dt.date(2026, 11, 23))
    assert [row.event for row in events] == [HistoryEvent.COMPLETED]
