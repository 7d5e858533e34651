"""The composition root: the only module that imports every layer and wires them together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import logging.handlers
import sys
import time

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from backbreak import __version__, paths
from backbreak.core.durations import humanize
from backbreak.core.events import (
    BreakEnded,
    BreakKind,
    Effect,
    Locked,
    OpenBreak,
    Record,
    RecordSitting,
    Resumed,
    SettingsChanged,
    ShowDue,
    ShowHeadsUp,
    StartBreak,
    Stopping,
    Suspending,
    Unlocked,
)
from backbreak.core.history import EventRow, HistoryError, HistoryStore, SittingRow, read_history
from backbreak.core.routines import MOVE_ROUTINE, Routine, builtin_folder, load_routines
from backbreak.core.settings import Settings
from backbreak.core.settingsfile import load_settings, save_settings
from backbreak.core.stats import summarize
from backbreak.core.status import Status
from backbreak.platform import autostart
from backbreak.platform.idle import choose_idle_source
from backbreak.platform.session_linux import SessionWatcher
from backbreak.runtime.clock import SystemClock
from backbreak.runtime.commands import CommandHandler
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.instance import ControlServer, InstanceLock
from backbreak.runtime.presence import PresenceSampler
from backbreak.runtime.unixsignals import SignalWatcher
from backbreak.ui.about import AboutWindow
from backbreak.ui.stretch.window import StretchWindow
from backbreak.ui.theme import apply_theme, system_prefers_reduced_motion
from backbreak.ui.tray import Tray
from backbreak.ui.welcome import WelcomeWindow

log = logging.getLogger("backbreak")

NO_IDLE_SOURCE = "none (wall clock, with lock and suspend)"


def _setup_logging() -> None:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "backbreak.log", maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
    )
    console = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console.setFormatter(logging.Formatter("backbreak: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler, console])
    # APScheduler logs every job added or removed at INFO: one line per reschedule is noise here.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def routine_for_break(routines: dict[str, Routine], name: str, settings: Settings) -> Routine:
    """The routine to play; the move break lasts as long as the setting says."""
    routine = routines.get(name) or routines.get(settings.stretch.routine) or routines["desk-2"]
    if routine.name == MOVE_ROUTINE:
        steps = tuple(dataclasses.replace(step, seconds=float(settings.move.length)) for step in routine.steps)
        routine = dataclasses.replace(routine, steps=steps)
    return routine


def today_summary() -> str:
    """Today's breaks and the streak, for the end card."""
    today = dt.datetime.now().astimezone().date()
    try:
        events, spans = read_history(paths.history_file(), today - dt.timedelta(days=400))
    except HistoryError:
        return ""
    totals = summarize(events, spans, today, 1).to_json()
    days = totals["streak_days"]
    return f"Breaks today: {totals['breaks_taken']} · streak: {days} day{'s' if days != 1 else ''}"


