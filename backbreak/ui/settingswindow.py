"""The settings window, rendered from the settings schema (backbreak/core/settings.py SPECS).

Every valid change applies at once: the window emits the new settings and the settings store saves
them and hands them on. A section per schema group, each with its own Restore defaults, and About.
The break section says in one sentence what the day will look like, and follows every change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from backbreak import __version__
from backbreak.core.dayplan import RoutineChoice, plan_sentence
from backbreak.core.i18n import N_, _
from backbreak.core.settings import GROUPS, SPECS, Settings, Spec, replace_setting
from backbreak.core.statstext import GUIDE_WORDS
from backbreak.ui.settingsfields import Field
from backbreak.ui.settingsview import AccentNote, SettingsView
from backbreak.ui.text import text_label

ABOUT = N_("About")
PREFERRED = QSize(660, 560)
"""The size it opens at when the screen has room (DESIGN.md: about 560 × 640; the sections list adds width)."""


class SettingsWindow(QWidget):
    """Every setting, a section at a time.

    Signals:
        changed: the new Settings after each valid edit.
        about_requested: the About page's button for the full About & safety text.
    """

    changed = Signal(object)
    about_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        routines: Mapping[str, RoutineChoice],
        settings_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`routines` maps each routine's name to how it is offered ("Desk reset · 2 min")."""
        super().__init__(parent)
        self.setWindowTitle(_("Settings · backbreak"))
        self.setAccessibleName(_("backbreak settings"))
        self.settings = settings
        self.fields = {spec.name: Field(spec, routines, self._editor_for(spec)) for spec in SPECS}
        self.plan = AccentNote()
        self.plan.setAccessibleName(_("What the day will look like"))
        self.routine_about = AccentNote()
        self.routine_about.setAccessibleName(_("About this routine"))
        # A section's live line under its form, and what it says for given settings.
        self._notes: dict[str, tuple[AccentNote, Callable[[Settings], str]]] = {
            "Breaks": (self.plan, plan_sentence),
            "Stretching": (
                self.routine_about,
                lambda s: routines[s.stretch.routine].about if s.stretch.routine in routines else "",
            ),
        }
        self.view = SettingsView()
        for group in GROUPS:
            note = self._notes[group][0] if group in self._notes else None
            fields = [field for field in self.fields.values() if field.spec.group == group]
            self.view.add_form(group, fields, note).clicked.connect(lambda _=False, g=group: self.restore(g))
        self.view.add_page(ABOUT, self._about(settings_file))
        self.view.finish()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.show_settings(settings)
        self.resize(self._opening_size())

    def _editor_for(self, spec: Spec) -> Callable[[], None]:
        return lambda: self._edited(spec)

    def show_section(self, name: str) -> None:
        """Turn to a section by its English name ("Breaks", ..., "About")."""
        self.view.sections.setCurrentRow([*GROUPS, ABOUT].index(name))

    def show_settings(self, settings: Settings) -> None:
        """Show these values (also after a hand edit of settings.toml)."""
        self.settings = settings
        for spec in SPECS:
            self.fields[spec.name].set(getattr(getattr(settings, spec.section), spec.key))
        self._say(settings)

    def restore(self, group: str) -> None:
        """Put one section back to the defaults."""
        settings = self.settings
        for spec in SPECS:
            if spec.group == group:
                settings = replace_setting(settings, spec.name, spec.default)
        self.show_settings(settings)
        self.changed.emit(settings)

    def _edited(self, spec: Spec) -> None:
        field = self.fields[spec.name]
        try:
            value = field.get()
        except ValueError as exc:
            field.say(str(exc))
            return
        field.say("")
        updated = replace_setting(self.settings, spec.name, value)
        if updated != self.settings:
            self.settings = updated
            self._say(updated)
            self.changed.emit(updated)

    def _say(self, settings: Settings) -> None:
        for note, words in self._notes.values():
            note.setText(words(settings))
            note.setVisible(bool(note.text()))

    def _about(self, settings_file: Path | None) -> list[QWidget]:
        words = [
            text_label(_("backbreak {version}").format(version=__version__), bold=True),
            text_label(_("A quiet reminder to get up, and short guided stretches. No account, no network.")),
            text_label(_("{guide} No interval has been shown to prevent back pain.").format(guide=_(GUIDE_WORDS))),
        ]
        if settings_file is not None:
            words.append(text_label(_("Settings are saved as you change them, in {file}.").format(file=settings_file)))
        safety = QPushButton(_("About && safety…"))  # && shows one &, as in the tray menu
        safety.setAccessibleName(_("About & safety"))
        safety.clicked.connect(self.about_requested)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 8, 0, 0)
        line.addWidget(safety)
        line.addStretch(1)
        return [*words, row]

    def _opening_size(self) -> QSize:
        """The preferred size, never below what the pages need across, never beyond the screen."""
        need = self.minimumSizeHint()
        room = self.screen().availableGeometry().size() * 0.9
        width = max(need.width(), min(max(PREFERRED.width(), need.width()), room.width()))
        return QSize(width, min(max(PREFERRED.height(), need.height()), room.height()))
