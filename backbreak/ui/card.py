"""The reminder card: after the snooze limit, a calm card centred on the screen with the mouse.

Not modal, and shown without taking the keyboard from whatever the user is typing in; a click on it
(or on one of its buttons) is all it needs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor, QFont, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backbreak.core.i18n import _


class ReminderCard(QWidget):
    """Start, Snooze, Skip.

    Signals:
        chosen: "start", "snooze" or "skip".
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(_("backbreak: time for a break"))
        self.setAccessibleName(_("Break reminder"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.body = QLabel()
        self.body.setWordWrap(True)
        layout.addWidget(self.body)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("start", _("Start")), ("snooze", _("Snooze")), ("skip", _("Skip"))):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, key=key: self._choose(key))
            self.buttons[key] = button
            row.addWidget(button)
        layout.addLayout(row)

    def present(self, title: str, body: str, snooze_label: str, can_snooze: bool, can_skip: bool) -> None:
        """Fill in the card and show it centred on the screen with the mouse, without taking focus."""
        self.title.setText(title)
        self.body.setText(body)
        self.buttons["snooze"].setText(snooze_label)
        self.buttons["snooze"].setVisible(can_snooze)
        self.buttons["skip"].setVisible(can_skip)
        self.adjustSize()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            frame = self.frameGeometry()
            frame.moveCenter(screen.availableGeometry().center())
            self.move(frame.topLeft())
        self.show()

    def _choose(self, key: str) -> None:
        self.hide()
        self.chosen.emit(key)
