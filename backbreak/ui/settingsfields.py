"""One editor per kind of setting, made from its spec (backbreak/core/settings.py), never from its name.

Durations are spin boxes in the spec's unit and offered range, times are time editors, days are seven
toggle buttons, choices are lists. Spin boxes apply a typed number on Enter or on leaving the field,
not at every keystroke, so typing "45" never saves a 4 on the way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTime
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.calendarwords import weekdays, weekdays_short
from backbreak.core.dayplan import RoutineChoice
from backbreak.core.i18n import _, n_
from backbreak.core.settings import WEEKDAYS, Kind, Spec
from backbreak.ui.daytoggle import DayToggle

EDITOR_EMS = 9.0
"""Spin boxes, time editors and lists are at least this many font widths of M wide."""


class Field:
    """One setting's editor, with its hint and a line for a problem.

    `box` holds all three for the form; `widget` is the editor itself (for days, the row of buttons);
    `focusables` are what the keyboard stops on.
    """

    def __init__(self, spec: Spec, routines: Mapping[str, RoutineChoice], on_edit: Callable[[], None]) -> None:
        self.spec = spec
        self.buttons: list[QPushButton] = []
        self.widget = _editor(spec, routines, on_edit, self.buttons)
        self.widget.setAccessibleName(_(spec.label))
        self.box = QWidget()
        # The box takes the field column's width, so a hint wraps there; the editor keeps its own width.
        self.box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(self.box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.widget, 0, Qt.AlignmentFlag.AlignLeft)
        # Made inside the box: shown or hidden before they had a parent, they would be windows of their own.
        self.hint = QLabel(_(spec.hint) if spec.hint else "", self.box)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.hint)
        self.hint.setHidden(not spec.hint)
        if spec.hint:
            self.widget.setAccessibleDescription(_(spec.hint))
        self.problem = QLabel(self.box)
        self.problem.setWordWrap(True)
        column.addWidget(self.problem)
        self.problem.hide()

    @property
    def focusables(self) -> list[QWidget]:
        """The widgets Tab stops on for this setting."""
        return list(self.buttons) or [self.widget]

    def set(self, value: Any) -> None:
        """Show `value` without reporting an edit."""
        for widget in [self.widget, *self.buttons]:
            widget.blockSignals(True)
        try:
            _show(self, value)
        finally:
            for widget in [self.widget, *self.buttons]:
                widget.blockSignals(False)
        self.say("")

    def get(self) -> Any:
        """The typed value, or raise ValueError saying what is wrong."""
        widget = self.widget
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value() * (self.spec.unit if self.spec.kind is Kind.DURATION else 1)
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QTimeEdit):
            return dt.time(widget.time().hour(), widget.time().minute())
        days = tuple(day for button, day in zip(self.buttons, WEEKDAYS, strict=True) if button.isChecked())
        if not days:
            raise ValueError(_("Choose at least one day."))
        return days

    def say(self, problem: str) -> None:
        """Show a problem under the field (amber, never red), or hide it with ""."""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if problem:  # coloured as it shows, for the palette in use then (a style sheet per field is slow)
            palette = self.problem.palette()
            dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#e9a23b" if dark else "#8a5a00"))
            self.problem.setPalette(palette)
        self.widget.setAccessibleDescription(problem or (_(self.spec.hint) if self.spec.hint else ""))


def _editor(
    spec: Spec, routines: Mapping[str, RoutineChoice], on_edit: Callable[[], None], buttons: list[QPushButton]
) -> QWidget:
    kind = spec.kind
    if kind is Kind.BOOL:
        box = QCheckBox(_(spec.label))
        box.toggled.connect(on_edit)
        return box
    if kind in (Kind.DURATION, Kind.INT):
        spin = QSpinBox()
        unit = spec.unit if kind is Kind.DURATION else 1
        spin.setRange((spec.offer_min or 0) // unit, (spec.offer_max or 0) // unit)
        spin.setSingleStep(spec.step if kind is Kind.DURATION else 1)
        spin.setSuffix(unit_suffix(unit) if kind is Kind.DURATION else "")
        spin.setSpecialValueText(_(spec.special) if spec.special else "")
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        spin.valueChanged.connect(on_edit)
        return _guarded(spin, EDITOR_EMS)
    if kind in (Kind.CHOICE, Kind.TEXT):
        combo = QComboBox()
        choices = dict(zip(spec.choices, spec.choice_labels or spec.choices, strict=True))
        if kind is Kind.TEXT:
            choices = {name: routine.label for name, routine in routines.items()}
        for value, label in choices.items():
            combo.addItem(_(label) if kind is Kind.CHOICE else label, value)
        combo.currentIndexChanged.connect(on_edit)
        return _guarded(combo, EDITOR_EMS)
    if kind is Kind.TIME:
        time_edit = QTimeEdit()
        time_edit.setDisplayFormat("HH:mm")
        time_edit.setKeyboardTracking(False)
        time_edit.timeChanged.connect(on_edit)
        return _guarded(time_edit, EDITOR_EMS)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for short, name in zip(weekdays_short(), weekdays(), strict=True):
        button = DayToggle(short)
        button.setAccessibleName(name)
        button.toggled.connect(on_edit)
        layout.addWidget(button)
        buttons.append(button)
    layout.addStretch(1)
    return row


def unit_suffix(unit: int) -> str:
    """What follows the number in a duration's spin box: " min", " s" (as the language writes "5 min")."""
    # The same words as the durations everywhere else, less the number ("{n} min" -> " min", "{n}分" -> "分").
    template = n_("{n} min", "{n} min", 5) if unit == 60 else n_("{n} s", "{n} s", 5)
    return template.replace("{n}", "", 1)


def _show(field: Field, value: Any) -> None:
    widget, spec = field.widget, field.spec
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        shown = int(value) // (spec.unit if spec.kind is Kind.DURATION else 1)
        # A hand-edited file may hold a value outside the offered range: show it as it is, not clamped.
        widget.setRange(min(widget.minimum(), shown), max(widget.maximum(), shown))
        widget.setValue(shown)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:  # a routine that is no longer there (its file was removed): say so, keep it chosen
            widget.addItem(_("{routine} (not found)").format(routine=value), value)
            index = widget.count() - 1
        widget.setCurrentIndex(index)
    elif isinstance(widget, QTimeEdit):
        widget.setTime(QTime(value.hour, value.minute))
    else:
        for button, day in zip(field.buttons, WEEKDAYS, strict=True):
            button.setChecked(day in value)


class _WheelGuard(QObject):
    """A wheel turned over an unfocused spin box or list scrolls the page instead of changing the value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored, so Qt hands it on to the page, which scrolls
            return True
        return False


def _guarded(widget: QAbstractSpinBox | QComboBox, ems: float) -> QWidget:
    # One width for every editor of a page, so the column reads as a column, whatever each range is.
    # Never below what it needs to show its longest entry, which a long language makes wider than the column.
    column = round(widget.fontMetrics().horizontalAdvance("M") * ems)
    widget.setMinimumWidth(max(column, widget.minimumSizeHint().width()))
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: a wheel passing over takes no focus
    widget.installEventFilter(_WheelGuard(widget))
    return widget
