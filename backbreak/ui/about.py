"""About & safety: what backbreak is, the full safety note, who should check first, and the red flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from backbreak import __version__
from backbreak.core.safety import CHECK_FIRST, GENERAL_NOTE
from backbreak.ui.text import add_red_flags, scrolling_column, text_label


class AboutWindow(QWidget):
    """A plain, scrollable page; Esc or Close shuts it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About & safety · backbreak")
        self.setAccessibleName("About and safety")
        self.resize(560, 640)
        outer = QVBoxLayout(self)
        column = scrolling_column(outer, "About and safety text")
        column.addWidget(text_label(f"backbreak {__version__}", 1.6, bold=True))
        column.addWidget(text_label("A quiet reminder to get up, and short guided stretches. No account, no network."))
        column.addWidget(text_label("Safety", 1.3, bold=True))
        for paragraph in GENERAL_NOTE:
            column.addWidget(text_label(paragraph))
        column.addWidget(text_label("Check with a clinician first, or use the changes given", 1.3, bold=True))
        for group, advice in CHECK_FIRST:
            column.addWidget(text_label(group, bold=True))
            column.addWidget(text_label(advice))
        column.addWidget(text_label("When to get help instead of stretching", 1.3, bold=True))
        add_red_flags(column)
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
