"""A small status window for desktops without a tray: the same actions as the tray menu."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backbreak.core.durations import hours_and_minutes, minutes_words
from backbreak.core.i18n import _
from backbreak.core.status import Status


class StatusWindow(QWidget):
    """How long you have been sitting, what comes next, and buttons.

    Signals:
        action: "stretch", "move", "pause-30m", "pause-1h", "pause-2h", "pause-tomorrow", "resume",
            "stats", "settings", "about" or "quit".
    """

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("backbreak")
        self.setAccessibleName(_("backbreak status"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.status = QLabel(_("Starting…"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("Status"))
        layout.addWidget(self.status)
        # Messages that had nowhere else to go (no tray balloon, no notification service).
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(_("Message"))
        self.note.hide()
        layout.addWidget(self.note)
        grid = QGridLayout()
        buttons = (
            ("stretch", _("Stretch now")),
            ("move", _("Move break now")),
            ("pause-30m", _("Pause {time}").format(time=minutes_words(30))),
            ("pause-1h", _("Pause {time}").format(time=hours_and_minutes(1, 0))),
            ("pause-2h", _("Pause {time}").format(time=hours_and_minutes(2, 0))),
            ("pause-tomorrow", _("Pause until tomorrow")),
            ("resume", _("Resume")),
            ("stats", _("Statistics")),
            ("settings", _("Settings")),
            ("about", _("About & safety")),
            ("quit", _("Quit backbreak")),
        )
        for index, (key, text) in enumerate(buttons):
            button = QPushButton(text.replace("&", "&&"))
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, key=key: self.action.emit(key))
            grid.addWidget(button, index // 2, index % 2)
        layout.addLayout(grid)

    def show_status(self, status: Status) -> None:
        """Show the tooltip line."""
        self.status.setText(status.tooltip())

    def show_note(self, title: str, body: str) -> None:
        """Show the latest message under the status line."""
        self.note.setText(f"<b>{html.escape(title)}</b><br>{html.escape(body).replace(chr(10), '<br>')}")
        self.note.show()
