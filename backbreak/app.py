"""The composition root: the only module that imports every layer and wires them together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import logging.handlers
import sys
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

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
from backbreak.core.settingsfile import load_settings
from backbreak.core.stats import summarize
from backbreak.core.status import Status
from backbreak.platform.idle import choose_idle_source
from backbreak.platform.session_linux import SessionWatcher
from backbreak.runtime.clock import SystemClock
from backbreak.runtime.commands import CommandHandler
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.instance import ControlServer, InstanceLock
from backbreak.runtime.presence import PresenceSampler
from backbreak.runtime.unixsignals import SignalWatcher
from backbreak.ui.stretch.window import StretchWindow
from backbreak.ui.tray import Tray

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


def _due_text(effect: ShowDue, settings: Settings) -> str:
    if effect.kind is BreakKind.MOVE:
        return f"Time to stand up and walk for {humanize(settings.move.length)}."
    return f"Time for a short stretch: {effect.routine}."


def _routine_for_break(routines: dict[str, Routine], name: str, settings: Settings) -> Routine:
    """The routine to play; the move break lasts as long as the setting says."""
    routine = routines.get(name) or routines.get(settings.stretch.routine) or routines["desk-2"]
    if routine.name == MOVE_ROUTINE:
        steps = tuple(dataclasses.replace(step, seconds=float(settings.move.length)) for step in routine.steps)
        routine = dataclasses.replace(routine, steps=steps)
    return routine


def _today_summary() -> str:
    today = dt.datetime.now().astimezone().date()
    try:
        events, spans = read_history(paths.history_file(), today - dt.timedelta(days=400))
    except HistoryError:
        return ""
    totals = summarize(events, spans, today, 1).to_json()
    days = totals["streak_days"]
    return f"Breaks today: {totals['breaks_taken']} · streak: {days} day{'s' if days != 1 else ''}"


def run(argv: list[str], lock: InstanceLock) -> int:
    """Start the tray app as the one instance (the caller holds `lock`); returns the exit code."""
    _setup_logging()
    clock = SystemClock()
    settings_path = paths.settings_file()
    loaded = load_settings(settings_path, clock.now().wall)
    for line in loaded.messages(settings_path):
        log.warning("%s", line)
    settings = loaded.settings

    app = QApplication(argv)
    app.setApplicationName("backbreak")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("backbreak")
    app.setQuitOnLastWindowClosed(False)
    SignalWatcher(app.quit, app)

    loaded_routines = load_routines([builtin_folder(), paths.routines_dir()])
    for problem in loaded_routines.problems:
        log.warning("routine skipped: %s", problem)
    routines = loaded_routines.routines

    driver = EngineDriver(settings, clock, app)
    tray = Tray(app)
    tray.quit_requested.connect(app.quit)
    tray.stretch_requested.connect(lambda: driver.send(StartBreak()))
    windows: list[StretchWindow] = []

    def open_break(effect: OpenBreak) -> None:
        routine = _routine_for_break(routines, effect.routine, settings)
        window = StretchWindow(routine, time.monotonic, settings.ui.reduced_motion, _today_summary)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.finished.connect(lambda outcome: driver.send(BreakEnded(outcome)))
        window.destroyed.connect(lambda: windows.remove(window) if window in windows else None)
        if history is not None:
            window.reported.connect(
                lambda event, detail: history.add_event(EventRow(clock.now().wall, event, None, detail))
            )
        windows.append(window)
        window.open_near_mouse()

    source, reasons = choose_idle_source()
    idle_name = source.name if source is not None else NO_IDLE_SOURCE
    if source is None:
        log.info("no idle source (%s): counting on the wall clock with lock and suspend", "; ".join(reasons))
    sampler = PresenceSampler(source, settings.reminders.idle_threshold, driver.send, app) if source else None

    session = SessionWatcher(app)
    session.locked_changed.connect(lambda locked: driver.send(Locked() if locked else Unlocked()))
    session.sleeping_changed.connect(lambda sleeping: driver.send(Suspending() if sleeping else Resumed()))

    def on_status(status: Status) -> None:
        kind = status.next_break.kind if status.next_break else BreakKind.MOVE
        tray.show_status(status, settings.stretch.every if kind is BreakKind.STRETCH else settings.move.every)

    history: HistoryStore | None = None
    try:
        history = HistoryStore(paths.history_file(), clock.now().wall)
    except HistoryError as exc:
        log.error("history is off: %s", exc)
        tray.message("backbreak: history is off", str(exc))
    if history is not None and history.kept_aside is not None:
        note = f"The history was damaged. It was kept as {history.kept_aside} and a new one was started."
        log.warning("%s", note)
        tray.message("backbreak: history restarted", note)

    def on_effect(effect: Effect) -> None:
        match effect:
            case Record(event=event, kind=kind, at=at, detail=detail):
                if history is not None:
                    history.add_event(EventRow(at, event.value, kind.value if kind else None, detail))
            case RecordSitting(start=start, end=end):
                if history is not None:
                    history.add_sitting(SittingRow(start, end))
            case OpenBreak():
                open_break(effect)
            case ShowHeadsUp(kind=kind, in_seconds=left):
                tray.message("backbreak", f"{kind.value.capitalize()} break in {humanize(left)}.")
            case ShowDue():
                tray.message("backbreak", _due_text(effect, settings))
            case _:
                log.debug("effect %s", effect)

    def show() -> None:
        tray.message("backbreak", driver.status.tooltip())

    driver.status_changed.connect(on_status)
    driver.effect.connect(on_effect)
    handler = CommandHandler(
        driver,
        lambda: idle_name,
        show,
        app.quit,
        refresh=sampler.sample if sampler is not None else driver.tick,
        routines=lambda: routines.keys(),
    )
    server = ControlServer(paths.socket_file(), handler, app)
    server.listen()

    driver.start()
    if sampler is not None:
        sampler.start()
    on_status(driver.status)
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray.show()
    else:
        log.warning("This desktop shows no system tray; backbreak keeps running without an icon.")
    if any(problem.fatal for problem in loaded.problems):
        tray.message("backbreak: settings repaired", "\n".join(loaded.messages(settings_path)))
    log.info("backbreak %s started (idle source: %s; settings: %s)", __version__, idle_name, settings_path)
    try:
        return app.exec()
    finally:
        driver.send(Stopping())
        server.close()
        driver.shutdown()
        if history is not None:
            history.close()
        lock.release()
        log.info("backbreak stopped")
