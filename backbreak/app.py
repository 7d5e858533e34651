"""The composition root: the only module that imports every layer, and it only wires.

`desktop_ports` chooses the real adapters for this desktop (each with a null stand-in where the
desktop lacks the feature); `App` takes a bundle of ports and connects the small objects that do the
work; `start_the_rest` builds them once the tray icon shows (backbreak/startup.py starts Qt and the
icon first). The in-process app tests build `App` on fake ports and a fake clock.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from backbreak import __version__, paths
from backbreak.core.events import Stopping
from backbreak.core.history import open_history
from backbreak.core.i18n import _, in_english
from backbreak.core.languages import speak
from backbreak.core.routines import MOVE_ROUTINE, builtin_folder, load_routines, seconds_by_name
from backbreak.core.routinewords import translated
from backbreak.core.settings import Settings
from backbreak.core.state import CALL
from backbreak.core.timeline import sitting_now
from backbreak.platform import autostart
from backbreak.platform.base import UnavailableError
from backbreak.platform.calls import choose_devices
from backbreak.platform.dnd import DoNotDisturb
from backbreak.platform.fullscreen import choose_fullscreen_check
from backbreak.platform.idle import choose_idle_source
from backbreak.platform.notify_dbus import DBusNotifier
from backbreak.platform.null import NullNotifier
from backbreak.platform.session_linux import SessionWatcher
from backbreak.ports import Autostart, Notifier, Ports
from backbreak.runtime.busy import NEAR as BUSY_NEAR
from backbreak.runtime.busy import BusyWatch, CallCheck
from backbreak.runtime.clock import SystemClock
from backbreak.runtime.commands import CommandHandler
from backbreak.runtime.controls import Controls
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.effects import EffectRouter
from backbreak.runtime.instance import ControlServer
from backbreak.runtime.messages import Messages
from backbreak.runtime.presence import PresenceSampler, follow_session
from backbreak.runtime.scheduler import WakeScheduler
from backbreak.runtime.settingsstore import REPAIRED, SettingsStore
from backbreak.runtime.statistics import Statistics
from backbreak.runtime.timers import QT_TIMERS
from backbreak.ui.presenter import StatusPresenter
from backbreak.ui.qtlanguage import QtLanguage, desktop_languages
from backbreak.ui.reminders import Reminders
from backbreak.ui.theme import Theme
from backbreak.ui.tray import QtTrayHost, Tray
from backbreak.ui.windows import WindowKeeper

log = logging.getLogger("backbreak")


class App(QObject):
    """backbreak, running: the engine driver and everything around it, wired from `ports`."""

    def __init__(self, qapp: QApplication, ports: Ports, store: SettingsStore, theme: Theme, tray: Tray) -> None:
        super().__init__(qapp)
        self.ports = ports
        self.store = store
        self.theme = theme
        routines = ports.routines.routines
        self.driver = EngineDriver(store.settings, ports.clock, ports.wakeups, seconds_by_name(routines), self)
        send = self.driver.send
        stats = Statistics(ports.history, ports.clock, lambda: sitting_now(self.driver.state))
        self.keeper = WindowKeeper(store, routines, stats, ports.clock, ports.timers, send, self)
        self.tray = tray  # made (and maybe shown) before the rest loaded: see run()
        # The start chose the language from a quick read of settings.toml; now that it is read properly
        # (and the desktop can be asked too), speak the one it says, and Qt's own words with it.
        self.qt_language = QtLanguage(qapp)
        self.qt_language.apply(speak(store.settings.ui.language, os.environ, desktop_languages()))
        tray.retranslate()
        self._routine_menu()
        self.presenter = StatusPresenter(
            self.tray,
            ports.tray,
            self.keeper,
            lambda: store.settings,
            lambda: self.driver.status,
            self.driver.tick,
            lambda title, body: self.messages.say(title, body),
            ports.timers,
            self,
        )
        self.messages = Messages(ports.notifier, self.presenter.note)
        self.reminders = Reminders(
            ports.notifier,
            self.presenter.note,
            lambda: store.settings,
            lambda name: (translated(routines[name]).title, routines[name].total) if name in routines else (name, 0.0),
            lambda: self.driver.status.snoozes_left,
            self,
        )
        self.sampler = PresenceSampler(
            ports.idle,
            store.settings.reminders.idle_threshold,
            send,
            ports.timers,
            ports.clock,
            lambda: self.driver.until_near(BUSY_NEAR) == 0.0,
            self,
        )
        self.driver.before_step.append(self.sampler.probe)
        # Kept on self: a signal connected to a plain object's method holds it only weakly (PySide6).
        self.router = EffectRouter(
            self.reminders, self.keeper, self.sampler, ports.history, self.messages.say, send, ports.log_file
        )
        self.driver.effect.connect(self.router.perform)
        self.driver.status_changed.connect(self.presenter.show)
        self.controls = Controls(send, ports.clock, self._windows(qapp))
        self._connect_controls(qapp)
        self.busy = BusyWatch(self.driver, ports.busy, ports.timers, self)
        follow_session(ports.session, send)
        for follower in (self.driver, self.sampler, theme, self.keeper):
            store.changed.connect(follower.settings_changed)
        store.changed.connect(lambda old, new: _start_at_login(ports, old.ui.start_at_login, new.ui.start_at_login))
        store.changed.connect(self._language_changed)
        store.message.connect(self.messages.say)
        self.commands = CommandHandler(
            self.driver,
            ports.idle.name,
            lambda: self.presenter.running_again(self.driver.status.tooltip()),
            qapp.quit,
            refresh=self._refresh,
            routines=set(routines),
        )
        self._say_what_went_wrong_at_start()

    def _say_what_went_wrong_at_start(self) -> None:
        """Said now, shown once the icon (or the status window) is there: Messages keeps them till then."""
        for problem in self.ports.routines.problems:
            log.warning("routine skipped: %s", problem)
            self.messages.say(_("backbreak: a routine was skipped"), problem)
        if self.store.repair_note():
            self.messages.say(_(REPAIRED), self.store.repair_note())
        if self.ports.history.notice:
            with in_english():
                log.warning("%s", self.ports.history.notice)
            self.messages.say(_("backbreak: history"), self.ports.history.notice)

    def _routine_menu(self) -> None:
        """Stretch now's routines, by their titles in the language in force."""
        routines = self.ports.routines.routines
        self.tray.set_routines([(name, translated(r).title) for name, r in routines.items() if name != MOVE_ROUTINE])

    def _language_changed(self, old: Settings, new: Settings) -> None:
        """The language setting changed: everything says its words again in the new one."""
        if old.ui.language == new.ui.language:
            return
        code = speak(new.ui.language, os.environ, desktop_languages())
        if code == self.qt_language.code:
            return
        log.info("speaking %s", code)
        self.qt_language.apply(code)
        self.tray.retranslate()
        self._routine_menu()
        self.presenter.show(self.driver.status)
        self.keeper.language_changed(self.driver.status)

    def _refresh(self) -> None:
        """A fresh presence sample and step, so `backbreak status` tells how things are now."""
        self.sampler.sample()
        self.driver.tick()

    def _windows(self, qapp: QApplication) -> dict[str, Callable[[], None]]:
        return {
            "stats": self.keeper.show_stats,
            "settings": self.keeper.show_settings,
            "about": self.keeper.show_about,
            "quit": qapp.quit,
        }

    def _connect_controls(self, qapp: QApplication) -> None:
        tray, controls, windows = self.tray, self.controls, self.keeper
        tray.stretch_requested.connect(controls.stretch)
        tray.move_requested.connect(controls.move)
        tray.pause_requested.connect(controls.pause)
        tray.resume_requested.connect(controls.resume)
        tray.settings_requested.connect(windows.show_settings)
        tray.stats_requested.connect(windows.show_stats)
        tray.about_requested.connect(windows.show_about)
        tray.quit_requested.connect(qapp.quit)
        windows.action.connect(controls.action)
        self.reminders.chosen.connect(controls.answer)

    def start(self) -> None:
        """Listen for commands, take the first step, show the icon, say what waited, welcome a new user."""
        try:
            self.ports.control.listen(self.commands)
        except OSError as exc:  # the tray app is still worth having without its command line
            log.warning("the backbreak command cannot reach this instance: %s", exc)
        self.presenter.start()
        self.driver.start()
        self.sampler.start()
        self.messages.ready()
        if self.store.first_run:
            self.keeper.welcome()

    def stop(self) -> None:
        """Close the windows and the open sitting span, then the socket, the wake-ups and the history."""
        self.keeper.close_all()
        self.reminders.close()
        self.driver.send(Stopping())
        self.ports.control.close()
        self.driver.shutdown()
        self.ports.history.close()


