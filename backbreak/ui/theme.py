"""The theme setting: follow the system, or force a light or dark palette (Fusion style)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from backbreak.core.settings import Settings

# ACCENT darkened for selections: white text on it reaches 5:1 (ACCENT itself gives 3.3:1), and the same
# teal marks what is selected in both forced themes instead of Fusion's stock blue.
HIGHLIGHT = QColor("#1f7a70")

# Fields (Base) and buttons sit lighter than the window: Fusion outlines everything in the window colour
# darkened, which on a dark window is close to black, so a field darker than the window shows no edge at
# all: check boxes, radio buttons and line edits vanished into it.
_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#35363a",
    QPalette.ColorRole.AlternateBase: "#2b2c30",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#3c4043",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.ToolTipBase: "#2d2e31",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
}


class Theme:
    """The theme setting, applied live.

    "system" gives back the style and palette the app started with; "light" and "dark" set one on Fusion.
    """

    def __init__(self, app: QApplication) -> None:
        self._app = app
        # The system style's name is read only when a forced theme first replaces it: app.style() makes
        # PySide6 build QStyle's Python type with its ten enums (about 0.3 MB), which an app that keeps the
        # system theme all day never needs.
        self._system_style = ""
        self._system_palette = QPalette(app.palette())
        self.current = "system"

    def apply(self, theme: str) -> None:
        """Use `theme` ("system", "light" or "dark") from now on; open windows change at once."""
        if theme == self.current:
            return
        self.current = theme
        if theme == "system":
            self._app.setStyle(QStyleFactory.create(self._system_style))
            self._app.setPalette(self._system_palette)
            return
        self._system_style = self._system_style or self._app.style().name()
        self._app.setStyle(QStyleFactory.create("Fusion"))
        palette = self._app.style().standardPalette()
        palette.setColor(QPalette.ColorRole.Highlight, HIGHLIGHT)
        palette.setColor(QPalette.ColorRole.Accent, HIGHLIGHT)
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        if theme == "dark":
            for role, colour in _DARK.items():
                palette.setColor(role, QColor(colour))
            palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6f7378"))
            palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6f7378"))
        self._app.setPalette(palette)

    def settings_changed(self, old: Settings, new: Settings) -> None:
        """Follow a change of the theme setting."""
        self.apply(new.ui.theme)


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
