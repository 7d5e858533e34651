"""The system tray icon: progress at a glance, a tooltip, and a menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from backbreak.core.durations import hours_and_minutes, minutes_words
from backbreak.core.i18n import _
from backbreak.core.phases import Phase
from backbreak.ui.trayicon import progress_of, ring_icon

if TYPE_CHECKING:
    from backbreak.core.status import Status  # annotations only: the icon shows before the engine loads


class QtTrayHost:
    """Asks Qt whether the desktop has a system tray (an XEmbed selection or an SNI watcher)."""

    def available(self) -> bool:
        """Whether an icon can show now."""
        return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    """Renders the engine's status in the tray.

    Signals:
        quit_requested: the user chose Quit.
        stretch_requested: a stretch now: a routine name, or "" for the one set for stretch breaks (a click).
        move_requested: a move break now.
        about_requested: About & safety.
        pause_requested: seconds to pause, or 0 for until tomorrow.
        resume_requested: end the pause.
        settings_requested, stats_requested: open those windows.
    """

    quit_requested = Signal()
    stretch_requested = Signal(str)
    move_requested = Signal()
    about_requested = Signal()
    pause_requested = Signal(int)
    settings_requested = Signal()
    stats_requested = Signal()
    resume_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = QSystemTrayIcon(self)
        self._icon.setObjectName("backbreak-tray")
        self._menu = QMenu()
        self._status_action = QAction(self._menu)
        self._status_action.setEnabled(False)
        self._menu.addAction(self._status_action)
        self._menu.addSeparator()
        self._stretch_menu = self._menu.addMenu("")
        self._move_action = self._menu.addAction("")
        self._move_action.triggered.connect(self.move_requested)
        self._pause_menu = self._menu.addMenu("")
        self._pause_actions = []
        for seconds in (1800, 3600, 7200, 0):
            action = self._pause_menu.addAction("")
            action.triggered.connect(lambda _=False, seconds=seconds: self.pause_requested.emit(seconds))
            self._pause_actions.append(action)
        self._resume_action = self._menu.addAction("")
        self._resume_action.triggered.connect(self.resume_requested)
        self._resume_action.setVisible(False)
        self._menu.addSeparator()
        self._stats_action = self._menu.addAction("")
        self._stats_action.triggered.connect(self.stats_requested)
        self._settings_action = self._menu.addAction("")
        self._settings_action.triggered.connect(self.settings_requested)
        self._about_action = self._menu.addAction("")
        self._about_action.triggered.connect(self.about_requested)
        self._quit_action = QAction(self._menu)
        self._quit_action.triggered.connect(self.quit_requested)
        self._menu.addAction(self._quit_action)
        self.retranslate()
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._activated)
        self._drawn: tuple[int, str] | None = None

    def retranslate(self) -> None:
        """The menu's words in the language now in force (at start, and when the setting changes)."""
        self._status_action.setText(_("Starting…"))
        self._stretch_menu.setTitle(_("Stretch now"))
        self._move_action.setText(_("Move break now"))
        self._pause_menu.setTitle(_("Pause"))
        for action, words in zip(
            self._pause_actions,
            (minutes_words(30), hours_and_minutes(1, 0), hours_and_minutes(2, 0), _("Until tomorrow")),
            strict=True,
        ):
            action.setText(words)
        self._resume_action.setText(_("Resume"))
        self._stats_action.setText(_("Statistics"))
        self._settings_action.setText(_("Settings"))
        self._about_action.setText(_("About && safety"))
        self._quit_action.setText(_("Quit"))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.stretch_requested.emit("")

    def set_routines(self, routines: list[tuple[str, str]]) -> None:
        """The Stretch now menu: (name, title) pairs; the menu shows the titles and asks for the names."""
        self._stretch_menu.clear()
        for name, title in routines:
            action = self._stretch_menu.addAction(title.replace("&", "&&"))
            action.triggered.connect(lambda _=False, name=name: self.stretch_requested.emit(name))

    def show_starting(self) -> None:
        """The icon before anything else is loaded: an empty ring, the tooltip says it is starting."""
        self._icon.setIcon(ring_icon(0.0, Phase.WORKING))
        self._icon.setToolTip(_("backbreak is starting…"))
        self._icon.show()

    def show(self) -> None:
        """Put the icon in the tray."""
        self._icon.show()

    @Slot(object, float)
    def show_status(self, status: Status, every: float) -> None:
        """Update tooltip, menu line and icon; the icon is redrawn only when what it shows changes."""
        text = status.tooltip()
        self._icon.setToolTip(text)
        self._resume_action.setVisible(status.phase is Phase.PAUSED)
        self._status_action.setText(text)
        progress = progress_of(status, every)
        key = (round(progress * 24), status.phase.value)  # 24 steps are finer than a 24 px ring shows
        if key != self._drawn:
            self._drawn = key
            self._icon.setIcon(ring_icon(progress, status.phase))

    def message(self, title: str, text: str) -> None:
        """A plain notification through the tray (actions come with the notifications module)."""
        self._icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.NoIcon, 15_000)
