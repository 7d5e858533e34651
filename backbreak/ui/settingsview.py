"""The settings window's layout: a list of sections on the left, one page per section on the right.

Each page is one form (labels in one column, fields in the next, so they line up), the section's
"Restore defaults" at its foot, and a vertical scroll bar only where the screen is too short. A page
never scrolls sideways: its scroll area is at least as wide as the page needs.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.i18n import _
from backbreak.core.settings import Kind
from backbreak.ui.settingsfields import Field
from backbreak.ui.trayicon import ACCENT


class SettingsView(QWidget):
    """Sections and pages. `pages[name]` is a section's content, `restore[name]` its button.

    Sections are named in English (the schema's groups) and shown translated.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = QListWidget()
        self.sections.setAccessibleName(_("Sections"))
        # Room round each name from a delegate, not a style sheet: a widget with a style sheet keeps the
        # palette it had, so the list would stay light when the theme turns dark with the window open.
        self.sections.setItemDelegate(_RoomyItem(self.sections))
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
        # Where a long language's label and its field do not fit side by side (German at 200 %), the field
        # goes under its label instead of pushing the window wider than the screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(12)
        for field in fields:
            if field.spec.kind is Kind.BOOL:
                # A checkbox carries its own words. An empty, sizeless label lines its box up with the
                # fields; when a long language's box goes under it (WrapLongRows), it leaves no blank line.
                spacer = QWidget()
                spacer.setFixedSize(0, 0)
                form.addRow(spacer, field.box)
                continue
            label = QLabel(_(field.spec.label))
            label.setBuddy(field.focusables[0])
            _top_align(label, field)
            form.addRow(label, field.box)
        column.addLayout(form)
        if note is not None:
            column.addSpacing(8)
            column.addWidget(note)
        column.addStretch(1)
        button = QPushButton(_("Restore defaults"))
        button.setAccessibleName(_("Restore defaults: {section}").format(section=_(name)))
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
        self.sections.addItem(_(name))
        content = QWidget()
        content.setAccessibleName(_(name))
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        heading = QLabel(_(name))
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


class _RoomyItem(QStyledItemDelegate):
    """A list item with 12 px either side of its words and 6 px above and below."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, size.height() + 12)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        words, item.text = item.text, ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(item.palette.color(role))
        painter.drawText(item.rect.adjusted(12, 0, -12, 0), int(Qt.AlignmentFlag.AlignVCenter), words)


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
