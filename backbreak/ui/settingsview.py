"""The settings window's layout: a list of sections on the left, one page per section on the right.

Each page is one form (labels in one column, fields in the next, so they line up), the section's
"Restore defaults" at its foot, and a vertical scroll bar only where the screen is too short. A page
never scrolls sideways: its scroll area is at least as wide as the page needs.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.settings import Kind
from backbreak.ui.settingsfields import Field
from backbreak.ui.trayicon import ACCENT


class SettingsView(QWidget):
    """Sections and pages. `pages[name]` is a section's content, `restore[name]` its button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = QListWidget()
        self.sections.setAccessibleName("Sections")
        self.sections.setStyleSheet("QListWidget::item { padding: 6px 12px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.restore: dict[str, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sections)
        row.addWidget(self.stack, 1)
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)

    def add_form(self, name: str, fields: Iterable[Field], note: QWidget | None = None) -> QPushButton:
        """A section made of settings: one aligned form, an optional note under it, Restore defaults."""
        column = self._add_page(name)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        for field in fields:
            # A checkbox carries its own words; its row's label stays empty so the box lines up with the fields.
            label = QLabel() if field.spec.kind is Kind.BOOL else QLabel(field.spec.label)
            if label.text():
                label.setBuddy(field.focusables[0])
                _top_align(label, field)
            form.addRow(label, field.box)
        column.addLayout(form)
        if note is not None:
            column.addSpacing(8)
            column.addWidget(note)
        column.addStretch(1)
        button = QPushButton("Restore defaults")
        button.setAccessibleName(f"Restore defaults: {name}")
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(button)
        column.addLayout(foot)
        self.restore[name] = button
        return button

    def add_page(self, name: str, widgets: Iterable[QWidget]) -> None:
        """A section of words and buttons (About)."""
        column = self._add_page(name)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)

    def finish(self) -> None:
        """Size the list to its words and each page's scroll area to its page, then show the first."""
        self.sections.setFixedWidth(self.sections.sizeHintForColumn(0) + 2 * self.sections.frameWidth() + 24)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        for index in range(self.stack.count()):
            scroll = self.stack.widget(index)
            assert isinstance(scroll, QScrollArea)
            content = scroll.widget()
            assert content is not None
            scroll.setMinimumWidth(content.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
        self.sections.setCurrentRow(0)

    def _add_page(self, name: str) -> QVBoxLayout:
        self.sections.addItem(name)
        content = QWidget()
        content.setAccessibleName(name)
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        heading = QLabel(name)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        column.addWidget(heading)
        column.addSpacing(4)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields are the tab stops; it follows them
        scroll.setWidget(content)
        self.stack.addWidget(scroll)
        self.pages[name] = content
        return column


class AccentNote(QLabel):
    """A wrapped line of text on a faint accent ground with an accent bar: the live sentence of a page."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setContentsMargins(14, 10, 10, 10)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            ground = QColor(ACCENT)
            ground.setAlphaF(0.14)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ground)
            painter.drawRoundedRect(QRectF(self.rect()), 6, 6)
            painter.setBrush(ACCENT)
            painter.drawRoundedRect(QRectF(0, 0, 4, self.height()), 2, 2)
        super().paintEvent(event)


def _top_align(label: QLabel, field: Field) -> None:
    """Line the label up with the editor's text, not with the middle of the editor and its hint."""
    label.setFixedHeight(max(field.widget.sizeHint().height(), label.sizeHint().height()))
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
