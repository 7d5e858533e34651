"""Idle time on macOS from CGEventSourceSecondsSinceLastEventType, through ctypes (no pyobjc)."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from backbreak.platform.base import UnavailableError

PLATFORM: str = sys.platform  # a plain str, so type checkers on other OSes keep this branch

# kCGEventSourceStateHIDSystemState: the combined session state missed keyboard input on Sierra
# (anaisbetts/node-system-idle-time#5).
_HID_SYSTEM_STATE = 1
_ANY_INPUT_EVENT = 0xFFFFFFFF
_FRAMEWORK = "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"


class MacIdle:
    """Seconds since the last HID event of any type."""

    name = "macOS CGEventSource"
    live = True

    def __init__(self, seconds: Callable[[], float] | None = None) -> None:
        if seconds is None:
            if PLATFORM != "darwin":
                raise UnavailableError("not macOS")
            seconds = _read_seconds()
        self._seconds = seconds

    def idle_seconds(self) -> float | None:
        """Seconds since the last input."""
        value = self._seconds()
        return value if value >= 0 else None


def _read_seconds() -> Callable[[], float]:  # pragma: no cover - runs on macOS only
    services = ctypes.CDLL(_FRAMEWORK)
    query = services.CGEventSourceSecondsSinceLastEventType
    query.restype = ctypes.c_double
    query.argtypes = [ctypes.c_int32, ctypes.c_uint32]
    return lambda: float(query(_HID_SYSTEM_STATE, _ANY_INPUT_EVENT))
