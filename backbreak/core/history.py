"""history.sqlite3: every break event and sitting span, the one module that owns the database.

- WAL and small transactions: a write takes a millisecond or two on the GUI thread and a kill -9 loses
  nothing that was committed.
- The schema version lives in PRAGMA user_version; migrations are ordered functions, and the file is
  copied before any of them runs.
- A damaged database is never dropped silently: it is kept aside as history.sqlite3.broken-<timestamp>
  (with its -wal and -shm files) and a new one is started; `damaged` tells the caller to say so.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from backbreak.core.events import BreakKind, HistoryEvent
from backbreak.core.i18n import _

SCHEMA_VERSION = 2


def _migrate_to_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,          -- ISO 8601 wall time with its UTC offset
            day TEXT NOT NULL,         -- the local date it belongs to, YYYY-MM-DD
            event TEXT NOT NULL,       -- core.events.HistoryEvent value
            kind TEXT,                 -- move, stretch, or NULL (pause, resume)
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX events_day ON events(day);
        CREATE TABLE sitting (
            id INTEGER PRIMARY KEY,
            start TEXT NOT NULL,
            end TEXT NOT NULL,
            day TEXT NOT NULL,
            seconds REAL NOT NULL
        );
        CREATE INDEX sitting_day ON sitting(day);
        """,
    )


def _migrate_to_2(db: sqlite3.Connection) -> None:
    """Version 1 wrote a routine paused in its window as "paused"/"resumed", the words of a paused app.

    Those rows carry the routine's name as their detail; an app pause carries its end time, "pause
    ended" or nothing. They become routine_paused and routine_resumed, so each word means one thing.
    """
    for old, new in (("paused", HistoryEvent.ROUTINE_PAUSED), ("resumed", HistoryEvent.ROUTINE_RESUMED)):
        db.execute(
            "UPDATE events SET event = ? WHERE event = ? AND detail NOT IN ('', 'pause ended')"
            " AND detail NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'",
            (new.value, old),
        )


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it COMMITs first, which would end the migration's own transaction.
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    for statement in "\n".join(lines).split(";"):
        if statement.strip():
            db.execute(statement)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1, _migrate_to_2)
"""MIGRATIONS[n] brings a database from version n to n + 1."""


@dataclass(frozen=True)
class EventRow:
    """One break event as stored."""

    at: dt.datetime
    event: HistoryEvent
    kind: BreakKind | None
    detail: str = ""


@dataclass(frozen=True)
class SittingRow:
    """One span of continuous sitting."""

    start: dt.datetime
    end: dt.datetime


class HistoryError(Exception):
    """The history could not be opened or written; the message says what to do."""


class HistoryStore:
    """Opens (creating, migrating or replacing a damaged file as needed) and writes the history.

    `notice` is what the user must be told once the app can show it (a damaged file kept aside).
    """

    def __init__(self, path: Path, now: dt.datetime) -> None:
        self.path = path
        self.kept_aside: Path | None = None
        self.backup: Path | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            self.kept_aside = _keep_aside(path, now)
            try:
                self._db = self._open()
            except sqlite3.Error as again:
                raise HistoryError(f"cannot start a new history at {path}: {again}") from exc

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)  # autocommit; transactions are explicit
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; WAL keeps commits whole
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"{self.path} was written by a newer backbreak (schema {version}); it was left untouched"
                )
            if 0 < version < SCHEMA_VERSION:
                self.backup = self.path.with_name(f"{self.path.name}.before-v{SCHEMA_VERSION}")
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                shutil.copy2(self.path, self.backup)
            for step in MIGRATIONS[version:]:
                with _transaction(db):
                    step(db)
                    db.execute(f"PRAGMA user_version = {MIGRATIONS.index(step) + 1}")
        except BaseException:
            db.close()
            raise
        return db

    def add_event(self, row: EventRow) -> None:
        """Write one break event."""
        with _transaction(self._db):
            self._db.execute(
                "INSERT INTO events (at, day, event, kind, detail) VALUES (?, ?, ?, ?, ?)",
                (
                    row.at.isoformat(timespec="seconds"),
                    row.at.date().isoformat(),
                    row.event.value,
                    None if row.kind is None else row.kind.value,
                    row.detail,
                ),
            )

    def add_sitting(self, row: SittingRow) -> None:
        """Write one sitting span (split at midnight, so each day gets its own part)."""
        with _transaction(self._db):
            for start, end in _split_at_midnight(row.start, row.end):
                self._db.execute(
                    "INSERT INTO sitting (start, end, day, seconds) VALUES (?, ?, ?, ?)",
                    (
                        start.isoformat(timespec="seconds"),
                        end.isoformat(timespec="seconds"),
                        start.date().isoformat(),
                        (end - start).total_seconds(),
                    ),
                )

    @property
    def notice(self) -> str:
        """One sentence for the user in their language (`in_english` for the log), or "" if all is well."""
        if self.kept_aside is None:
            return ""
        return _("The history was damaged. It was kept as {file} and a new one was started.").format(
            file=self.kept_aside
        )

    def read(self, since: dt.date) -> tuple[list[EventRow], list[SittingRow]]:
        """Rows from `since` on."""
        return read_history(self.path, since)

    def close(self) -> None:
        """Checkpoint and close."""
        self._db.close()


