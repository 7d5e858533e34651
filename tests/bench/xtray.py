"""Tray icons as the X server sees them, asked in process through libX11 (no tool per look).

A tray icon is a window that carries _XEMBED_INFO and has been reparented away from the root into
the tray host. Asking costs about a millisecond, so the moment an icon appears can be timed to a few
milliseconds (`xdotool` and `xprop` per look cost tens). The approach follows
shared/tools/peers/xsession.py; written here for the project's own bench.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Iterator

_ANY_PROPERTY_TYPE = 0


class TrayWatch:
    """One connection to the X display, asking which tray icons exist."""

    def __init__(self, display: str) -> None:
        self._x = x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
        ]  # fmt: skip
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x.XSetErrorHandler.argtypes = [ctypes.c_void_p]
        # A window can vanish between two questions (an app quitting): ignore X's BadWindow instead of exiting.
        self._ignore = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda display, event: 0)
        x.XSetErrorHandler(self._ignore)
        self._dpy = x.XOpenDisplay(display.encode())
        if not self._dpy:
            raise RuntimeError(f"cannot open display {display}")
        self._root = x.XDefaultRootWindow(self._dpy)
        self._xembed = x.XInternAtom(self._dpy, b"_XEMBED_INFO", 0)

    def _children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self._x.XQueryTree(self._dpy, window, root, parent, children, count):
            return []
        found = [children[index] for index in range(count.value)]
        if children:
            self._x.XFree(children)
        return found

    def _walk(self, window: int, parent: int) -> Iterator[tuple[int, int]]:
        for child in self._children(window):
            yield child, window
            yield from self._walk(child, window)

    def _embedded(self, window: int) -> bool:
        kind, fmt = ctypes.c_ulong(), ctypes.c_int()
        items, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._dpy, window, self._xembed, 0, 2, 0, _ANY_PROPERTY_TYPE, kind, fmt, items, after, data
        )
        if data:
            self._x.XFree(data)
        return status == 0 and kind.value != 0

    def icons(self) -> set[int]:
        """The windows embedded in a tray now."""
        return {
            window for window, parent in self._walk(self._root, 0) if parent != self._root and self._embedded(window)
        }

    def close(self) -> None:
        self._x.XCloseDisplay(self._dpy)
