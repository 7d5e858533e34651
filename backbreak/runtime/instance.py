"""One backbreak per user: a lock file decides who is the instance, a local socket takes its orders.

A socket cannot be the arbiter: binding over a leftover one needs it removed first, and that races
(shared/PLATFORM.md section 6). `QLockFile` can: a second process gets LockFailedError, and the lock of
a crashed process (dead PID) is taken over. Only the lock holder removes a leftover socket and listens,
in a folder only the user can enter.

The server is a plain Unix socket watched by QSocketNotifier rather than QLocalServer: the client
(backbreak.ipc) already speaks it without Qt, and leaving QtNetwork out saves the tray process 2.7 MB
(measured with `make bench`). Python has no AF_UNIX on Windows; there the app runs without a control
socket and says so.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier

from backbreak import ipc
from backbreak.ports import Handler
from backbreak.runtime.timers import single_shot

log = logging.getLogger(__name__)


class InstanceLock:
    """The lock that makes this process the instance."""

    def __init__(self, path: Path) -> None:
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)  # only a dead holder makes it stale, never its age

    def acquire(self) -> bool:
        """Take the lock now if nobody (alive) holds it."""
        return bool(self._lock.tryLock(0))

    def holder_pid(self) -> int | None:
        """The PID of the process holding the lock, if it can be read."""
        # PySide6 returns (pid, hostname, appname); an unreadable lock gives pid 0.
        pid = self._lock.getLockInfo()[0]
        return int(pid) or None

    def release(self) -> None:
        """Give the lock up (also happens when the process ends)."""
        self._lock.unlock()


class ControlServer(QObject):
    """Answers one JSON request per connection; anything malformed gets an error and changes nothing."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._handler: Handler = lambda command, args: ipc.reply_error("starting up")
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._retry = single_shot(self, self._resume_accepting)

    def listen(self, handler: Handler) -> None:
        """Answer with `handler` at the path; a socket left by a crashed instance goes first (we hold the lock)."""
        self._handler = handler
        if not hasattr(socket, "AF_UNIX"):
            raise OSError("this system has no local sockets for the command line")
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(str(self._path))
            self._path.chmod(0o600)
            listener.listen(socket.SOMAXCONN)  # many clients at once queue up, not fail
        except OSError as exc:
            listener.close()
            raise OSError(f"cannot listen on {self._path}: {exc.strerror or exc}") from None
        listener.setblocking(False)
        self._socket = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def close(self) -> None:
        """Stop listening and remove the socket."""
        if self._socket is None:
            return
        _release(self._notifier, self._socket)
        self._socket = self._notifier = None
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()

    def _accept(self) -> None:
        while self._socket is not None:
            try:
                client, _ = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except (ConnectionAbortedError, ConnectionResetError):
                continue  # the client gave up before we got to it
            except OSError:
                # Out of file descriptors, say: the connection stays queued and the notifier would
                # fire again at once. Look again in a second instead of spinning.
                if self._notifier is not None:
                    self._notifier.setEnabled(False)
                    self._retry.start(1000)
                return
            _Connection(client, self._handler, self)

    def _resume_accepting(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(True)


class _Connection(QObject):
    """One client: read a line (size-limited, 2 s timeout), answer it, hang up."""

    def __init__(self, client: socket.socket, handler: Handler, parent: QObject) -> None:
        super().__init__(parent)
        client.setblocking(False)
        self._socket = client
        self._handler = handler
        self._buffer = b""
        self._unsent = b""
        self._done = False
        self._reader = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._read)
        # Only needed when a reply does not fit the socket buffer at once.
        self._writer = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Write, self)
        self._writer.setEnabled(False)
        self._writer.activated.connect(self._write)
        self._timeout = single_shot(self, self._expire)
        self._timeout.start(int(ipc.TIMEOUT * 1000))

    def _read(self) -> None:
        try:
            chunk = self._socket.recv(4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._finish()
            return
        if not chunk:  # the client hung up without a whole request
            self._finish()
            return
        self._buffer += chunk
        if b"\n" in self._buffer:
            self._answer(self._buffer.split(b"\n", 1)[0])
        elif len(self._buffer) > ipc.MAX_LINE:
            self._reply(ipc.reply_error("request too long"))

    def _answer(self, line: bytes) -> None:
        try:
            command, args = ipc.decode_request(line)
        except ipc.IpcError as exc:
            self._reply(ipc.reply_error(str(exc)))
            return
        try:
            reply = self._handler(command, args)
        except Exception:  # a bug in one command must not take the instance down
            log.exception("the command %r failed", command)
            reply = ipc.reply_error(
                "backbreak could not do that: something went wrong inside (the log has the details)"
            )
        self._reply(reply)

    def _reply(self, reply: dict[str, Any]) -> None:
        self._done = True
        self._reader.setEnabled(False)
        self._unsent = ipc.encode(reply)
        self._write()

    def _write(self) -> None:
        try:
            sent = self._socket.send(self._unsent)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            self._finish()
            return
        self._unsent = self._unsent[sent:]
        self._writer.setEnabled(bool(self._unsent))
        if not self._unsent:
            self._finish()

    def _expire(self) -> None:
        if self._done:
            self._finish()  # the client stopped reading its answer
        else:
            self._reply(ipc.reply_error("request timed out"))

    def _finish(self) -> None:
        if self._socket.fileno() < 0:
            return
        self._timeout.stop()
        _release(self._reader, self._socket, self._writer)
        self.deleteLater()


def _release(notifier: QSocketNotifier | None, sock: socket.socket, *more: QSocketNotifier) -> None:
    """Stop watching a socket, then close it: Qt must not be left watching a closed descriptor."""
    for each in (notifier, *more):
        if each is not None:
            each.setEnabled(False)
            each.deleteLater()
    sock.close()
