"""Every window and card backbreak shows, opened one after another, and what each shows in words.

Used by the pseudo-language tests (in process at 100 %, and by tests/qt/pseudo_scaled.py at 200 %) and by
the screenshots for review (tests/qt/language_shots.py). `each_view` opens a window in a given state, hands
it to the caller, and closes it; `visible_texts` reads every word a person can see or hear on it: labels,
buttons, tabs, lists, the current choice of a list, window titles, tooltips, accessible names and
descriptions, and the words the charts and the hold ring paint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from backbreak.core.durations import humanize
from backbreak.core.events import BreakKind, Phase, ShowDue
from backbreak.core.i18n import _
from backbreak.core.routines import Routine, builtin_folder, load_routines
from backbreak.core.routinewords import translated
from backbreak.core.settings import Settings
from backbreak.core.status import NextBreak, Status
from backbreak.ui.about import AboutWindow
from backbreak.ui.card import ReminderCard
from backbreak.ui.chartbase import PickableChart
from backbreak.ui.reminders import due_text
from backbreak.ui.settingswindow import SettingsWindow
from backbreak.ui.statswindow import StatsWindow
from backbreak.ui.statuswindow import StatusWindow
from backbreak.ui.stretch.ring import HoldRing
from backbreak.ui.stretch.window import StretchWindow
from backbreak.ui.welcome import WelcomeWindow
from backbreak.ui.windows import routine_choices
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QMenu,
    QTabBar,
    QWidget,
)

from tests.qt.windowchecks import SECTIONS, settle
from tests.statsdata import HISTORIES, loader

ROUTINES = load_routines([builtin_folder()]).routines
LOG = Path("/home/you/.local/state/backbreak/log/backbreak.log")
SETTINGS_FILE = Path("/home/you/.config/backbreak/settings.toml")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Clock:
    """The stretch window's monotonic clock, moved by hand."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


View = tuple[str, QWidget]
"""A name for the view ("settings-breaks", "stretch-desk-2-chin-tuck") and its window."""


def each_view(routines: tuple[str, ...] = ("desk-2", "stand-3", "floor-7", "flare-4", "move")) -> Iterator[View]:
    """Every window and card, in each of its states worth reading; each is closed when the caller moves on."""
    yield from _welcome_and_about()
    yield from _settings()
    yield from _statistics()
    yield from _reminders()
    for name in routines:
        yield from _stretch(ROUTINES[name])


def _shown(name: str, window: QWidget) -> Iterator[View]:
    settle(window)
    yield name, window


def _welcome_and_about() -> Iterator[View]:
    welcome = WelcomeWindow(Settings())
    yield from _shown("welcome", welcome)
    welcome.hide()  # not closed: closing it answers it
    welcome.deleteLater()
    about = AboutWindow(log_file=LOG)
    about.resize(560, 640)
    yield from _shown("about", about)
    about.close()


def _settings() -> Iterator[View]:
    window = SettingsWindow(Settings(), routine_choices(ROUTINES), SETTINGS_FILE)
    for section in SECTIONS:
        window.show_section(section)
        yield from _shown(f"settings-{section.lower().replace(' ', '-')}", window)
    window.close()


def _statistics() -> Iterator[View]:
    for history in ("busy-month", "empty"):
        window = StatsWindow(loader(HISTORIES[history]()))
        for index in range(window.span.count()):
            window.span.setCurrentIndex(index)
            window.chart.pick(window.chart.count() - 1 if history == "busy-month" else -1)
            yield from _shown(f"stats-{history}-{window.span.tabData(index)}d", window)
        window.close()


def _reminders() -> Iterator[View]:
    card = ReminderCard()
    settings = Settings()
    for kind, routine in ((BreakKind.STRETCH, "desk-2"), (BreakKind.MOVE, "move")):
        title, body = due_text(ShowDue(kind, routine, 3), settings, (translated(ROUTINES[routine]).title, 124.0))
        card.present(title, body, _("Snooze {time}").format(time=humanize(300)), True, True)
        yield from _shown(f"card-{kind.value}", card)
    card.close()
    status = StatusWindow()
    status.show_status(Status(Phase.WORKING, 23 * 60, NextBreak(BreakKind.STRETCH, 27 * 60), None, 3, None))
    yield from _shown("status-window", status)
    status.close()


def _stretch(routine: Routine) -> Iterator[View]:
    """The first card, a card of each step while it holds or counts, the end card and the hurt card."""
    for ending in ("end", "hurt"):
        clock = Clock()
        window = StretchWindow(translated(routine), clock)
        window.open_near_mouse()
        if ending == "end":
            for index, step in enumerate(window.routine.steps):
                _walk_to(window, clock, index)
                clock.now += min(step.seconds * 0.6, 14.0)  # into the hold or the counting
                window.tick()
                for animation in window._animations:
                    animation.setCurrentTime(animation.duration())
                yield from _shown(f"stretch-{routine.name}-{step.id}", window)
            for _ in window.routine.steps:
                window.next()
        else:
            window.hurt()
        window.tick()
        yield from _shown(f"stretch-{routine.name}-{ending}", window)
        window.close()


def _walk_to(window: StretchWindow, clock: Clock, index: int) -> None:
    while window.player.at(clock()).step < index:
        window.next()


def visible_texts(window: QWidget) -> list[str]:
    """Every word shown or spoken on `window` as it is now (HTML tags left out)."""
    found = [window.windowTitle(), window.accessibleName(), window.accessibleDescription()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        found += _words_of(widget)
    return [_TAGS.sub(" ", text) for text in found if text]


def _words_of(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QComboBox):
        return [widget.currentText()]
    if isinstance(widget, QAbstractSpinBox):
        return [widget.text()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(index) for index in range(widget.count())]
    if isinstance(widget, QListWidget):
        return [widget.item(index).text() for index in range(widget.count())]
    if isinstance(widget, PickableChart):
        return [text for text, _box in widget.texts]
    if isinstance(widget, HoldRing):
        return [widget.caption, widget.small]
    return []


def menu_texts(menu: QMenu) -> list[str]:
    """Every entry of a menu and its submenus."""
    found = []
    for action in menu.actions():
        found.append(action.text())
        if action.menu() is not None:
            found += menu_texts(action.menu())
    return [text for text in found if text]
