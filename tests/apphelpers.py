"""The whole app, in process, on fake ports and a fake clock: a work day runs in well under a second.

`AppHarness` builds `backbreak.app.App` as `run` does, but with ports from here: a fake clock that
drives fake timers and fake wake-ups, a user who types or leaves, a notifier that records what it
showed and can press its buttons, and a real history database in the test's folder. Time moves only
when the test says so (`until`, `advance`), firing every timer and wake-up that falls due on the way,
in order, as the Qt event loop would.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from backbreak.app import App
from backbreak.core.history import open_history
from backbreak.core.routines import builtin_folder, load_routines
from backbreak.core.state import CALL
from backbreak.ports import BusyCheck, Handler, History, Ports
from backbreak.runtime.settingsstore import SettingsStore
from backbreak.ui.theme import Theme
from backbreak.ui.tray import Tray
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

from tests.fakes import TYPIST_IDLE, TZ, FakeClock, wall


class FakeTimer:
    """A timer on the fake clock; the harness fires it when the clock reaches its deadline."""

    def __init__(self, owner: QObject, clock: FakeClock, callback: Callable[[], None], repeating: bool) -> None:
        self.owner = owner
        self.clock = clock
        self.callback = callback
        self.repeating = repeating
        self.deadline: float | None = None
        self.interval = 0.0

    def start(self, msec: int) -> None:
        self.interval = msec / 1000
        self.deadline = self.clock.mono + self.interval

    def stop(self) -> None:
        self.deadline = None

    def isActive(self) -> bool:  # noqa: N802 - QTimer's name
        return self.deadline is not None

    def fire(self) -> None:
        self.deadline = self.clock.mono + self.interval if self.repeating else None
        self.callback()


class FakeTimers:
    """Makes fake timers and keeps them all."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.made: list[FakeTimer] = []

    def single_shot(self, parent: QObject, callback: Callable[[], None]) -> FakeTimer:
        self.made.append(FakeTimer(parent, self.clock, callback, repeating=False))
        return self.made[-1]

    def repeating(self, parent: QObject, callback: Callable[[], None]) -> FakeTimer:
        self.made.append(FakeTimer(parent, self.clock, callback, repeating=True))
        return self.made[-1]

    def live(self) -> list[FakeTimer]:
        """The timers whose owner still exists (a QTimer dies with its parent); forgets the others."""
        self.made = [timer for timer in self.made if shiboken6.isValid(timer.owner)]
        return self.made


class FakeWakeUps:
    """The engine's wake-up at a wall time, on the fake clock."""

    def __init__(self, parent: QObject, callback: Callable[[], None]) -> None:
        self.callback = callback
        self.at: dt.datetime | None = None
        self.scheduled = 0

    def schedule(self, at: dt.datetime | None) -> None:
        self.at = at
        self.scheduled += 1

    def shutdown(self) -> None:
        self.at = None


class FakeIdle:
    """A user at the keyboard: typing (the last key `gap` seconds ago at any look) or gone since `last_input`."""

    name = "fake idle source"
    live = True

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.typing = True
        self.gap = TYPIST_IDLE  # 0: typing without a pause, mid-sentence at every look
        self.last_input = clock.mono
        self.reads = 0

    def idle_seconds(self) -> float | None:
        self.reads += 1
        if self.typing:
            self.last_input = self.clock.mono - self.gap
        return max(0.0, self.clock.mono - self.last_input)


class FakeSession(QObject):
    """Lock and suspend, sent by the test."""

    locked_changed = Signal(bool)
    sleeping_changed = Signal(bool)


@dataclass
class Shown:
    """One notification as the service got it."""

    nid: int
    summary: str
    body: str
    actions: list[tuple[str, str]]
    urgency: int
    expire_ms: int
    open: bool = True


class RecordingNotifier(QObject):
    """A notification service with buttons that records everything and can press a button."""

    action_invoked = Signal(int, str)
    KEEP = 500

    def __init__(self, has_actions: bool = True) -> None:
        super().__init__()
        self.has_actions = has_actions
        self.shown: list[Shown] = []
        self._next = 0

    def notify(
        self,
        summary: str,
        body: str,
        actions: list[tuple[str, str]],
        replaces: int = 0,
        urgency: int = 1,
        sound: bool = False,
        expire_ms: int = 0,
    ) -> int:
        if replaces:
            self.close(replaces)
            nid = replaces
        else:
            self._next += 1
            nid = self._next
        self.shown.append(Shown(nid, summary, body, actions, urgency, expire_ms))
        del self.shown[: -self.KEEP]  # a month of days through the app keeps its own memory flat too
        return nid

    def close(self, nid: int) -> None:
        for note in self.shown:
            if note.nid == nid:
                note.open = False

    @property
    def showing(self) -> list[Shown]:
        return [note for note in self.shown if note.open]

    def summaries(self) -> list[str]:
        return [note.summary for note in self.shown]

    def press(self, key: str) -> None:
        """Press the button `key` of the newest notification that shows; it goes away, as daemons do."""
        note = self.showing[-1]
        assert key in [action for action, _ in note.actions], (key, note)
        note.open = False
        self.action_invoked.emit(note.nid, key)


class FakeBusy:
    """A full-screen window (or do-not-disturb), switched by the test."""

    def __init__(self) -> None:
        self.now = False
        self.asked = 0

    def busy(self) -> bool:
        self.asked += 1
        return self.now


