"""Whether the user is busy in a full-screen window (a presentation, a video call).

X11: the active window (root _NET_ACTIVE_WINDOW) has _NET_WM_STATE_FULLSCREEN in its _NET_WM_STATE
(as Safe Eyes checks, shared/PLATFORM.md section 5). Elsewhere there is no check yet and the answer is
always "not busy", so breaks never wait for nothing.
"""

from __future__ import annotations

from typing import Protocol

from backbreak.platform.base import UnavailableError
from backbreak.platform.null import NeverBusy
from backbreak.platform.xlib import XDisplay


class FullscreenCheck(Protocol):
    """Answers at the moment a break is about to show; cheap, called rarely."""

    name: str

    def busy(self) -> bool:
        """Whether a full-screen window is in front."""
        ...


class X11Fullscreen:
    """The active window's EWMH state."""

    name = "X11 _NET_WM_STATE_FULLSCREEN"

    def __init__(self, display: XDisplay | None = None) -> None:
        self._x = display or XDisplay()
        self._fullscreen = self._x.atom("_NET_WM_STATE_FULLSCREEN")
        if not self._x.longs(self._x.root, "_NET_SUPPORTED"):
            raise UnavailableError("the window manager does not speak EWMH")

    def busy(self) -> bool:
        """Whether the active window is full screen."""
        active = self._x.longs(self._x.root, "_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return False
        return self._fullscreen in self._x.longs(active[0], "_NET_WM_STATE")


def choose_fullscreen_check() -> FullscreenCheck:
    """The X11 check where it works, else none."""
    try:
        return X11Fullscreen()
    except UnavailableError:
        return NeverBusy()
