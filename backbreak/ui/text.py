"""Small text helpers shared by the pages that are mostly words (About & safety, the hurt card)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from backbreak.core.i18n import _
from backbreak.core.safety import CAUDA_EQUINA, RED_FLAGS

ALERT = "#b3261e"  # the one place red is allowed: the red-flag text


def text_label(text: str, scale: float = 1.0, bold: bool = False, colour: str = "") -> QLabel:
    """A wrapping, selectable label, optionally larger, bold or coloured."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(label.font())
    font.setPointSizeF(label.font().pointSizeF() * scale)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    if colour:
        label.setStyleSheet(f"color: {colour}; font-weight: 600;")
    return label


def scrolling_column(outer: QLayout, name: str) -> QVBoxLayout:
    """A frameless scroll area added to `outer`; returns the column to fill.

    The area is a tab stop (the arrow keys then scroll it), so it carries a name for screen readers.
    """
    scroll = QScrollArea()
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    content = QWidget()
    column = QVBoxLayout(content)
    column.setSpacing(8)
    scroll.setWidget(content)
    outer.addWidget(scroll)
    return column


def add_red_flags(column: QVBoxLayout) -> None:
    """The signs that need care instead of stretching (stretch-facts.md section 4.3), in our words."""
    for heading, signs in RED_FLAGS:
        column.addWidget(text_label(_(heading), colour=ALERT))
        column.addWidget(text_label("\n".join(f"• {_(sign)}" for sign in signs)))
    column.addWidget(text_label(_(CAUDA_EQUINA)))