def _start_at_login(ports: Ports, was: bool, now: bool) -> None:
    """The autostart entry is written only when the setting changes, never at every other change."""
    if was != now:
        ports.autostart.apply(now)


def desktop_ports(qapp: QApplication) -> Ports:
    """The real adapters for this desktop, with a null stand-in for each feature it lacks."""
    clock = SystemClock()
    idle, reasons = choose_idle_source()
    if not idle.live:
        log.info("no idle source (%s): counting on the wall clock with lock and suspend", "; ".join(reasons))
    return Ports(
        clock=clock,
        timers=QT_TIMERS,
        wakeups=WakeScheduler,
        idle=idle,
        session=SessionWatcher(qapp),
        notifier=_notifier(qapp),
        busy={
            "full-screen": choose_fullscreen_check(),
            "do not disturb": DoNotDisturb(),
            CALL: CallCheck(choose_devices, clock),
        },
        history=open_history(paths.history_file(), clock.now().wall),
        autostart=_autostart(qapp),
        control=ControlServer(paths.socket_file(), qapp),
        routines=load_routines([builtin_folder(), paths.routines_dir()]),
        tray=QtTrayHost(),
        log_file=paths.log_file(),
    )


def _autostart(parent: QObject) -> Autostart:
    if autostart.in_flatpak():  # the sandbox cannot write the autostart folder: the portal does it
        from backbreak.platform.autostart_portal import PortalAutostart

        return PortalAutostart(["backbreak"], parent=parent)  # the manifest's command, inside the sandbox
    return autostart.for_this_os()


def _notifier(parent: QObject) -> Notifier:
    try:
        return DBusNotifier(parent)
    except UnavailableError as exc:
        log.info("notifications without buttons: %s", exc)
        return NullNotifier(parent)


def start_the_rest(qapp: QApplication, tray: Tray, running: list[App]) -> None:
    """Everything after the icon; a failure here is logged and ends the app (exit 1), not a silent icon."""
    try:
        ports = desktop_ports(qapp)
        store = SettingsStore(paths.settings_file(), ports.clock, qapp)
        theme = Theme(qapp)
        theme.apply(store.settings.ui.theme)
        backbreak = App(qapp, ports, store, theme, tray)
        running.append(backbreak)
        backbreak.start()
    except Exception:
        log.critical("backbreak could not start", exc_info=True)
        qapp.exit(1)
        return
    log.info("backbreak %s started (idle source: %s; settings: %s)", __version__, ports.idle.name, store.path)
    if note := paths.runtime_dir_note():
        log.warning("lock and socket in %s: %s", paths.runtime_dir(), note)
