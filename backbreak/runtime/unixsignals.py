"""Quit cleanly on SIGTERM and SIGINT while Qt's event loop runs.

WORKAROUND: Python runs signal handlers only between bytecodes, and Qt's event loop sits in C++,
so a plain `signal.signal` handler would wait for the next unrelated event. The C-level handler writes
to a socket (signal.set_wakeup_fd) that a QSocketNotifier watches, which wakes the loop at once.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class SignalWatcher(QObject):
    """Calls `on_signal` in the GUI thread when SIGTERM or SIGINT arrives."""

    def __init__(self, on_signal: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: None)  # the wakeup fd does the work
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._on_signal = on_signal

    def _drain(self) -> None:
        try:
            self._reader.recv(64)
        except BlockingIOError:
            return
        self._on_signal()
