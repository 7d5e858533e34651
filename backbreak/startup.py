"""Starting the tray app: Qt and the tray icon first, then everything else from the event loop.

A person who starts backbreak looks at the tray. What the icon does not need to draw itself (the
desktop's services, the history, the routines, the engine, the windows: backbreak/app.py) loads after
it, within the same second, so this module imports as little as it can before the icon shows.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from backbreak import APP_ID, __version__, paths

if TYPE_CHECKING:
    from backbreak.app import App
    from backbreak.runtime.instance import InstanceLock

log = logging.getLogger("backbreak")


def setup_logging() -> None:
    """The rotating log file, messages on stderr, and anything that escapes into the log."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file(), maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
    )
    console = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console.setFormatter(logging.Formatter("backbreak: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler, console])
    # Libraries' warnings (platformdirs' about a missing XDG_RUNTIME_DIR, say) go to the log with the rest.
    logging.captureWarnings(True)
    # APScheduler logs every job added or removed at INFO: one line per reschedule is noise here.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    sys.excepthook = log_unhandled


def log_unhandled(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Whatever escapes (a slot called by Qt, say) goes to the log with its traceback; the app goes on."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("unhandled error", exc_info=(kind, error, trace))


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
    setup_logging()
    prepare_qt_environment()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from backbreak.runtime.unixsignals import SignalWatcher
    from backbreak.ui.tray import QtTrayHost, Tray

    qapp = QApplication(argv)
    qapp.setApplicationName("backbreak")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName(APP_ID)  # the menu entry's name: Wayland's app id
    qapp.setQuitOnLastWindowClosed(False)
    SignalWatcher(qapp.quit, qapp)
    tray = Tray(qapp)
    if QtTrayHost().available():
        tray.show_starting()
    running: list[App] = []

    def the_rest() -> None:
        from backbreak import app

        app.start_the_rest(qapp, tray, running)

    QTimer.singleShot(0, the_rest)
    try:
        return qapp.exec()
    finally:
        for backbreak in running:
            backbreak.stop()
        lock.release()
        log.info("backbreak stopped")
