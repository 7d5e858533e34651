"""The composition root: the only module that imports every layer and wires them together."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from backbreak import __version__, paths
from backbreak.core.durations import humanize
from backbreak.core.events import BreakKind, Effect, ShowDue, ShowHeadsUp
from backbreak.core.settings import Settings
from backbreak.core.settingsfile import load_settings
from backbreak.core.status import Status
from backbreak.runtime.clock import SystemClock
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.unixsignals import SignalWatcher
from backbreak.ui.tray import Tray

log = logging.getLogger("backbreak")


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


def _due_text(effect: ShowDue, settings: Settings) -> str:
    if effect.kind is BreakKind.MOVE:
        return f"Time to stand up and walk for {humanize(settings.move.length)}."
    return f"Time for a short stretch: {effect.routine}."


def run(argv: list[str]) -> int:
    """Start the tray app; returns the exit code."""
    _setup_logging()
    clock = SystemClock()
    settings_path = paths.settings_file()
    loaded = load_settings(settings_path, clock.now().wall)
    for line in loaded.messages(settings_path):
        log.warning("%s", line)

    app = QApplication(argv)
    app.setApplicationName("backbreak")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("backbreak")
    app.setQuitOnLastWindowClosed(False)
    SignalWatcher(app.quit, app)

    settings = loaded.settings
    driver = EngineDriver(settings, clock, app)
    tray = Tray(app)
    tray.quit_requested.connect(app.quit)

    def on_status(status: Status) -> None:
        every = settings.stretch.every if status.next_break and status.next_break.kind is BreakKind.STRETCH else 0
        tray.show_status(status, every or settings.move.every)

    def on_effect(effect: Effect) -> None:
        match effect:
            case ShowHeadsUp(kind=kind, in_seconds=left):
                tray.message("backbreak", f"{kind.value.capitalize()} break in {humanize(left)}.")
            case ShowDue():
                tray.message("backbreak", _due_text(effect, settings))
            case _:
                log.debug("effect %s", effect)

    driver.status_changed.connect(on_status)
    driver.effect.connect(on_effect)
    driver.start()
    on_status(driver.status)
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray.show()
    else:
        log.warning("This desktop shows no system tray; backbreak keeps running without an icon.")
    if loaded.problems and any(problem.fatal for problem in loaded.problems):
        tray.message("backbreak: settings repaired", "\n".join(loaded.messages(settings_path)))
    log.info("backbreak %s started (settings: %s)", __version__, settings_path)
    return app.exec()