class NoHistory:
    """The history could not be opened at all: nothing is written, statistics show zeros, the user is told."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    @property
    def notice(self) -> str:
        """Why nothing is written, in the user's language (`in_english` for the log)."""
        return _("The history is off: {reason}").format(reason=self.reason)

    def add_event(self, row: EventRow) -> None:
        """Not written."""

    def add_sitting(self, row: SittingRow) -> None:
        """Not written."""

    def read(self, since: dt.date) -> tuple[list[EventRow], list[SittingRow]]:
        """Nothing to read."""
        return [], []

    def close(self) -> None:
        """Nothing to close."""


def open_history(path: Path, now: dt.datetime) -> HistoryStore | NoHistory:
    """The history at `path`, or a NoHistory that says why it cannot be kept."""
    try:
        return HistoryStore(path, now)
    except (HistoryError, OSError) as exc:
        return NoHistory(str(exc))


def read_history(path: Path, since: dt.date) -> tuple[list[EventRow], list[SittingRow]]:
    """Rows from `since` on, read-only (no instance needed, nothing written); empty if there is no file."""
    if not path.exists():
        return [], []
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            rows = db.execute(
                "SELECT at, event, kind, detail FROM events WHERE day >= ? ORDER BY at, id", (since.isoformat(),)
            )
            events = [row for row in map(_event_row, rows) if row is not None]
            spans = [
                SittingRow(dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end))
                for start, end in db.execute(
                    "SELECT start, end FROM sitting WHERE day >= ? ORDER BY start, id", (since.isoformat(),)
                )
            ]
    except sqlite3.Error as exc:
        raise HistoryError(f"cannot read {path}: {exc}") from None
    return events, spans


_EVENTS = {event.value: event for event in HistoryEvent}
_KINDS = {kind.value: kind for kind in BreakKind}


def _event_row(row: tuple[str, str, str | None, str]) -> EventRow | None:
    """A stored row typed; None for a word this version does not know (written by a newer backbreak)."""
    at, event, kind, detail = row
    if event not in _EVENTS or (kind is not None and kind not in _KINDS):
        return None
    return EventRow(dt.datetime.fromisoformat(at), _EVENTS[event], None if kind is None else _KINDS[kind], detail)


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _keep_aside(path: Path, now: dt.datetime) -> Path:
    aside = path.with_name(f"{path.name}.broken-{now.strftime('%Y%m%d-%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.replace(aside.with_name(aside.name + suffix))
    return aside


def _split_at_midnight(start: dt.datetime, end: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    while start.date() < end.date():
        midnight = dt.datetime.combine(start.date() + dt.timedelta(days=1), dt.time(0), start.tzinfo)
        yield start, midnight
        start = midnight
    if end > start:
        yield start, end
