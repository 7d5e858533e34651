"""Idle time on X11 from the MIT-SCREEN-SAVER extension (libXss), through ctypes.

Never used on a Wayland session: under XWayland it only sees input sent to X11 clients, so someone
typing in native Wayland apps would look idle (shared/PLATFORM.md section 1; electron/electron#27912).
"""

from __future__ import annotations

import ctypes
import ctypes.util

from backbreak.platform.base import UnavailableError
from backbreak.platform.xlib import XDisplay


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("eventMask", ctypes.c_ulong),
    ]


class XScreenSaverIdle:
    """Reads idle milliseconds with XScreenSaverQueryInfo on one display connection opened once."""

    name = "X11 XScreenSaver"
    live = True

    def __init__(self, display: XDisplay | None = None) -> None:
        self._display = display or XDisplay()
        xss_name = ctypes.util.find_library("Xss")
        if not xss_name:
            raise UnavailableError("libXss is not installed (Debian: libxss1)")
        self._xss = ctypes.CDLL(xss_name)
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        self._xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        self._xss.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        event, error = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(self._display.handle, ctypes.byref(event), ctypes.byref(error)):
            raise UnavailableError("the X server has no MIT-SCREEN-SAVER extension")
        self._info = self._xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float | None:
        """Seconds since the last input on this X display."""
        if not self._xss.XScreenSaverQueryInfo(self._display.handle, self._display.root, self._info):
            return None
        return float(self._info.contents.idle) / 1000.0
