"""About & safety: what backbreak is, the safety note, who should check first, the red flags, the log.

The log's path is there because it is the first thing to look at, or to attach, when something went wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from backbreak import __version__, paths
from backbreak.core.safety import CHECK_FIRST, GENERAL_NOTE
from backbreak.ui.text import add_red_flags, scrolling_column, text_label


class AboutWindow(QWidget):
    """A plain, scrollable page; Esc or Close shuts it."""

    def __init__(self, parent: QWidget | None = None, log_file: Path | None = None) -> None:
        super().__init__(parent)
        log_file = log_file or paths.log_file()
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
        column.addWidget(text_label("When something goes wrong", 1.3, bold=True))
        column.addWidget(
            text_label(f'The log is {log_file}. The command "backbreak doctor" tells what this desktop offers.')
        )
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
