"""One backbreak per user: a lock file decides who is the instance, a local socket takes its orders.

`QLocalServer.listen` cannot be the arbiter: with UserAccessOption on Unix it renames its socket over a
live one (shared/PLATFORM.md section 6), so two servers would both "listen". `QLockFile` can: a second
process gets LockFailedError, and the lock of a crashed process (dead PID) is taken over. Only the lock
holder removes a leftover socket and listens, in a folder only the user can enter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from backbreak import ipc
from backbreak.runtime.timers import single_shot

Handler = Callable[[str, dict[str, Any]], dict[str, Any]]
"""Runs one command; returns a reply (ipc.reply_ok / ipc.reply_error)."""


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

    def __init__(self, path: Path, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> None:
        """Listen at the path; a socket left by a crashed instance is removed first (we hold the lock)."""
        QLocalServer.removeServer(str(self._path))
        if not self._server.listen(str(self._path)):
            raise OSError(f"cannot listen on {self._path}: {self._server.errorString()}")
        self._path.chmod(0o600)

    def close(self) -> None:
        """Stop listening and remove the socket."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                _Connection(socket, self._handler, self)


class _Connection(QObject):
    """One client: read a line (size-limited, 2 s timeout), answer it, hang up."""

    def __init__(self, socket: QLocalSocket, handler: Handler, parent: QObject) -> None:
        super().__init__(parent)
        self._socket = socket
        self._socket.setParent(self)
        self._handler = handler
        self._buffer = b""
        self._done = False
        self._timeout = single_shot(self, self._expire)
        self._timeout.start(int(ipc.TIMEOUT * 1000))
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._finish)
        self._read()

    def _read(self) -> None:
        if self._done:
            return
        self._buffer += bytes(self._socket.readAll().data())
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
        except Exception as exc:  # a bug in one command must not take the instance down
            reply = ipc.reply_error(f"internal error: {exc}")
        self._reply(reply)

    def _reply(self, reply: dict[str, Any]) -> None:
        self._done = True
        self._socket.write(QByteArray(ipc.encode(reply)))
        self._socket.flush()
        self._socket.disconnectFromServer()

    def _expire(self) -> None:
        if not self._done:
            self._reply(ipc.reply_error("request timed out"))

    def _finish(self) -> None:
        self._timeout.stop()
        self.deleteLater()
