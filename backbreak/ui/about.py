"""About & safety: what backbreak is, the full safety note, who should check first, and the red flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from backbreak import __version__
from backbreak.core.safety import CAUDA_EQUINA, CHECK_FIRST, GENERAL_NOTE, RED_FLAGS
from backbreak.ui.stretch.panels import ALERT


def _label(text: str, scale: float = 1.0, bold: bool = False, colour: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(label.font())
    font.setPointSizeF(label.font().pointSizeF() * scale)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


class AboutWindow(QWidget):
    """A plain, scrollable page; Esc or Close shuts it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About & safety · backbreak")
        self.setAccessibleName("About and safety")
        self.resize(560, 640)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(8)
        layout.addWidget(_label(f"backbreak {__version__}", 1.6, bold=True))
        layout.addWidget(_label("A quiet reminder to get up, and short guided stretches. No account, no network."))
        layout.addWidget(_label("Safety", 1.3, bold=True))
        for paragraph in GENERAL_NOTE:
            layout.addWidget(_label(paragraph))
        layout.addWidget(_label("Check with a clinician first, or use the changes given", 1.3, bold=True))
        for group, advice in CHECK_FIRST:
            layout.addWidget(_label(group, bold=True))
            layout.addWidget(_label(advice))
        layout.addWidget(_label("When to get help instead of stretching", 1.3, bold=True))
        for heading, signs in RED_FLAGS:
            layout.addWidget(_label(heading, bold=True, colour=ALERT))
            layout.addWidget(_label("\n".join(f"• {sign}" for sign in signs)))
        layout.addWidget(_label(CAUDA_EQUINA))
        layout.addStretch(1)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
