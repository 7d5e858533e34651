"""Is a microphone or a camera in use on macOS? CoreAudio and CoreMediaIO say, without a permission prompt.

- Microphone: kAudioDevicePropertyDeviceIsRunningSomewhere on every device that has input streams.
- Camera: kCMIODevicePropertyDeviceIsRunningSomewhere on every CoreMediaIO device.
(shared/PLATFORM.md section 12; fikrikarim/repose MeetingDetector.swift does the same.) Both are read
with ctypes through the C APIs; only read, never opened.

Not run on macOS here: the unit tests feed it recorded answers through the `Reader` seam.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import struct
import sys
from collections.abc import Callable

from backbreak.platform.base import UnavailableError

PLATFORM: str = sys.platform  # a plain str, so type checkers on other OSes keep this branch


def _fourcc(code: str) -> int:
    return int.from_bytes(code.encode("ascii"), "big")


SYSTEM_OBJECT = 1  # kAudioObjectSystemObject, kCMIOObjectSystemObject
GLOBAL, INPUT, MAIN = _fourcc("glob"), _fourcc("inpt"), 0
DEVICES = _fourcc("dev#")  # kAudioHardwarePropertyDevices, kCMIOHardwarePropertyDevices
STREAMS = _fourcc("stm#")  # kAudioDevicePropertyStreams
RUNNING_SOMEWHERE = _fourcc("gone")  # k...DevicePropertyDeviceIsRunningSomewhere


class _Address(ctypes.Structure):
    _fields_ = (("selector", ctypes.c_uint32), ("scope", ctypes.c_uint32), ("element", ctypes.c_uint32))


Reader = Callable[[int, int, int], bytes | None]
"""(object id, selector, scope) -> the property's bytes, or None when the object has no such property."""


def _reader(framework: str, prefix: str) -> Reader:  # pragma: no cover - runs on macOS only
    if PLATFORM != "darwin":
        raise UnavailableError(f"{framework} exists only on macOS")
    path = ctypes.util.find_library(framework)
    if path is None:
        raise UnavailableError(f"{framework} could not be loaded")
    library = ctypes.CDLL(path)
    size_of = getattr(library, f"{prefix}ObjectGetPropertyDataSize")
    data_of = getattr(library, f"{prefix}ObjectGetPropertyData")

    def read(object_id: int, selector: int, scope: int) -> bytes | None:
        address = _Address(selector, scope, MAIN)
        size = ctypes.c_uint32(0)
        if size_of(ctypes.c_uint32(object_id), ctypes.byref(address), 0, None, ctypes.byref(size)) != 0:
            return None
        buffer = ctypes.create_string_buffer(size.value)
        used = ctypes.c_uint32(size.value)
        args = (ctypes.c_uint32(object_id), ctypes.byref(address), 0, None)
        if prefix == "CMIO":  # CMIOObjectGetPropertyData takes the size and the size used apart
            status = data_of(*args, size, ctypes.byref(used), buffer)
        else:
            status = data_of(*args, ctypes.byref(used), buffer)
        return None if status != 0 else buffer.raw[: used.value]

    return read


def _ids(data: bytes | None) -> list[int]:
    return [] if not data else list(struct.unpack(f"={len(data) // 4}I", data[: len(data) // 4 * 4]))


def _running(read: Reader, device: int, scope: int) -> bool:
    data = read(device, RUNNING_SOMEWHERE, scope)
    return bool(data) and struct.unpack("=I", data[:4])[0] != 0  # type: ignore[index]


class CoreAudioInputs:
    """Microphones: an input device that some process is running."""

    name = "CoreAudio input devices"

    def __init__(self, read: Reader | None = None) -> None:
        self._read = read or _reader("CoreAudio", "Audio")

    def microphone(self) -> bool:
        """Whether an input device runs somewhere."""
        for device in _ids(self._read(SYSTEM_OBJECT, DEVICES, GLOBAL)):
            if _ids(self._read(device, STREAMS, INPUT)) and _running(self._read, device, GLOBAL):
                return True
        return False


class CoreMediaCameras:
    """Cameras: a CoreMediaIO device that some process is running."""

    name = "CoreMediaIO devices"

    def __init__(self, read: Reader | None = None) -> None:
        self._read = read or _reader("CoreMediaIO", "CMIO")

    def camera(self) -> bool:
        """Whether a camera runs somewhere."""
        return any(_running(self._read, device, GLOBAL) for device in _ids(self._read(SYSTEM_OBJECT, DEVICES, GLOBAL)))
