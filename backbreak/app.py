"""The composition root: the only module that imports every layer and wires them together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import logging.handlers
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from backbreak import __version__, paths
from backbreak.core.events import (
    BreakEnded,
    BreakKind,
    CloseReminder,
    Effect,
    Event,
    Locked,
    OpenBreak,
    Pause,
    PauseUntilTomorrow,
    Phase,
    Record,
    RecordSitting,
    Resume,
    Resumed,
    SettingsChanged,
    ShowDue,
    ShowHeadsUp,
    Skip,
    Snooze,
    StartBreak,
    Stopping,
    Suspending,
    Unlocked,
)
from backbreak.core.history import EventRow, HistoryError, HistoryStore, SittingRow
from backbreak.core.routines import MOVE_ROUTINE, Routine, builtin_folder, load_routines
from backbreak.core.settings import Settings
from backbreak.core.settingsfile import load_settings, save_settings
from backbreak.core.stats import Summary, summarize, summary_from_file
from backbreak.core.status import Status
from backbreak.platform import autostart
from backbreak.platform.base import UnavailableError
from backbreak.platform.dnd import DoNotDisturb
from backbreak.platform.fullscreen import choose_fullscreen_check
from backbreak.platform.idle import choose_idle_source
from backbreak.platform.notify_dbus import DBusNotifier
from backbreak.platform.session_linux import SessionWatcher
from backbreak.runtime.busy import BusyWatch
from backbreak.runtime.clock import SystemClock
from backbreak.runtime.commands import CommandHandler
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.instance import ControlServer, InstanceLock
from backbreak.runtime.presence import PresenceSampler
from backbreak.runtime.settingswatch import SettingsWatch
from backbreak.runtime.timers import single_shot, wait_ms
from backbreak.runtime.unixsignals import SignalWatcher
from backbreak.ui.reminders import Reminders
from backbreak.ui.theme import apply_theme, system_prefers_reduced_motion
from backbreak.ui.tray import Tray

if TYPE_CHECKING:
    from backbreak.ui.settingswindow import SettingsWindow
    from backbreak.ui.statuswindow import StatusWindow

log = logging.getLogger("backbreak")

NO_IDLE_SOURCE = "none (wall clock, with lock and suspend)"
NO_TRAY = "This desktop has no system tray. backbreak keeps running; start it again to see its window."
TRAY_GONE = "The system tray went away. backbreak keeps running and reminding you; start it again to see its window."


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


class Backbreak(QObject):
    """The running app: owns the engine driver, the tray, the windows and the history.

    Windows are imported when first opened: a tray app spends its day with none of them showing.
    """

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
        self.tray.pause_requested.connect(self.pause)
        self.tray.resume_requested.connect(lambda: self.driver.send(Resume()))
        self.tray.settings_requested.connect(self.show_settings)
        self.tray.stats_requested.connect(self.show_stats)
        # A hand edit of settings.toml is picked up while backbreak runs.
        self.settings_watch = SettingsWatch(paths.settings_file(), self)
        self.settings_watch.changed.connect(self.reload_settings)
        self.settings_window: SettingsWindow | None = None
        self.reminders = Reminders(
            self._notifier(),
            self.tray.message,
            settings,
            lambda name: self.routines[name].title if name in self.routines else name,
            lambda: self.driver.status.snoozes_left,
            self,
        )
        self.reminders.chosen.connect(self.answer)
        self.busy = BusyWatch(
            self.driver, {"full-screen": choose_fullscreen_check(), "do not disturb": DoNotDisturb()}, self
        )
        # The ring moves on between engine wake-ups: a refresh about every 1/24 of the interval.
        self._refresh = single_shot(self, self.refresh)
        self._shown_phase: Phase | None = None
        self._tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.status_window: StatusWindow | None = None
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
        try:
            self.server.listen()
        except OSError as exc:  # the tray app is still worth having without its command line
            log.warning("the backbreak command cannot reach this instance: %s", exc)
        self.driver.start()
        if self.sampler is not None:
            self.sampler.start()
        self.show_status(self.driver.status)
        if self._tray_available:
            self.tray.show()
        else:
            log.warning("%s", NO_TRAY)
            self.reminders.say("backbreak", NO_TRAY)
            self.show_status_window()
        if first_run:
            self.welcome()

    def reload_settings(self) -> None:
        """Apply a hand edit of settings.toml; a broken one is kept aside and the user told which key."""
        path = paths.settings_file()
        loaded = load_settings(path, self.clock.now().wall)
        for line in loaded.messages(path):
            log.warning("%s", line)
        if any(problem.fatal for problem in loaded.problems):
            self.reminders.say("backbreak: settings repaired", "\n".join(loaded.messages(path)))
        if loaded.settings != self.settings:
            self.apply_settings(loaded.settings, save=False)
            if self.settings_window is not None:
                self.settings_window.show_settings(loaded.settings)

    def show_settings(self) -> None:
        """The settings window; each valid change applies and is saved at once."""
        if self.settings_window is None:
            from backbreak.ui.settingswindow import SettingsWindow  # windows load when first opened

            self.settings_window = SettingsWindow(self.settings, sorted(n for n in self.routines if n != MOVE_ROUTINE))
            self.settings_window.changed.connect(self.apply_settings)
        self.settings_window.show_settings(self.settings)
        self.settings_window.show()
        self.settings_window.raise_()
        self.settings_window.activateWindow()

    def show_stats(self) -> None:
        """Statistics from the history."""
        from backbreak.ui.statswindow import StatsWindow  # windows load when first opened

        window = StatsWindow(self.load_stats)
        self._keep(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def load_stats(self, days: int) -> tuple[Summary, list[SittingRow]]:
        """The summary for the last `days` days and today's sitting spans."""
        today = self.clock.now().wall.date()
        try:
            return summary_from_file(paths.history_file(), today, days)
        except HistoryError as exc:
            log.error("%s", exc)
            return summarize([], [], today, days), []

    def today_summary(self) -> str:
        """Today's breaks and the streak, for the end card."""
        totals = self.load_stats(1)[0].to_json()
        days = totals["streak_days"]
        return f"Breaks today: {totals['breaks_taken']} · streak: {days} day{'s' if days != 1 else ''}"

    def _notifier(self) -> DBusNotifier | None:
        try:
            return DBusNotifier(self)
        except UnavailableError as exc:
            log.info("notifications without buttons: %s", exc)
            return None

    def answer(self, key: str) -> None:
        """A button on a notification or the reminder card."""
        events: dict[str, Event] = {"start": StartBreak(), "snooze": Snooze(), "skip": Skip()}
        event = events.get(key)
        if event is not None:
            self.driver.send(event)

    def pause(self, seconds: int) -> None:
        """Pause for `seconds`, or until tomorrow for 0."""
        if seconds:
            self.driver.send(Pause(self.clock.now().wall + dt.timedelta(seconds=seconds)))
        else:
            self.driver.send(PauseUntilTomorrow())

    def refresh(self) -> None:
        """Bring the ring and tooltip up to date between engine wake-ups."""
        self.driver.tick()
        self.show_status(self.driver.status)

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
        if self.status_window is not None:
            self.status_window.show_status(status)
        if status.phase is not self._shown_phase:
            self._shown_phase = status.phase
            self._check_tray()
        if status.phase in (Phase.WORKING, Phase.HEADS_UP):
            self._refresh.start(wait_ms(max(60.0, every / 24)))
        else:
            self._refresh.stop()

    def _check_tray(self) -> None:
        """Notice the tray going away (a panel crashed or was removed) or coming back.

        Asked when the phase changes, not on a timer: the question costs a D-Bus round trip, and a
        phase change comes before every reminder, which is when the icon matters. Qt itself puts the
        icon back into a tray that returns; we only say what happened, once.
        """
        available = QSystemTrayIcon.isSystemTrayAvailable()
        if available == self._tray_available:
            return
        self._tray_available = available
        if available:
            log.info("the system tray is back")
            self.tray.show()
        else:
            log.warning("%s", TRAY_GONE)
            self.reminders.say("backbreak", TRAY_GONE)

    def perform(self, effect: Effect) -> None:
        """Do what the engine asked."""
        match effect:
            case ShowHeadsUp():
                self.reminders.heads_up(effect)
            case ShowDue():
                self.reminders.due(effect)
            case CloseReminder():
                self.reminders.close()
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
        from backbreak.ui.stretch.window import StretchWindow  # windows load when first opened

        window = StretchWindow(routine, time.monotonic, reduced, self.today_summary)
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
        """Someone started backbreak again: say how things stand (the window, where there is no tray)."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.message("backbreak", self.driver.status.tooltip())
        else:
            self.show_status_window()

    def show_status_window(self) -> None:
        """The small window with the tray menu's actions."""
        if self.status_window is None:
            from backbreak.ui.statuswindow import StatusWindow

            self.status_window = StatusWindow()
            self.status_window.action.connect(self._status_action)
        self.status_window.show_status(self.driver.status)
        self.status_window.show()
        self.status_window.raise_()

    def _status_action(self, key: str) -> None:
        actions = {
            "stretch": lambda: self.driver.send(StartBreak()),
            "move": lambda: self.driver.send(StartBreak(BreakKind.MOVE)),
            "pause-30m": lambda: self.pause(1800),
            "pause-1h": lambda: self.pause(3600),
            "pause-2h": lambda: self.pause(7200),
            "pause-tomorrow": lambda: self.pause(0),
            "resume": lambda: self.driver.send(Resume()),
            "stats": self.show_stats,
            "settings": self.show_settings,
            "about": self.show_about,
            "quit": self.app.quit,
        }
        actions[key]()

    def show_about(self) -> None:
        """About & safety."""
        from backbreak.ui.about import AboutWindow  # windows load when first opened

        window = AboutWindow()
        self._keep(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def welcome(self) -> None:
        """The first-run welcome; its answers are saved and apply at once."""
        from backbreak.ui.welcome import WelcomeWindow  # windows load when first opened

        window = WelcomeWindow(self.settings)
        window.chosen.connect(self.apply_settings)
        self._keep(window)
        window.show()
        window.raise_()
        window.activateWindow()

    def apply_settings(self, settings: Settings, save: bool = True) -> None:
        """Save new settings and hand them to the engine (and the autostart entry)."""
        self.settings = settings
        if save:
            try:
                save_settings(paths.settings_file(), settings)
            except OSError as exc:
                log.error("settings could not be saved: %s", exc)
        try:
            autostart.apply(settings.ui.start_at_login)
        except OSError as exc:
            log.error("start at login could not be set: %s", exc)
        self.driver.send(SettingsChanged(settings))
        self.reminders.settings = settings
        if self.sampler is not None:
            self.sampler.set_threshold(settings.reminders.idle_threshold)

    def stop(self) -> None:
        """Close the open sitting span, the socket, the scheduler and the history."""
        self.driver.send(Stopping())
        self.server.close()
        self.driver.shutdown()
        if self.history is not None:
            self.history.close()


def prepare_qt_environment() -> None:
    """Settings Qt reads once, so they must be in place before the QApplication exists."""
    # Qt's raster engine hands every fill of 96 or more spans to a GUI thread pool and waits for it; for
    # a 22 px tray ring the hand-off costs more than the fill, and the pool's threads start at each
    # repaint and expire 30 s later: about 35 wake-ups a minute at idle. QT_NO_GUI_THREADPOOL is Qt's
    # own switch (qthreadpool.cpp): fills stay on the GUI thread. Qt reads it at the first big fill, so it
    # stays set, and programs we start (xdg-open for a link) inherit it: a Qt program among them just
    # fills on one thread too.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run(argv: list[str], lock: InstanceLock) -> int:
    """Start the tray app as the one instance (the caller holds `lock`); returns the exit code."""
    _setup_logging()
    settings_path = paths.settings_file()
    first_run = not settings_path.exists()
    loaded = load_settings(settings_path, dt.datetime.now().astimezone())
    for line in loaded.messages(settings_path):
        log.warning("%s", line)

    prepare_qt_environment()
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
