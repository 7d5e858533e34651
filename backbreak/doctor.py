"""`backbreak doctor`: what this desktop offers backbreak, in plain lines. Works without a running instance."""

from __future__ import annotations

import sys

from backbreak import __version__, ipc, paths
from backbreak.core.settingsfile import inspect_settings


def run() -> int:
    """Print what was found; exit 0 (the answers are information, not a verdict)."""
    from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from backbreak.platform import autostart
    from backbreak.platform.display import display_problem
    from backbreak.platform.idle import choose_idle_source
    from backbreak.platform.session_linux import SessionWatcher

    problem = display_problem()
    # Without a display the rest is still worth knowing: look with Qt's offscreen platform instead.
    app = QApplication([sys.argv[0], *(["-platform", "offscreen"] if problem else [])])
    lines = [f"backbreak {__version__}, Python {sys.version.split()[0]}, platform {app.platformName()}"]
    if problem:
        lines.append(f"display: {problem}")
        lines.append("tray: unknown without a display")
    else:
        tray = QSystemTrayIcon.isSystemTrayAvailable()
        lines.append(f"tray: {'available' if tray else 'none (backbreak keeps working without an icon)'}")

    bus = QDBusConnection.sessionBus()
    notes = "no session bus"
    if bus.isConnected():
        notify = QDBusInterface(
            "org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.freedesktop.Notifications", bus
        )
        notify.setTimeout(500)
        reply = notify.call("GetCapabilities")
        if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
            caps = list(reply.arguments()[0])
            notes = "with actions" if "actions" in caps else "without actions (the tray or a card stands in)"
        else:
            notes = "no notification service"
    lines.append(f"notifications: {notes}")

    source, reasons = choose_idle_source()
    if not source.live:
        why = "; ".join(dict.fromkeys(reasons))  # two D-Bus sources can fail for the same reason
        lines.append(f"idle source: none, so only the wall clock with lock and suspend ({why})")
    else:
        lines.append(f"idle source: {source.name}")
    watcher = SessionWatcher()
    lines.append("lock and suspend: " + (", ".join(watcher.sources) or "not reported; a sleep is noticed by the clock"))
    if not autostart.supported():
        lines.append("start at login: not written on this system yet (Linux only)")
    else:
        entry = autostart.entry_path()
        lines.append(f"start at login: {'on (' + str(entry) + ')' if entry.exists() else 'off'}")

    settings_path = paths.settings_file()
    if settings_path.exists():
        problems = inspect_settings(settings_path)
        lines.append(f"settings: {settings_path}" + ("" if not problems else " (" + "; ".join(problems) + ")"))
    else:
        lines.append(f"settings: defaults ({settings_path} does not exist)")
    try:
        running = ipc.request(paths.socket_file(), "status", timeout=1.0)
        lines.append(f"running: yes, {running.get('state')}")
    except ipc.IpcError:
        lines.append("running: no")
    print("\n".join(lines))
    return 0
