"""A chart whose items (days, or stretches of a day) can be picked with the mouse or the keyboard.

Pointing at an item, or moving to it with the arrow keys once the chart has focus, picks it: the chart
marks it, says it in its accessible description (and tells screen readers so), and emits `picked`
for the window to show the same words under the chart. Drawing goes through `paint_chart(painter,
rect)`, which draws only inside `rect`: tests draw it on a larger image and check nothing spilled.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from backbreak.ui.chartstyle import focus_ring

NOTHING = -1


class PickableChart(QWidget):
    """Items from 0 to `count() - 1`; `picked` is the one shown, or NOTHING.

    Signals:
        picked: the item index now picked (NOTHING when none).
    """

    picked = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.current = NOTHING
        self.texts: list[tuple[str, QRectF]] = []  # the labels drawn last, and where (tests read them)
        self._keyboard = NOTHING  # where the arrow keys left off, so the pointer leaving goes back there

    # ----------------------------------------------------------------- for subclasses
    def count(self) -> int:
        """How many items there are."""
        raise NotImplementedError

    def item_at(self, x: float, rect: QRectF) -> int:
        """The item under `x` when drawn in `rect`, or NOTHING."""
        raise NotImplementedError

    def describe(self, index: int) -> str:
        """The item's numbers in words."""
        raise NotImplementedError

    def paint_chart(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the chart inside `rect`, and nowhere else."""
        raise NotImplementedError

    # ----------------------------------------------------------------- picking
    def pick(self, index: int) -> None:
        """Show `index` (NOTHING: none)."""
        index = index if 0 <= index < self.count() else NOTHING
        if index == self.current:
            return
        self.current = index
        words = self.describe(index) if index != NOTHING else ""
        self.setAccessibleDescription(words)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
        self.update()
        self.picked.emit(index)

    def reset(self) -> None:
        """New data: nothing picked."""
        self._keyboard = NOTHING
        self.current = NOTHING
        self.setAccessibleDescription("")
        self.picked.emit(NOTHING)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        last = self.count() - 1
        key = Qt.Key(event.key())
        if key in moves and last >= 0:
            start = self.current if self.current != NOTHING else last
            self._keyboard = max(0, min(last, start + moves[key]))
        elif key == Qt.Key.Key_Home and last >= 0:
            self._keyboard = 0
        elif key == Qt.Key.Key_End and last >= 0:
            self._keyboard = last
        else:
            super().keyPressEvent(event)
            return
        self.pick(self._keyboard)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if self._keyboard == NOTHING and self.count():
            self._keyboard = self.count() - 1  # the newest first: today, or the latest stretch
        self.pick(self._keyboard)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.pick(self.item_at(event.position().x(), QRectF(self.rect())))

    def leaveEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.pick(self._keyboard if self.hasFocus() else NOTHING)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        with QPainter(self) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.font())
            self.paint_chart(painter, QRectF(self.rect()))
            if self.hasFocus():
                focus_ring(painter, QRectF(self.rect()), self.palette())
