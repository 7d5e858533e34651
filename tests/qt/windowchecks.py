"""Checks on a window's geometry and drawing, shared by the in-process tests and the 200 % probe.

- `layout_problems`: nothing scrolls sideways, no widget is squeezed below what it needs or pushed past
  its parent's or the window's right edge. Vertical scrolling inside a scroll area is allowed (a short
  screen), so a page's widgets may lie below the viewport, never beside it.
- `spills`: what a chart draws outside its area, drawn on a larger transparent image.
- `screenshots`: every section of the settings window and every span of the statistics window.
"""

from __future__ import annotations

from pathlib import Path

from backbreak.core.settings import GROUPS
from backbreak.ui.chartbase import PickableChart
from backbreak.ui.settingswindow import ABOUT, SettingsWindow
from backbreak.ui.statswindow import StatsWindow
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QScrollArea, QWidget

SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
SECTIONS = (*GROUPS, ABOUT)


def layout_problems(window: QWidget) -> list[str]:
    """What is cut or scrolled sideways in `window` as it shows now; empty when nothing is."""
    problems = []
    screen = window.screen().availableGeometry()
    if window.width() > screen.width():
        problems.append(f"window {window.width()} px wide on a {screen.width()} px screen")
    for scroll in window.findChildren(QAbstractScrollArea):
        if scroll.isVisible() and (scroll.horizontalScrollBar().isVisible() or scroll.horizontalScrollBar().maximum()):
            problems.append(f"{_name(scroll)} scrolls sideways")
        inner = scroll.widget() if isinstance(scroll, QScrollArea) else None
        if inner is not None and scroll.isVisible() and inner.width() > scroll.viewport().width():
            problems.append(f"{_name(inner)} is {inner.width()} px wide in a {scroll.viewport().width()} px view")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's own line edit is sized by the spin box's style, inside its frame
        need = widget.minimumSizeHint()
        if need.isValid() and (widget.width() < need.width() or widget.height() < need.height()):
            problems.append(f"{_name(widget)} squeezed to {widget.size().toTuple()}, needs {need.toTuple()}")
        left = widget.mapTo(window, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > window.width():
            problems.append(f"{_name(widget)} spans x {left} to {left + widget.width()} of {window.width()}")
        parent = widget.parentWidget()
        if parent is not None and not _scrolls(parent):
            box = widget.geometry()
            if box.left() < 0 or box.right() >= parent.width() or box.top() < 0 or box.bottom() >= parent.height():
                problems.append(
                    f"{_name(widget)} at {box.getRect()} is cut by {_name(parent)} {parent.size().toTuple()}"
                )
    return problems


def spills(chart: PickableChart, margin: int = 40) -> int:
    """How many pixels the chart draws outside its own rectangle (drawn unclipped on a larger image)."""
    width, height = chart.width(), chart.height()
    image = QImage(width + 2 * margin, height + 2 * margin, QImage.Format.Format_ARGB32)
    image.fill(0)
    with QPainter(image) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(chart.font())
        painter.translate(margin, margin)
        chart.paint_chart(painter, QRectF(0, 0, width, height))
    outside = 0
    for y in range(image.height()):
        row = image.constScanLine(y).tobytes()
        inside_row = margin <= y < margin + height
        spans = [(0, margin), (margin + width, image.width())] if inside_row else [(0, image.width())]
        for start, end in spans:
            chunk = row[start * 4 : end * 4]
            outside += sum(1 for alpha in chunk[3::4] if alpha)
    return outside


def settle(window: QWidget) -> None:
    """Let the window lay itself out and paint."""
    window.show()
    for _ in range(3):
        QApplication.processEvents()


def settings_screenshots(window: SettingsWindow, folder: Path, suffix: str) -> dict[str, list[str]]:
    """Each section's picture, and what is wrong in each (empty lists when nothing is)."""
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for name in SECTIONS:
        window.show_section(name)
        settle(window)
        found[name] = layout_problems(window)
        assert window.grab().save(str(folder / f"{name.lower().replace(' ', '-')}-{suffix}.png"))
    return found


def stats_screenshots(window: StatsWindow, folder: Path, stem: str) -> dict[str, list[str]]:
    """Each span's picture (today, 7 and 30 days), and what is wrong in each."""
    folder.mkdir(parents=True, exist_ok=True)
    found = {}
    for index in range(window.span.count()):
        window.span.setCurrentIndex(index)
        settle(window)
        days = window.span.tabData(index)
        problems = layout_problems(window)
        if spills(window.chart):
            problems.append(f"the {days}-day chart draws {spills(window.chart)} px outside itself")
        found[f"{days}d"] = problems
        assert window.grab().save(str(folder / f"{stem}-{days}d.png"))
    return found


def _scrolls(widget: QWidget) -> bool:
    """A scroll area's viewport: what it holds may reach below it (vertical scrolling)."""
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _name(widget: QWidget) -> str:
    words = widget.accessibleName() or getattr(widget, "text", lambda: "")() or widget.objectName()
    return f"{type(widget).__name__}({words!r})"
