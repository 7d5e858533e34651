"""Idle time on X11 from the MIT-SCREEN-SAVER extension (libXss), through ctypes.

Never used on a Wayland session: under XWayland it only sees input sent to X11 clients, so someone
typing in native Wayland apps would look idle (shared/PLATFORM.md section 1; electron/electron#27912).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

from backbreak.platform.base import UnavailableError


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

    def __init__(self, display: str | None = None) -> None:
        display = display or os.environ.get("DISPLAY")
        if not display:
            raise UnavailableError("no X display (DISPLAY is not set)")
        if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
            raise UnavailableError("a Wayland session: XScreenSaver would only see X11 clients' input")
        x11_name = ctypes.util.find_library("X11")
        xss_name = ctypes.util.find_library("Xss")
        if not x11_name or not xss_name:
            raise UnavailableError("libX11 or libXss is not installed (Debian: libxss1)")
        self._x11 = ctypes.CDLL(x11_name)
        self._xss = ctypes.CDLL(xss_name)
        # 64-bit pointers would be truncated to int without these (PLATFORM.md section 1).
        self._x11.XOpenDisplay.restype = ctypes.c_void_p
        self._x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self._x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
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
        self._display = self._x11.XOpenDisplay(display.encode())
        if not self._display:
            raise UnavailableError(f"cannot open X display {display}")
        event, error = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(self._display, ctypes.byref(event), ctypes.byref(error)):
            raise UnavailableError("the X server has no MIT-SCREEN-SAVER extension")
        self._root = self._x11.XDefaultRootWindow(self._display)
        self._info = self._xss.XScreenSaverAllocInfo()

    def idle_seconds(self) -> float | None:
        """Seconds since the last input on this X display."""
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return float(self._info.contents.idle) / 1000.0