class Backbreak(QObject):
    """The running app: owns the engine driver, the tray, the windows and the history."""

    def __init__(self, app: QApplication, settings: Settings, first_run: bool) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.clock = SystemClock()
        loaded = load_routines([builtin_folder(), paths.routines_dir()])
        for problem in loaded.problems:
            log.warning("routine skipped: %s", problem)
        self.routines = loaded.routines
        self.driver = EngineDriver(settings, self.clock, self)
        self.tray = Tray([name for name in self.routines if name != MOVE_ROUTINE], self.app)
        self.windows: list[QWidget] = []
        self.history = self._open_history()

        source, reasons = choose_idle_source()
        self.idle_name = source.name if source is not None else NO_IDLE_SOURCE
        if source is None:
            log.info("no idle source (%s): counting on the wall clock with lock and suspend", "; ".join(reasons))
        self.sampler = (
            PresenceSampler(source, settings.reminders.idle_threshold, self.driver.send, self) if source else None
        )
        self.session = SessionWatcher(self)
        self.session.locked_changed.connect(lambda locked: self.driver.send(Locked() if locked else Unlocked()))
        self.session.sleeping_changed.connect(
            lambda sleeping: self.driver.send(Suspending() if sleeping else Resumed())
        )
        self.tray.quit_requested.connect(app.quit)
        self.tray.stretch_requested.connect(lambda routine: self.driver.send(StartBreak(routine=routine or None)))
        self.tray.move_requested.connect(lambda: self.driver.send(StartBreak(BreakKind.MOVE)))
        self.tray.about_requested.connect(self.show_about)
        self.driver.status_changed.connect(self.show_status)
        self.driver.effect.connect(self.perform)
        handler = CommandHandler(
            self.driver,
            lambda: self.idle_name,
            self.show,
            app.quit,
            refresh=self.sampler.sample if self.sampler is not None else self.driver.tick,
            routines=lambda: self.routines.keys(),
        )
        self.server = ControlServer(paths.socket_file(), handler, self)
        self.server.listen()
        self.driver.start()
        if self.sampler is not None:
            self.sampler.start()
        self.show_status(self.driver.status)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        else:
            log.warning("This desktop shows no system tray; backbreak keeps running without an icon.")
        if first_run:
            self.welcome()

    def _open_history(self) -> HistoryStore | None:
        try:
            history = HistoryStore(paths.history_file(), self.clock.now().wall)
        except HistoryError as exc:
            log.error("history is off: %s", exc)
            self.tray.message("backbreak: history is off", str(exc))
            return None
        if history.kept_aside is not None:
            note = f"The history was damaged. It was kept as {history.kept_aside} and a new one was started."
            log.warning("%s", note)
            self.tray.message("backbreak: history restarted", note)
        return history

    # ------------------------------------------------------------------ effects and status
    def show_status(self, status: Status) -> None:
        """Tray icon and tooltip."""
        kind = status.next_break.kind if status.next_break else BreakKind.MOVE
        every = self.settings.stretch.every if kind is BreakKind.STRETCH else self.settings.move.every
        self.tray.show_status(status, every)

    def perform(self, effect: Effect) -> None:
        """Do what the engine asked."""
        match effect:
            case ShowHeadsUp(kind=kind, in_seconds=left):
                self.tray.message("backbreak", f"{kind.value.capitalize()} break in {humanize(left)}.")
            case ShowDue(kind=kind, routine=routine):
                text = (
                    f"Time to stand up and walk for {humanize(self.settings.move.length)}."
                    if kind is BreakKind.MOVE
                    else f"Time for a short stretch: {self.routines.get(routine, routine)}."
                )
                self.tray.message("backbreak", text)
            case Record(event=event, kind=kind, at=at, detail=detail):
                if self.history is not None:
                    self.history.add_event(EventRow(at, event.value, kind.value if kind else None, detail))
            case RecordSitting(start=start, end=end):
                if self.history is not None:
                    self.history.add_sitting(SittingRow(start, end))
            case OpenBreak():
                self.open_break(effect)
            case _:
                log.debug("effect %s", effect)

    def open_break(self, effect: OpenBreak) -> None:
        """The stretch (or move) window, centred on the screen with the mouse."""
        routine = routine_for_break(self.routines, effect.routine, self.settings)
        reduced = self.settings.ui.reduced_motion or system_prefers_reduced_motion()
        window = StretchWindow(routine, time.monotonic, reduced, today_summary)
        window.finished.connect(lambda outcome: self.driver.send(BreakEnded(outcome)))
        if self.history is not None:
            history = self.history
            window.reported.connect(
                lambda event, detail: history.add_event(EventRow(self.clock.now().wall, event, None, detail))
            )
        self._keep(window)
        window.open_near_mouse()

    def _keep(self, window: QWidget) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.destroyed.connect(lambda: self.windows.remove(window) if window in self.windows else None)

    def show(self) -> None:
        """Someone started backbreak again: say how things stand."""
        self.tray.message("backbreak", self.driver.status.tooltip())

    def show_about(self) -> None:
        """About & safety."""
        window = AboutWindow()
        self._keep(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def welcome(self) -> None:
        """The first-run welcome; its answers are saved and apply at once."""
        window = WelcomeWindow(self.settings)
        window.chosen.connect(self.apply_settings)
        self._keep(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def apply_settings(self, settings: Settings) -> None:
        """Save new settings and hand them to the engine (and the autostart entry)."""
        self.settings = settings
        try:
            save_settings(paths.settings_file(), settings)
        except OSError as exc:
            log.error("settings could not be saved: %s", exc)
        try:
            autostart.apply(settings.ui.start_at_login)
        except OSError as exc:
            log.error("start at login could not be set: %s", exc)
        self.driver.send(SettingsChanged(settings))
        if self.sampler is not None:
            self.sampler.set_threshold(settings.reminders.idle_threshold)

    def stop(self) -> None:
        """Close the open sitting span, the socket, the scheduler and the history."""
        self.driver.send(Stopping())
        self.server.close()
        self.driver.shutdown()
        if self.history is not None:
            self.history.close()


def run(argv: list[str], lock: InstanceLock) -> int:
    """Start the tray app as the one instance (the caller holds `lock`); returns the exit code."""
    _setup_logging()
    settings_path = paths.settings_file()
    first_run = not settings_path.exists()
    loaded = load_settings(settings_path, dt.datetime.now().astimezone())
    for line in loaded.messages(settings_path):
        log.warning("%s", line)

    app = QApplication(argv)
    app.setApplicationName("backbreak")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("backbreak")
    app.setQuitOnLastWindowClosed(False)
    SignalWatcher(app.quit, app)
    apply_theme(app, loaded.settings.ui.theme)
    backbreak = Backbreak(app, loaded.settings, first_run)
    if any(problem.fatal for problem in loaded.problems):
        backbreak.tray.message("backbreak: settings repaired", "\n".join(loaded.messages(settings_path)))
    log.info("backbreak %s started (idle source: %s; settings: %s)", __version__, backbreak.idle_name, settings_path)
    try:
        return app.exec()
    finally:
        backbreak.stop()
        lock.release()
        log.info("backbreak stopped")
