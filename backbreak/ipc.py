"""The control protocol between `backbreak COMMAND` and the running instance. Imports no Qt.

What the client says to a person (not running, no answer) is in their language; what the server says
about a malformed request is for the program that sent it, in English.

One request per connection, one JSON object per line, versioned and size-limited:

    -> {"v": 1, "cmd": "snooze", "args": {"seconds": 600}}
    <- {"v": 1, "ok": true, "result": {...}}      or      {"v": 1, "ok": false, "error": "..."}

The socket lives in a folder only the user can enter (paths.runtime_dir).
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any

from backbreak.core.i18n import _

VERSION = 1
MAX_LINE = 64 * 1024
TIMEOUT = 2.0
ARGUMENTS: dict[str, dict[str, type]] = {
    "status": {},
    "show": {},
    "break": {"routine": str},
    "snooze": {"seconds": int},
    "skip": {},
    "pause": {"seconds": int, "until_tomorrow": bool},
    "resume": {},
    "quit": {},
}
"""Each command and the arguments it takes, with their JSON types; anything else is refused."""
COMMANDS = tuple(ARGUMENTS)
_JSON_TYPES = {str: "a string", int: "a whole number", bool: "true or false"}


class IpcError(Exception):
    """The request could not be made or answered; the message is one sentence for the user."""


class NotRunningError(IpcError):
    """Nothing is listening: backbreak is not running."""


def encode(message: dict[str, Any]) -> bytes:
    """One message as a line of JSON."""
    data = json.dumps(message, separators=(",", ":")).encode() + b"\n"
    if len(data) > MAX_LINE:
        raise IpcError("message too long")
    return data


def decode_request(line: bytes) -> tuple[str, dict[str, Any]]:
    """Check a request line; raise IpcError saying what is wrong with it."""
    if len(line) > MAX_LINE:
        raise IpcError("request too long")
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested too deeply
        raise IpcError("request is not JSON") from None
    if not isinstance(message, dict):
        raise IpcError("request is not a JSON object")
    if message.get("v") != VERSION:
        raise IpcError(f"unsupported protocol version {message.get('v')!r} (this instance speaks {VERSION})")
    command = message.get("cmd")
    if not isinstance(command, str) or command not in ARGUMENTS:
        raise IpcError(f"unknown command {_short(command)}")
    args = message.get("args", {})
    if not isinstance(args, dict):
        raise IpcError("args must be a JSON object")
    for name, value in args.items():
        wanted = ARGUMENTS[command].get(name)
        if wanted is None:
            raise IpcError(f"{command} takes no argument {_short(name)}")
        # type(), not isinstance(): JSON true is a Python bool, and bool is an int.
        if type(value) is not wanted:
            raise IpcError(f"{command}: {name} must be {_JSON_TYPES[wanted]}")
    return command, args


def _short(value: object) -> str:
    """A value as it may appear in a message: quoted, and never longer than a line."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def reply_ok(result: dict[str, Any] | None = None) -> dict[str, Any]:
    """A successful reply."""
    return {"v": VERSION, "ok": True, "result": result or {}}


def reply_error(error: str) -> dict[str, Any]:
    """A refusal, with one sentence for the user."""
    return {"v": VERSION, "ok": False, "error": error}


def request(path: Path, command: str, args: dict[str, Any] | None = None, timeout: float = TIMEOUT) -> dict[str, Any]:
    """Send one command to the running instance and return its result.

    Raises:
        NotRunningError: nothing listens at `path` (not running, or a stale socket after a crash).
        IpcError: the instance refused, timed out, or answered something malformed.
    """
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        _connect(sock, path, timeout)
        try:
            sock.sendall(encode({"v": VERSION, "cmd": command, "args": args or {}}))
            line = _read_line(sock)
        except TimeoutError:
            raise IpcError(_("the running backbreak did not answer in time")) from None
        except OSError as exc:
            raise IpcError(_("the connection to backbreak broke ({error})").format(error=exc)) from None
    try:
        reply = json.loads(line)
    except ValueError:
        raise IpcError(_("the running backbreak answered something unreadable")) from None
    if not isinstance(reply, dict) or "ok" not in reply:
        raise IpcError(_("the running backbreak answered something unreadable"))
    if not reply["ok"]:
        raise IpcError(str(reply.get("error") or _("the request failed")))
    result = reply.get("result", {})
    return result if isinstance(result, dict) else {}


def _connect(sock: socket.socket, path: Path, timeout: float) -> None:
    """Connect; a full listen queue (many clients at once) is waited out, up to `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            sock.connect(str(path))
            return
        except (FileNotFoundError, ConnectionRefusedError):
            raise NotRunningError(_("backbreak is not running")) from None
        except BlockingIOError:
            # A Unix socket with a timeout is non-blocking inside: a full backlog says EAGAIN at once
            # instead of waiting. The instance drains its queue in milliseconds; try again shortly.
            if time.monotonic() > deadline:
                raise NotRunningError(_("backbreak is busy and did not take the connection in time")) from None
            time.sleep(0.005)
        except OSError as exc:
            raise NotRunningError(_("backbreak is not reachable ({error})").format(error=exc.strerror or exc)) from None


def _read_line(sock: socket.socket) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if b"\n" in chunk or size > MAX_LINE:
            break
    data = b"".join(chunks)
    if b"\n" not in data:
        raise IpcError(_("the running backbreak closed the connection without an answer"))
    return data.split(b"\n", 1)[0]
