"""Is the user in a call? The desktop says which devices are in use; this picks who can say it.

One protocol for every OS: a reader answers for the microphone, the camera, or both. The factory tries
the candidates for this OS, cheapest first, keeps those that work, and says why each other one does
not (`backbreak doctor` prints it). Where nothing works, the answer is always "not in use", so a break
never waits for nothing. The rule that turns these answers into "in a call" (the camera at once, the
microphone only after 30 s) is runtime/calls.py's.

backbreak only asks whether a device is in use: it never opens, records or reads audio or video.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from backbreak.platform.base import UnavailableError


class Microphone(Protocol):
    """Answers whether something records from a microphone now."""

    name: str

    def microphone(self) -> bool:
        """Whether a microphone is in use."""
        ...


class Camera(Protocol):
    """Answers whether something uses a camera now."""

    name: str

    def camera(self) -> bool:
        """Whether a camera is in use."""
        ...


@dataclass
class Devices:
    """The readers that work on this desktop, and why the others do not."""

    microphones: list[Microphone] = field(default_factory=list)
    cameras: list[Camera] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)

    def microphone(self) -> bool:
        """Whether any reader sees a microphone in use."""
        return any(reader.microphone() for reader in self.microphones)

    def camera(self) -> bool:
        """Whether any reader sees a camera in use."""
        return any(reader.camera() for reader in self.cameras)

    def describe(self) -> str:
        """One line for doctor: what is asked, or why nothing can be."""
        parts = [f"microphone: {self.microphones[0].name}" if self.microphones else "microphone: none"]
        parts.append("camera: " + (", ".join(reader.name for reader in self.cameras) or "none"))
        return "; ".join(parts)


def _linux() -> tuple[list[Callable[[], Microphone]], list[Callable[[], Camera]]]:
    from backbreak.platform.calls_linux import OpenVideoDevices, PipeWireGraph, PulseMicrophone

    return [PulseMicrophone, PipeWireGraph], [PipeWireGraph, OpenVideoDevices]


def _windows() -> tuple[list[Callable[[], Microphone]], list[Callable[[], Camera]]]:
    from backbreak.platform.calls_windows import ConsentStore

    return [ConsentStore.for_microphone], [ConsentStore.for_camera]


def _macos() -> tuple[list[Callable[[], Microphone]], list[Callable[[], Camera]]]:
    from backbreak.platform.calls_macos import CoreAudioInputs, CoreMediaCameras

    return [CoreAudioInputs], [CoreMediaCameras]


def choose_devices(
    candidates: tuple[list[Callable[[], Microphone]], list[Callable[[], Camera]]] | None = None,
) -> Devices:
    """The first microphone reader that works, every camera reader that works, and the reasons for the rest."""
    if candidates is None:
        candidates = _windows() if sys.platform == "win32" else _macos() if sys.platform == "darwin" else _linux()
    microphones, cameras = candidates
    devices = Devices()
    for make in microphones:
        try:
            devices.microphones.append(make())
            break  # the cheapest that works is enough for the mic
        except UnavailableError as exc:
            devices.unavailable.append(f"{_named(make)}: {exc}")
    for make_camera in cameras:
        try:
            devices.cameras.append(make_camera())  # cameras: each reader sees a different kind of use
        except UnavailableError as exc:
            devices.unavailable.append(f"{_named(make_camera)}: {exc}")
    devices.unavailable = list(dict.fromkeys(devices.unavailable))  # one reader may be tried for both
    return devices


def _named(make: Callable[[], object]) -> str:
    """A reader's own name ("PipeWire streams (pw-dump)"), or its factory's."""
    name = getattr(make, "name", None)
    return name if isinstance(name, str) else getattr(make, "__qualname__", repr(make))
