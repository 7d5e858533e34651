"""Just enough libX11 through ctypes for idle time and full-screen checks (no python-xlib dependency)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import cache

from backbreak.platform.base import UnavailableError

_ANY_PROPERTY_TYPE = 0


class XDisplay:
    """One connection to the X server, opened once and kept."""

    def __init__(self, display: str | None = None) -> None:
        name = display or os.environ.get("DISPLAY")
        if not name:
            raise UnavailableError("no X display (DISPLAY is not set)")
        if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
            raise UnavailableError("a Wayland session: X11 would only see X11 clients")
        x = _libx11()
        if x is None:
            raise UnavailableError("libX11 is not installed")
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
        ]  # fmt: skip
        self.x = x
        self.handle = x.XOpenDisplay(name.encode())
        if not self.handle:
            raise UnavailableError(f"cannot open X display {name}")
        self.root = int(x.XDefaultRootWindow(self.handle))

    def atom(self, name: str) -> int:
        """The atom for `name`."""
        return int(self.x.XInternAtom(self.handle, name.encode(), 0))

    def longs(self, window: int, name: str) -> list[int]:
        """A 32-bit list property (WINDOW, ATOM, CARDINAL) of `window`; empty if absent."""
        actual, fmt, count, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self.x.XGetWindowProperty(
            self.handle, window, self.atom(name), 0, 64, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(actual), ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after), ctypes.byref(data),
        )  # fmt: skip
        try:
            if status != 0 or not data.value or fmt.value != 32:
                return []
            # Format-32 properties come back as C longs.
            return list((ctypes.c_ulong * count.value).from_address(data.value))
        finally:
            if data.value:
                self.x.XFree(data)


def can_open_display(name: str) -> bool | None:
    """Whether an X server answers at `name`; None when libX11 is not installed to ask."""
    x = _libx11()
    if x is None:
        return None
    handle = x.XOpenDisplay(name.encode())
    if not handle:
        return False
    x.XCloseDisplay(handle)
    return True


@cache
def _libx11() -> ctypes.CDLL | None:
    """libX11 with the signatures every caller needs, loaded once; None if it is not installed."""
    library = ctypes.util.find_library("X11")
    if not library:
        return None
    x = ctypes.CDLL(library)
    # 64-bit pointers would be truncated to int without these (shared/PLATFORM.md section 1).
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return x