class FakeAutostart:
    """Records every write of the start-at-login entry."""

    def __init__(self) -> None:
        self.applied: list[bool] = []

    def apply(self, enabled: bool) -> None:
        self.applied.append(enabled)


class FakeControl:
    """The control socket: the test sends commands straight to the handler."""

    def __init__(self) -> None:
        self.handler: Handler | None = None

    def listen(self, handler: Handler) -> None:
        self.handler = handler

    def close(self) -> None:
        self.handler = None

    def command(self, name: str, **args: Any) -> dict[str, Any]:
        assert self.handler is not None
        return self.handler(name, args)


@dataclass
class FakeTrayHost:
    """Whether the desktop has a tray, switched by the test."""

    here: bool = True
    asked: int = field(default=0)

    def available(self) -> bool:
        self.asked += 1
        return self.here


class AppHarness:
    """The app on fake ports; `until` and `advance` move time and fire what falls due."""

    def __init__(
        self,
        folder: Path,
        start: str = "2026-11-23 08:00",
        settings_toml: str | None = "schema_version = 1\n",
        notifier: QObject | None = None,
        tray: bool = True,
        history: History | None = None,
        calls: Callable[[FakeClock], BusyCheck] | None = None,
    ) -> None:
        self.folder = folder
        self.clock = FakeClock(wall(start))
        self.timers = FakeTimers(self.clock)
        self.wakeups: list[FakeWakeUps] = []
        self.idle = FakeIdle(self.clock)
        self.session = FakeSession()
        self.notifier = notifier if notifier is not None else RecordingNotifier()
        self.busy = FakeBusy()
        self.autostart = FakeAutostart()
        self.control = FakeControl()
        self.tray_host = FakeTrayHost(tray)
        self.config = folder / "config"
        self.settings_file = self.config / "settings.toml"
        self.config.mkdir(parents=True, exist_ok=True)
        if settings_toml is not None:
            self.settings_file.write_text(settings_toml)
        self.history = history or open_history(folder / "history.sqlite3", self.clock.wall)
        self.ports = Ports(
            clock=self.clock,
            timers=self.timers,
            wakeups=self._wakeups,
            idle=self.idle,
            session=self.session,
            notifier=self.notifier,  # type: ignore[arg-type]
            busy={"full-screen": self.busy, **({CALL: calls(self.clock)} if calls else {})},
            history=self.history,
            autostart=self.autostart,
            control=self.control,
            routines=load_routines([builtin_folder(), self.config / "routines"]),
            tray=self.tray_host,
            log_file=folder / "backbreak.log",
        )
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        self.qapp = qapp
        self.store = SettingsStore(self.settings_file, self.clock)
        self.theme = Theme(qapp)
        self.app = App(qapp, self.ports, self.store, self.theme, Tray(qapp))

    def _wakeups(self, parent: QObject, callback: Callable[[], None]) -> FakeWakeUps:
        self.wakeups.append(FakeWakeUps(parent, callback))
        return self.wakeups[-1]

    def start(self) -> AppHarness:
        self.app.start()
        return self

    def stop(self) -> None:
        self.app.stop()
        self.flush()
        self.theme.apply("system")
        self.app.deleteLater()
        self.flush()

    # ------------------------------------------------------------------ time
    def until(self, hhmm: str) -> None:
        """Run to the wall time hh:mm[:ss] of the current day."""
        target = dt.datetime.combine(self.clock.wall.date(), dt.time.fromisoformat(hhmm), TZ)
        self.advance((target - self.clock.wall).total_seconds())

    def advance(self, seconds: float) -> None:
        """Move the clock on by `seconds`, firing each timer and wake-up as its time comes, then draw a frame."""
        end = self.clock.mono + seconds
        while True:
            due = self._next_due()
            if due is None or due[0] > end:
                break
            self.clock.advance(max(0.0, due[0] - self.clock.mono))
            due[2]()
        self.clock.advance(end - self.clock.mono)
        for timer in self.timers.live():
            if timer.repeating and timer.isActive():
                timer.fire()  # one animation frame: the window catches up with the clock
        self.flush()

    def _next_due(self) -> tuple[float, int, Callable[[], None]] | None:
        pending: list[tuple[float, int, Callable[[], None]]] = []
        for order, timer in enumerate(self.timers.live()):
            if timer.deadline is not None and not timer.repeating:
                pending.append((timer.deadline, order, timer.fire))
        for order, wake in enumerate(self.wakeups):
            if wake.at is not None:
                mono = self.clock.mono + max(0.0, (wake.at - self.clock.wall).total_seconds())
                pending.append((mono, -1 - order, self._fire_wake(wake)))
        return heapq.nsmallest(1, pending)[0] if pending else None

    @staticmethod
    def _fire_wake(wake: FakeWakeUps) -> Callable[[], None]:
        def fire() -> None:
            wake.at = None
            wake.callback()

        return fire

    def flush(self) -> None:
        """Let Qt deliver what it posted (deferred deletes of closed windows)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QCoreApplication.processEvents()

    # ------------------------------------------------------------------ the user
    def leave(self) -> None:
        self.idle.typing = False
        self.idle.last_input = self.clock.mono

    def come_back(self) -> None:
        self.idle.typing = True
        self.app.sampler.sample()

    def history_rows(self) -> list[tuple[str, str | None, str]]:
        """(event, kind, detail) of every history row so far."""
        events, _ = self.history.read(self.clock.wall.date() - dt.timedelta(days=1))
        return [(row.event.value, None if row.kind is None else row.kind.value, row.detail) for row in events]
