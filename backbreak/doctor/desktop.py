"""What the desktop offers: display, tray, notifications, idle time, lock and suspend, busy and call checks.

Each check asks the desktop the way the running app does (the same adapters), so doctor and the app
cannot disagree. Qt is needed here, with the offscreen platform when there is no display.
"""

from __future__ import annotations

import os

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from backbreak.doctor.report import MISSING, OK, WARN, Finding
from backbreak.platform.calls import choose_devices
from backbreak.platform.display import display_problem
from backbreak.platform.dnd import DoNotDisturb
from backbreak.platform.fullscreen import choose_fullscreen_check
from backbreak.platform.idle import choose_idle_source
from backbreak.platform.null import NeverBusy
from backbreak.platform.session_linux import SessionWatcher


def display(problem: str | None, platform: str) -> Finding:
    """A screen to show the icon and windows on: essential."""
    if problem:
        advice = "" if "desktop session" in problem else "start backbreak from your desktop session"
        return Finding("display", "display", MISSING, problem, advice, True)
    where = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "the system's"
    return Finding("display", "display", OK, f"{where} (Qt platform {platform})", essential=True)


def tray(problem: str | None) -> Finding:
    """The system tray (an XEmbed host or a StatusNotifierItem watcher)."""
    if problem:
        return Finding("tray", "tray", WARN, "unknown without a display", "start backbreak from your desktop session")
    if QSystemTrayIcon.isSystemTrayAvailable():
        return Finding("tray", "tray", OK, "available")
    return Finding(
        "tray",
        "tray",
        WARN,
        "none: backbreak works on, with notifications and a window (start backbreak again to open it)",
        "on GNOME, install the AppIndicator and KStatusNotifierItem Support extension",
    )


def notifications() -> Finding:
    """The freedesktop notification service, and whether it shows buttons."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return Finding(
            "notifications", "notifications", WARN, "no session bus", "start backbreak from your desktop session"
        )
    notify = QDBusInterface(
        "org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.freedesktop.Notifications", bus
    )
    notify.setTimeout(500)
    reply = notify.call("GetCapabilities")
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return Finding(
            "notifications",
            "notifications",
            WARN,
            "no notification service: reminders show in the tray and as a card",
            "install or start a notification daemon (your desktop's own, or dunst, mako, xfce4-notifyd)",
        )
    if "actions" in list(reply.arguments()[0]):
        return Finding("notifications", "notifications", OK, "with actions (Start, Snooze, Skip)")
    return Finding(
        "notifications",
        "notifications",
        WARN,
        "without actions: the buttons are on a card instead",
        "a notification daemon that shows actions gives Start, Snooze and Skip in the notification",
    )


def idle() -> Finding:
    """Where the time since the last key or mouse movement comes from."""
    source, reasons = choose_idle_source()
    if source.live:
        return Finding("idle", "idle source", OK, source.name)
    why = "; ".join(dict.fromkeys(reasons))  # two D-Bus sources can fail for the same reason
    return Finding(
        "idle",
        "idle source",
        WARN,
        f"none, so only the wall clock with lock and suspend ({why})",
        "on X11 install libXss (Debian: libxss1); GNOME and KDE answer over the session bus",
    )


def lock_and_suspend() -> Finding:
    """Screen lock and suspend reports (logind, the screensaver)."""
    sources = SessionWatcher().sources
    if sources:
        return Finding("session", "lock and suspend", OK, ", ".join(sources))
    return Finding(
        "session",
        "lock and suspend",
        WARN,
        "not reported; a sleep is still noticed by the clock",
        "a systemd-logind session (or a desktop screensaver) reports lock and suspend",
    )


def busy_checks() -> list[Finding]:
    """Full screen and do not disturb: whether the checks work here, and what they say now."""
    fullscreen = choose_fullscreen_check()
    if not isinstance(fullscreen, NeverBusy):
        now = "a full-screen window is in front now" if fullscreen.busy() else "nothing full-screen now"
        found = Finding("fullscreen", "full-screen check", OK, f"{fullscreen.name}; {now}")
    else:
        found = Finding(
            "fullscreen",
            "full-screen check",
            WARN,
            "none on this desktop: breaks never wait for a full-screen window",
            "only X11 window managers with EWMH tell backbreak about full-screen windows",
        )
    dnd = DoNotDisturb()
    state = "on now" if dnd.busy() else "off now"
    return [found, Finding("dnd", "do-not-disturb check", OK, f"{dnd.name}; {state}")]


def calls() -> Finding:
    """Which readers can tell a microphone or a camera in use here, and why the others cannot."""
    devices = choose_devices()
    why = "; ".join(devices.unavailable)
    if not devices.microphones and not devices.cameras:
        return Finding(
            "calls",
            "call check",
            WARN,
            f"none: breaks never wait for a call ({why})",
            "PipeWire (pw-dump) or PulseAudio (pactl) tell backbreak when a microphone records",
        )
    now = "in use now" if devices.camera() or devices.microphone() else "not in use now"
    detail = f"{devices.describe()}; {now}" + (f" (not used: {why})" if why else "")
    return Finding("calls", "call check", OK, detail)


def running_app(problem: str | None) -> QApplication:
    """The QApplication the checks need; the offscreen platform when there is no display."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(["backbreak", *(["-platform", "offscreen"] if problem else [])])


def desktop_findings() -> list[Finding]:
    """All of the above, in the order a person reads them."""
    problem = display_problem()
    app = running_app(problem)
    return [
        display(problem, app.platformName()),
        tray(problem),
        notifications(),
        idle(),
        lock_and_suspend(),
        *busy_checks(),
        calls(),
    ]
