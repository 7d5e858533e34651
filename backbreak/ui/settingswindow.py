"""The settings window, rendered from the settings schema (backbreak/core/settings.py SPECS).

Every change that is valid applies at once (the app saves it atomically and hands it to the engine);
a value outside the offered range says so beside the field and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from backbreak.core.durations import DurationError, format_duration, parse_duration
from backbreak.core.settings import SPECS, WEEKDAYS, Kind, Settings, Spec, replace_setting

WARN = "#9a6700"  # amber text for a field that needs fixing; never alarm red


class _Field:
    """One setting's editor: reads and writes a typed value, reports a problem."""

    def __init__(self, spec: Spec, routines: list[str], on_edit: Callable[[], None]) -> None:
        self.spec = spec
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {WARN};")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.widget: QWidget
        self._days: list[QCheckBox] = []
        kind = spec.kind
        if kind is Kind.BOOL:
            box = QCheckBox()
            box.toggled.connect(on_edit)
            self.widget = box
        elif kind is Kind.DURATION:
            line = QLineEdit()
            line.setPlaceholderText('like "25m", "45s" or "1h30m"')
            line.editingFinished.connect(on_edit)
            self.widget = line
        elif kind is Kind.INT:
            spin = QSpinBox()
            spin.setRange(spec.offer_min or 0, spec.offer_max or 99)
            spin.valueChanged.connect(on_edit)
            self.widget = spin
        elif kind in (Kind.CHOICE, Kind.TEXT):
            combo = QComboBox()
            combo.addItems(list(spec.choices) if kind is Kind.CHOICE else routines)
            combo.currentTextChanged.connect(on_edit)
            self.widget = combo
        elif kind is Kind.TIME:
            time_edit = QTimeEdit()
            time_edit.setDisplayFormat("HH:mm")
            time_edit.timeChanged.connect(on_edit)
            self.widget = time_edit
        else:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            for day in WEEKDAYS:
                box = QCheckBox(day[:2].capitalize())
                box.setAccessibleName(f"{spec.label}: {day}")
                box.toggled.connect(on_edit)
                layout.addWidget(box)
                self._days.append(box)
            self.widget = row
        self.widget.setAccessibleName(spec.label)
        if spec.hint:
            self.widget.setToolTip(spec.hint)

    def set(self, value: Any) -> None:
        """Show `value` without reporting an edit."""
        self.widget.blockSignals(True)
        for box in self._days:
            box.blockSignals(True)
        kind = self.spec.kind
        if isinstance(self.widget, QCheckBox):
            self.widget.setChecked(bool(value))
        elif isinstance(self.widget, QLineEdit):
            self.widget.setText(format_duration(int(value)))
        elif isinstance(self.widget, QSpinBox):
            self.widget.setValue(int(value))
        elif isinstance(self.widget, QComboBox):
            if self.widget.findText(str(value)) < 0:
                self.widget.addItem(str(value))
            self.widget.setCurrentText(str(value))
        elif isinstance(self.widget, QTimeEdit):
            self.widget.setTime(QTime(value.hour, value.minute))
        elif kind is Kind.DAYS:
            for box, day in zip(self._days, WEEKDAYS, strict=True):
                box.setChecked(day in value)
        for box in self._days:
            box.blockSignals(False)
        self.widget.blockSignals(False)
        self.problem.hide()

    def get(self) -> Any:
        """The typed value, or raise ValueError saying what is wrong."""
        spec = self.spec
        if isinstance(self.widget, QCheckBox):
            return self.widget.isChecked()
        if isinstance(self.widget, QLineEdit):
            try:
                seconds = parse_duration(self.widget.text())
            except DurationError as exc:
                raise ValueError(str(exc)) from None
            low, high = spec.offer_min or 0, spec.offer_max
            if seconds < low or (high is not None and seconds > high):
                top = format_duration(high) if high is not None else "any"
                raise ValueError(f"Choose between {format_duration(low)} and {top}.")
            return seconds
        if isinstance(self.widget, QSpinBox):
            return self.widget.value()
        if isinstance(self.widget, QComboBox):
            return self.widget.currentText()
        if isinstance(self.widget, QTimeEdit):
            edited = self.widget.time()
            return dt.time(edited.hour(), edited.minute())
        days = tuple(day for box, day in zip(self._days, WEEKDAYS, strict=True) if box.isChecked())
        if not days:
            raise ValueError("Choose at least one day.")
        return days


class SettingsWindow(QWidget):
    """Every setting, grouped, each group with Restore defaults.

    Signals:
        changed: the new Settings after each valid edit.
    """

    changed = Signal(object)

    def __init__(self, settings: Settings, routines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings · backbreak")
        self.setAccessibleName("backbreak settings")
        self.settings = settings
        self.fields: dict[str, _Field] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        content = QWidget()
        column = QVBoxLayout(content)
        for group in dict.fromkeys(spec.group for spec in SPECS):
            box = QGroupBox(group)
            box.setAccessibleName(group)
            form = QFormLayout(box)
            for spec in (spec for spec in SPECS if spec.group == group):
                field = _Field(spec, routines, self._editor_for(spec))
                self.fields[spec.name] = field
                label = QLabel(spec.label + (" " + _unit(spec) if _unit(spec) else ""))
                label.setBuddy(field.widget)
                form.addRow(label, field.widget)
                form.addRow("", field.problem)
            restore = QPushButton("Restore defaults")
            restore.setAccessibleName(f"Restore defaults: {group}")
            restore.clicked.connect(lambda _=False, group=group: self.restore(group))
            form.addRow("", restore)
            column.addWidget(box)
        column.addStretch(1)
        scroll.setWidget(content)
        outer.addWidget(scroll)
        self.show_settings(settings)
        self.resize(560, 640)

    def _editor_for(self, spec: Spec) -> Callable[[], None]:
        return lambda: self._edited(spec)

    def show_settings(self, settings: Settings) -> None:
        """Show these values (also after a hand edit of settings.toml)."""
        self.settings = settings
        for name, field in self.fields.items():
            section, key = name.split(".")
            field.set(getattr(getattr(settings, section), key))

    def restore(self, group: str) -> None:
        """Put one group back to the defaults."""
        settings = self.settings
        for spec in SPECS:
            if spec.group == group:
                settings = replace_setting(settings, spec.name, spec.default)
        self.show_settings(settings)
        self.changed.emit(settings)

    def _edited(self, spec: Spec) -> None:
        field = self.fields[spec.name]
        try:
            value = field.get()
        except ValueError as exc:
            field.problem.setText(str(exc))
            field.problem.show()
            field.widget.setAccessibleDescription(str(exc))
            return
        field.problem.hide()
        field.widget.setAccessibleDescription("")
        updated = replace_setting(self.settings, spec.name, value)
        if updated != self.settings:
            self.settings = updated
            self.changed.emit(updated)


def _unit(spec: Spec) -> str:
    if spec.kind is Kind.DURATION and spec.offer_max is not None:
        return f"({format_duration(spec.offer_min or 0)} to {format_duration(spec.offer_max)})"
    return ""
