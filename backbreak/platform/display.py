"""Is there a screen to show a tray icon on? Asked before Qt is, because Qt's answer is to abort.

Without a display, QApplication prints a paragraph about xcb-cursor0 (whatever the real cause) and
kills the process. On Linux and the BSDs we look first: a Wayland socket that exists, or an X server
that answers. Elsewhere, or when QT_QPA_PLATFORM names a platform, Qt is left to decide.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from backbreak.platform.xlib import can_open_display


def display_problem(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """One sentence saying why there is no usable display, or None when there is one (or we cannot tell)."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or environ.get("QT_QPA_PLATFORM"):
        return None
    wayland = environ.get("WAYLAND_DISPLAY")
    if wayland:
        where = Path(wayland) if Path(wayland).is_absolute() else Path(environ.get("XDG_RUNTIME_DIR", "/")) / wayland
        if where.exists():
            return None
    x11 = environ.get("DISPLAY")
    if x11:
        answers = can_open_display(x11)
        if answers is None or answers:
            return None
        return f"no graphical display: the X server at DISPLAY={x11} does not answer"
    if wayland:
        return f"no graphical display: the Wayland socket {wayland} does not exist"
    return "no graphical display: DISPLAY and WAYLAND_DISPLAY are not set (start backbreak from your desktop session)"
