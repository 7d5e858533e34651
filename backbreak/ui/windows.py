"""The window keeper: opens each window when first asked, raises it when asked again, forgets it closed.

A tray app spends its day with no window showing, so none is made before it is wanted.

It also carries the break window's reports to the engine (steps, pauses, how it ended), and closes a
break window whose break the engine ended by itself (forgotten past its timeout), so the window and
the engine never disagree about whether a break is running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from backbreak.core.dayplan import RoutineChoice, routine_choice
from backbreak.core.events import BreakEnded, Event, OpenBreak, Outcome, Phase, RoutinePaused, RoutineResumed, StepShown
from backbreak.core.routines import MOVE_ROUTINE, Routine, with_move_length
from backbreak.core.routinewords import translated
from backbreak.core.settings import Settings
from backbreak.core.status import Status
from backbreak.ports import Clock, Timers
from backbreak.runtime.statistics import Statistics
from backbreak.ui.theme import system_prefers_reduced_motion

if TYPE_CHECKING:
    from backbreak.runtime.settingsstore import SettingsStore
    from backbreak.ui.statuswindow import StatusWindow
    from backbreak.ui.stretch.window import StretchWindow

log = logging.getLogger(__name__)


class WindowKeeper(QObject):
    """Opens, raises and forgets the app's windows.

    Signals:
        action: a button of the status window ("stretch", "pause-1h", "settings"...).
    """

    action = Signal(str)

    def __init__(
        self,
        store: SettingsStore,
        routines: dict[str, Routine],
        stats: Statistics,
        clock: Clock,
        timers: Timers,
        send: Callable[[Event], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._routines = routines
        self.stats = stats
        self._clock = clock
        self._timers = timers
        self._send = send
        self.open: dict[str, QWidget] = {}
        self.running: StretchWindow | None = None  # the break window whose break the engine runs
        self.status_window: StatusWindow | None = None

    # ------------------------------------------------------------------ the break window
    def open_break(self, effect: OpenBreak) -> None:
        """The stretch (or move) window, centred on the screen with the mouse."""
        from backbreak.ui.stretch.window import StretchWindow

        settings = self._store.settings
        routine = translated(with_move_length(self._routines[effect.routine], settings.move.length))
        reduced = settings.ui.reduced_motion or system_prefers_reduced_motion()
        window = StretchWindow(routine, lambda: self._clock.now().mono, reduced, self.stats.today_line, self._timers)
        window.finished.connect(lambda outcome: self._break_finished(window, outcome))
        window.step_shown.connect(lambda step: self._report(window, StepShown(step)))
        window.paused_changed.connect(
            lambda paused: self._report(window, RoutinePaused() if paused else RoutineResumed())
        )
        self.running = window
        self._keep("break", window)
        window.open_near_mouse()

    def phase_changed(self, phase: Phase) -> None:
        """A break the engine ended by itself (its window forgotten past the timeout) closes its window."""
        if phase is not Phase.ON_BREAK and self.running is not None:
            window, self.running = self.running, None
            log.info("the break timed out; its window closes")
            window.close()

    def _report(self, window: StretchWindow, event: Event) -> None:
        if window is self.running:
            self._send(event)

    def _break_finished(self, window: StretchWindow, outcome: Outcome) -> None:
        if window is self.running:
            self.running = None
            self._send(BreakEnded(outcome))

    # ------------------------------------------------------------------ the other windows
    def show_settings(self) -> None:
        """The settings window; each valid change applies and is saved at once."""
        from backbreak.ui.settingswindow import SettingsWindow

        window = self.open.get("settings")
        if not isinstance(window, SettingsWindow):
            window = SettingsWindow(self._store.settings, routine_choices(self._routines), self._store.path)
            window.changed.connect(self._store.set)
            window.about_requested.connect(self.show_about)
            self._keep("settings", window)
        window.show_settings(self._store.settings)
        _bring_up(window)

    def settings_changed(self, old: Settings, new: Settings) -> None:
        """An open settings window shows what changed elsewhere (a hand edit of the file)."""
        from backbreak.ui.settingswindow import SettingsWindow

        window = self.open.get("settings")
        if isinstance(window, SettingsWindow):
            window.show_settings(new)

    def show_stats(self) -> None:
        """Statistics from the history."""
        from backbreak.ui.statswindow import StatsWindow

        if not self._raise("stats"):
            _bring_up(self._keep("stats", StatsWindow(self.stats.page)))

    def show_about(self) -> None:
        """About & safety."""
        from backbreak.ui.about import AboutWindow

        if not self._raise("about"):
            _bring_up(self._keep("about", AboutWindow()))

    def welcome(self) -> None:
        """The first-run welcome; its answers are saved and apply at once."""
        from backbreak.ui.welcome import WelcomeWindow

        window = WelcomeWindow(self._store.settings)
        window.chosen.connect(self._store.set)
        _bring_up(self._keep("welcome", window))

    def show_status_window(self, status: Status) -> StatusWindow:
        """The small window with the tray menu's actions (where there is no tray, or asked for)."""
        from backbreak.ui.statuswindow import StatusWindow

        if self.status_window is None:
            self.status_window = StatusWindow()
            self.status_window.action.connect(self.action)
        self.status_window.show_status(status)
        self.status_window.show()
        self.status_window.raise_()
        return self.status_window

    def language_changed(self, status: Status) -> None:
        """The language changed: the settings, statistics and About windows open again in it, where they were.

        A break in progress and the welcome keep their words: reopening them would lose where the user is.
        """
        from backbreak.ui.settingswindow import SettingsWindow

        reopen = {"settings": self.show_settings, "stats": self.show_stats, "about": self.show_about}
        for name, show in reopen.items():
            window = self.open.pop(name, None)  # forgotten first: closing only deletes it later
            if window is None:
                continue
            place = window.geometry()
            section = window.view.sections.currentRow() if isinstance(window, SettingsWindow) else -1
            window.close()
            show()
            again = self.open[name]
            again.setGeometry(place)
            if isinstance(again, SettingsWindow) and section >= 0:
                again.view.sections.setCurrentRow(section)  # where the user was: the language row
        if self.status_window is not None:
            shown = self.status_window.isVisible()
            self.status_window.close()
            self.status_window.deleteLater()
            self.status_window = None
            if shown:
                self.show_status_window(status)

    def close_all(self) -> None:
        """The app stops: every window closes (a running break ends as stopped, and is recorded so)."""
        for window in list(self.open.values()):
            window.close()
        if self.status_window is not None:
            self.status_window.close()

    def _raise(self, name: str) -> QWidget | None:
        window = self.open.get(name)
        if window is not None:
            _bring_up(window)
        return window

    def _keep(self, name: str, window: QWidget) -> QWidget:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open[name] = window
        window.destroyed.connect(lambda: self.open.pop(name) if self.open.get(name) is window else None)
        return window


def routine_choices(routines: dict[str, Routine]) -> dict[str, RoutineChoice]:
    """The routines a stretch break can run, shortest first, by the words they go by: "Desk reset · 2 min"."""
    chosen = sorted(
        (translated(r) for r in routines.values() if r.name != MOVE_ROUTINE), key=lambda r: (r.total, r.title)
    )
    return {routine.name: routine_choice(routine) for routine in chosen}


def _bring_up(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
