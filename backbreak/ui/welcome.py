"""The first-run welcome: what backbreak does, the safety note, where you stretch, start at login."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.i18n import N_, _
from backbreak.core.safety import FIRST_RUN_NOTE
from backbreak.core.settings import Settings
from backbreak.ui.text import scrolling_column

PLACES = (
    ("desk-2", N_("Seated, at my desk")),
    ("stand-3", N_("Standing, by my desk")),
    ("floor-7", N_("On the floor, on a mat")),
)

ABOUT = N_(
    "backbreak counts how long you have really been sitting: the keyboard and mouse tell it when you are here. "
    "Research suggests breaking up sitting about every 30 minutes. backbreak reminds you to stand up and walk, "
    "and about once an hour it offers a short guided stretch. It lives in the tray and stays quiet otherwise."
)


class WelcomeWindow(QWidget):
    """Shown once, on the first start.

    Signals:
        chosen: the Settings to save (the routine for stretch breaks and start at login).
    """

    chosen = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._done = False
        self.setWindowTitle(_("Welcome to backbreak"))
        self.setAccessibleName(_("Welcome to backbreak"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        heading = QLabel(_("Welcome to backbreak"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        layout.addWidget(heading)
        # The body scrolls when the screen is small (200 % on a laptop leaves about 680 x 380 of room);
        # the heading and Start stay in view.
        body = scrolling_column(layout, _("What backbreak does"))
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(12)
        about = QLabel(_(ABOUT))
        about.setWordWrap(True)
        body.addWidget(about)

        safety = QGroupBox(_("Before you start"))
        safety_layout = QVBoxLayout(safety)
        for point in FIRST_RUN_NOTE:
            line = QLabel(f"• {_(point)}")
            line.setWordWrap(True)
            safety_layout.addWidget(line)
        body.addWidget(safety)

        places = QGroupBox(_("Where do you usually stretch?"))
        places.setAccessibleName(_("Where do you usually stretch?"))
        places_layout = QVBoxLayout(places)
        self.places = QButtonGroup(self)
        for index, (routine, text) in enumerate(PLACES):
            button = QRadioButton(_(text))
            button.setAccessibleName(_(text))
            button.setProperty("routine", routine)
            button.setChecked(routine == settings.stretch.routine or (index == 0 and not self._known_place()))
            self.places.addButton(button, index)
            places_layout.addWidget(button)
        body.addWidget(places)

        self.login = QCheckBox(_("Start backbreak when I log in"))
        self.login.setAccessibleName(_("Start backbreak when I log in"))
        self.login.setChecked(settings.ui.start_at_login)
        body.addWidget(self.login)
        body.addStretch(1)
        self.start = QPushButton(_("Start"))
        self.start.setAccessibleName(_("Start"))
        self.start.setDefault(True)
        self.start.setAutoDefault(True)
        self.start.clicked.connect(self.accept)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignRight)
        self.setTabOrder(self.login, self.start)
        # The keyboard starts on the place question (Up/Down choose, Enter starts), not on the scroll
        # area, which comes after Start in the tab order for scrolling the text on a small screen.
        first = self.places.checkedButton() or self.places.button(0)
        first.setFocus()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """About 560 wide and as tall as the words need, but never beyond the screen it opens on."""
        # A scroll area's size hint knows nothing of how tall its wrapped words get at a given width, so
        # the body is measured at the width it will have: German runs three lines longer than English.
        scroll = self.findChild(QScrollArea)
        content = scroll.widget() if scroll is not None else None
        body = content.layout() if content is not None else None
        outer = self.layout()
        height = self.sizeHint().height()
        if scroll is not None and body is not None and outer is not None:
            margins = outer.contentsMargins()
            inner = 560 - margins.left() - margins.right() - 2 * scroll.frameWidth()
            height += max(0, body.totalHeightForWidth(inner) - scroll.sizeHint().height())
        wanted = QSize(560, height)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.92
            wanted = wanted.boundedTo(room)
        self.resize(wanted)

    def _known_place(self) -> bool:
        return self._settings.stretch.routine in {routine for routine, _ in PLACES}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        else:
            super().keyPressEvent(event)

    def choice(self) -> Settings:
        """The settings with the user's answers."""
        checked = self.places.checkedButton()
        routine = str(checked.property("routine")) if checked is not None else self._settings.stretch.routine
        return dataclasses.replace(
            self._settings,
            stretch=dataclasses.replace(self._settings.stretch, routine=routine),
            ui=dataclasses.replace(self._settings.ui, start_at_login=self.login.isChecked()),
        )

    def accept(self) -> None:
        """Keep the answers and close."""
        if not self._done:
            self._done = True
            self.chosen.emit(self.choice())
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Closing without an answer keeps the defaults, and the welcome does not come back.
        if not self._done:
            self._done = True
            self.chosen.emit(self.choice())
        super().closeEvent(event)
