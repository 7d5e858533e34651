"""The theme setting: follow the system, or force a light or dark palette (Fusion style)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from backbreak.ui.trayicon import ACCENT

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#26272b",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2e31",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.ToolTipBase: "#2d2e31",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Highlight: ACCENT.name(),
    QPalette.ColorRole.HighlightedText: "#ffffff",
}


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply the theme setting: system leaves the palette alone; light and dark set one on Fusion."""
    if theme == "system":
        return
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = app.style().standardPalette()
    if theme == "dark":
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6f7378"))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6f7378"))
    app.setPalette(palette)


def system_prefers_reduced_motion() -> bool:
    """The desktop's reduced-motion preference, where Qt reports it (Qt 6.12 and later)."""
    # WORKAROUND: in PySide6 6.12.0 the chained call styleHints().accessibility() returns an already
    # deleted wrapper; keep the style hints in a variable first (shared/PLATFORM.md section 10).
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    access = accessibility()
    preference = getattr(access, "motionPreference", None)
    reduced = getattr(getattr(Qt, "MotionPreference", None), "ReducedMotion", None)
    return preference is not None and reduced is not None and preference() == reduced
