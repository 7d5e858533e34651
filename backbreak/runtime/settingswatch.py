"""Notices hand edits of settings.toml while backbreak runs.

The folder is watched as well as the file: an atomic save (ours, or an editor's) replaces the file,
and a watch on the old file would be lost. Editors write in bursts (truncate, write, rename), so the
file is read once it has been quiet for a moment.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from backbreak.runtime.timers import single_shot

SETTLE_MS = 300


class SettingsWatch(QObject):
    """Emits `changed` a moment after settings.toml (or its folder) changed.

    Signals:
        changed: the settings file may have new content.
    """

    changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._watch = QFileSystemWatcher(self)
        self._watch.addPath(str(path.parent))
        self._settle = single_shot(self, self._settled)
        self._watch.directoryChanged.connect(lambda _path: self._settle.start(SETTLE_MS))
        self._watch.fileChanged.connect(lambda _path: self._settle.start(SETTLE_MS))
        self._follow_file()

    def _follow_file(self) -> None:
        if self._path.exists() and str(self._path) not in self._watch.files():
            self._watch.addPath(str(self._path))

    def _settled(self) -> None:
        self._follow_file()
        if self._path.exists():
            self.changed.emit()
