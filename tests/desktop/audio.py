"""A real PipeWire in the test desktop's session, and a recording client: the call of the call tests.

pipewire, wireplumber and pipewire-pulse run with the app's XDG_RUNTIME_DIR and session bus, as on a
desktop; a null sink's monitor stands in for a microphone, and `parecord` records from it, as a
meeting app would. Everything started here is stopped here; waits are on conditions, never delays.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.desktop.session import wait_until

TOOLS = ("pipewire", "wireplumber", "pipewire-pulse", "pactl", "parecord", "pw-dump")


def missing_audio_tools() -> list[str]:
    """What this machine lacks of the audio stack (.ci/run installs it)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class Audio:
    """A PipeWire session and a fake microphone in it."""

    def __init__(self, env: dict[str, str], folder: Path) -> None:
        self.env = env
        self.folder = folder
        self._daemons: list[subprocess.Popen[bytes]] = []
        self._recorder: subprocess.Popen[bytes] | None = None

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=10, check=False)

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in ("pipewire", "wireplumber", "pipewire-pulse"):
            log = (self.folder / f"{name}.log").open("wb")
            self._daemons.append(
                subprocess.Popen([name], env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            )
            log.close()
        wait_until(lambda: self._run("pactl", "info").returncode == 0, 20, "the PipeWire pulse server")
        loaded = self._run("pactl", "load-module", "module-null-sink", "sink_name=fakemic")
        assert loaded.returncode == 0, loaded.stderr

    def record(self) -> None:
        """A client starts recording from the fake microphone; returns once PipeWire shows it running."""
        log = (self.folder / "parecord.log").open("wb")
        self._recorder = subprocess.Popen(
            ["parecord", "-d", "fakemic.monitor", str(self.folder / "call.wav")],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        wait_until(lambda: self.recording() == 1, 20, "the recording stream")

    def hang_up(self) -> None:
        """The recording client stops; returns once PipeWire no longer shows it."""
        if self._recorder is not None:
            self._recorder.terminate()
            self._recorder.wait(10)
            self._recorder = None
        wait_until(lambda: self.recording() == 0, 20, "the recording stream to end")

    def recording(self) -> int:
        """Source outputs recording now, as pactl reports them."""
        done = self._run("pactl", "-f", "json", "list", "source-outputs")
        return len(json.loads(done.stdout)) if done.returncode == 0 else -1

    def stop(self) -> None:
        if self._recorder is not None:
            self._recorder.kill()
            self._recorder.wait(10)
        for daemon in reversed(self._daemons):
            daemon.terminate()
        for daemon in self._daemons:
            try:
                daemon.wait(10)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait(10)


@contextmanager
def audio_session(env: dict[str, str], folder: Path) -> Iterator[Audio]:
    audio = Audio(env, folder)
    try:
        audio.start()
        yield audio
    finally:
        audio.stop()
