"""The settings while backbreak runs: the one object that saves them, and tells everyone who follows them.

Each consumer (the engine, the presence sampler, the theme, start at login, the reminders, an open
settings window) connects to `changed(old, new)` and looks at the part it cares about, as qutebrowser's
config does. A change from the settings window, the welcome, or a hand edit of settings.toml takes
the same way, so every setting applies at once whichever way it came.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from backbreak.core.i18n import N_, _
from backbreak.core.settings import Settings
from backbreak.core.settingsfile import LoadResult, load_settings, save_settings
from backbreak.ports import Clock
from backbreak.runtime.settingswatch import SettingsWatch

log = logging.getLogger(__name__)

REPAIRED = N_("backbreak: settings repaired")


class SettingsStore(QObject):
    """Holds the settings, saves them atomically, and reloads hand edits of the file.

    Signals:
        changed: (old Settings, new Settings) after every change, whoever made it.
        message: (title, body) for the user: a broken file was repaired, or a save failed.
    """

    changed = Signal(object, object)
    message = Signal(str, str)

    def __init__(self, path: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._clock = clock
        self.first_run = not path.exists()
        self.loaded: LoadResult = load_settings(path, clock.now().wall)
        self._settings = self.loaded.settings
        for line in self.loaded.messages(path):
            log.warning("%s", line)
        self._watch = SettingsWatch(path, self)
        self._watch.changed.connect(self.reload)

    @property
    def settings(self) -> Settings:
        """The settings in force."""
        return self._settings

    @property
    def path(self) -> Path:
        """settings.toml."""
        return self._path

    def repair_note(self) -> str:
        """What to tell the user about the file as it was read at start, or ""."""
        return _repair_note(self.loaded, self._path)

    def set(self, settings: Settings) -> None:
        """Apply new settings now and save them (a failed save is said, and they still apply)."""
        if settings == self._settings:
            return
        try:
            save_settings(self._path, settings)
        except OSError as exc:
            log.error("settings could not be saved: %s", exc)
            self.message.emit(
                _("backbreak: settings not saved"), _("They apply until backbreak stops: {error}").format(error=exc)
            )
        self._change(settings)

    def reload(self) -> None:
        """Read settings.toml again after a hand edit; a broken file is kept aside and the user told which key."""
        loaded = load_settings(self._path, self._clock.now().wall)
        for line in loaded.messages(self._path):
            log.warning("%s", line)
        note = _repair_note(loaded, self._path)
        if note:
            self.message.emit(_(REPAIRED), note)
        self._change(loaded.settings)

    def _change(self, settings: Settings) -> None:
        old = self._settings
        if settings != old:
            self._settings = settings
            self.changed.emit(old, settings)


def _repair_note(loaded: LoadResult, path: Path) -> str:
    """What the user is told: a sentence in their language, then the file's problems as the log has them.

    The problems name keys and values as settings.toml writes them, which stay English.
    """
    if not any(problem.fatal for problem in loaded.problems):
        return ""
    lead = _("Some settings could not be used as written, so backbreak uses their defaults:")
    return "\n".join([lead, *loaded.messages(path)])
