"""Is a microphone or a camera in use on Linux? Asked only when a break is near, never polled.

Three readers, each answering only for what it can see (shared/PLATFORM.md section 12):
- PulseAudio's source outputs (`pactl -f json list source-outputs`): a recording stream that is not
  corked. Works with PulseAudio and with PipeWire's pulse server; compact, so tried first for the mic.
- PipeWire's graph (`pw-dump`): nodes of media.class Stream/Input/Audio or Stream/Input/Video in state
  running. Sees cameras used through PipeWire (browsers, portals) and the mic where there is no pulse.
- Processes with /dev/video* open (a camera opened straight through V4L2 makes no PipeWire node), not
  counting pipewire and wireplumber themselves, which keep cameras open to watch them.

backbreak only asks whether a device is in use: it never opens, records or reads audio or video.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from backbreak.platform.base import UnavailableError

Run = Callable[[list[str]], str | None]
"""Runs a command; its standard output, or None if it could not run or failed."""

_TIMEOUT = 1.0
_NOT_A_CALL = ("Peak detect", "pavucontrol")  # level meters read the mic without anyone speaking
_MEDIA_DAEMONS = {"pipewire", "wireplumber", "pipewire-media-session"}


def run_quietly(argv: list[str]) -> str | None:
    """Run `argv` with a short timeout; its output, or None."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _named(*tool: str) -> None:
    for name in tool:
        if shutil.which(name) is None:
            raise UnavailableError(f"{name} is not installed")


def recording_streams(outputs: Any) -> int:
    """How many source outputs in `pactl -f json list source-outputs` are really recording."""
    if not isinstance(outputs, list):
        return 0
    return sum(
        1
        for output in outputs
        if isinstance(output, dict) and not output.get("corked", False) and not _meter(output.get("properties", {}))
    )


def running_streams(dump: Any, media_class: str) -> int:
    """How many `pw-dump` nodes of `media_class` are running."""
    if not isinstance(dump, list):
        return 0
    count = 0
    for item in dump:
        info = item.get("info") if isinstance(item, dict) else None
        props = info.get("props") if isinstance(info, dict) else None
        if not isinstance(info, dict) or not isinstance(props, dict):
            continue
        if props.get("media.class") == media_class and info.get("state") == "running":
            count += 0 if _meter(props) else 1
    return count


def _meter(props: Any) -> bool:
    if not isinstance(props, dict):
        return False
    names = f"{props.get('media.name', '')} {props.get('application.name', '')}"
    return any(word in names for word in _NOT_A_CALL)


class PulseMicrophone:
    """The mic, from PulseAudio's (or pipewire-pulse's) source outputs."""

    name = "PulseAudio source outputs (pactl)"

    def __init__(self, run: Run = run_quietly, check: bool = True) -> None:
        self._run = run
        if check:
            _named("pactl")
            if run(["pactl", "info"]) is None:
                raise UnavailableError("no PulseAudio server answers pactl")

    def microphone(self) -> bool:
        """Whether something records from a microphone."""
        text = self._run(["pactl", "-f", "json", "list", "source-outputs"])
        try:
            return text is not None and recording_streams(json.loads(text)) > 0
        except ValueError:
            return False


class PipeWireGraph:
    """The mic and cameras, from PipeWire's graph."""

    name = "PipeWire streams (pw-dump)"

    def __init__(self, run: Run = run_quietly, check: bool = True) -> None:
        self._run = run
        if check:
            _named("pw-dump")
            if self._dump() is None:
                raise UnavailableError("no PipeWire daemon answers pw-dump")

    def _dump(self) -> Any:
        text = self._run(["pw-dump"])
        try:
            return None if text is None else json.loads(text)
        except ValueError:
            return None

    def microphone(self) -> bool:
        """Whether a running stream records audio."""
        return running_streams(self._dump(), "Stream/Input/Audio") > 0

    def camera(self) -> bool:
        """Whether a running stream records video."""
        return running_streams(self._dump(), "Stream/Input/Video") > 0


class OpenVideoDevices:
    """Cameras opened straight through V4L2: a process of this user with /dev/video* open."""

    name = "open /dev/video* files"

    def __init__(self, proc: Path = Path("/proc"), uid: int | None = None, dev: Path = Path("/dev")) -> None:
        self._proc = proc
        self._uid = os.getuid() if uid is None else uid
        if not list(dev.glob("video*")):
            raise UnavailableError("this computer has no /dev/video* camera")
        if not (proc / "self" / "fd").is_dir():
            raise UnavailableError(f"{proc} cannot be read")

    def camera(self) -> bool:
        """Whether a process of ours (not the media daemons) has a camera open."""
        for entry in self._proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if entry.stat().st_uid != self._uid or _command(entry) in _MEDIA_DAEMONS:
                    continue
                if any(os.readlink(fd).startswith("/dev/video") for fd in (entry / "fd").iterdir()):
                    return True
            except OSError:  # the process ended, or it is not ours to look at
                continue
        return False


def _command(entry: Path) -> str:
    return (entry / "comm").read_text(encoding="utf-8", errors="replace").strip()
