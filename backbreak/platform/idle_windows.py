"""Idle time on Windows from GetLastInputInfo (user32), through ctypes."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from backbreak.platform.base import UnavailableError

PLATFORM: str = sys.platform  # a plain str, so type checkers on other OSes keep this branch

_TICK_MASK = 0xFFFFFFFF


def idle_from_ticks(now_tick: int, last_input_tick: int) -> float:
    """Seconds between two 32-bit millisecond tick counts.

    GetTickCount and LASTINPUTINFO.dwTime are 32-bit and wrap every 49.7 days; the masked difference
    stays right across the wrap (ActivityWatch's unmasked subtraction goes negative there).
    """
    return ((now_tick - last_input_tick) & _TICK_MASK) / 1000.0


class WindowsIdle:
    """GetTickCount() - LASTINPUTINFO.dwTime, masked to 32 bits."""

    name = "Windows GetLastInputInfo"
    live = True

    def __init__(self, ticks: Callable[[], tuple[int, int] | None] | None = None) -> None:
        if ticks is None:
            if PLATFORM != "win32":
                raise UnavailableError("not Windows")
            ticks = _read_ticks
        self._ticks = ticks

    def idle_seconds(self) -> float | None:
        """Seconds since the last input in this session."""
        pair = self._ticks()
        return None if pair is None else idle_from_ticks(*pair)


def _read_ticks() -> tuple[int, int] | None:  # pragma: no cover - runs on Windows only
    class LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    info = LastInputInfo()
    info.cbSize = ctypes.sizeof(info)
    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if not user32.GetLastInputInfo(ctypes.byref(info)):
        return None
    return int(kernel32.GetTickCount()) & _TICK_MASK, int(info.dwTime)
