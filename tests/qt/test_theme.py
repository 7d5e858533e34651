"""The forced themes are readable: text on its background, selections, and fields that show as fields."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from backbreak.ui.theme import Theme
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def theme(qapp: QApplication) -> Iterator[Theme]:
    theme = Theme(qapp)
    yield theme
    theme.apply("system")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_text_and_selections_read_at_4_5_to_1(theme: Theme, qapp: QApplication, name: str) -> None:
    theme.apply(name)
    palette = qapp.palette()
    pairs = {
        "window text": (Role.WindowText, Role.Window),
        "field text": (Role.Text, Role.Base),
        "button text": (Role.ButtonText, Role.Button),
        "selected text": (Role.HighlightedText, Role.Highlight),
    }
    low = {what: round(contrast(palette.color(fg), palette.color(bg)), 2) for what, (fg, bg) in pairs.items()}
    assert {what: ratio for what, ratio in low.items() if ratio < 4.5} == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_selections_are_the_apps_teal_not_fusions_blue(theme: Theme, qapp: QApplication, name: str) -> None:
    theme.apply(name)
    for role in (Role.Highlight, Role.Accent):
        assert qapp.palette().color(role).hueF() == pytest.approx(QColor("#2a9d8f").hueF(), abs=0.02)


def test_dark_fields_stand_out_from_the_window(theme: Theme, qapp: QApplication) -> None:
    # Fusion draws field edges in the window colour darkened: on a dark window only the fill shows a field.
    theme.apply("dark")
    palette = qapp.palette()
    window = palette.color(Role.Window)
    assert luminance(palette.color(Role.Base)) > luminance(window)
    assert luminance(palette.color(Role.Button)) > luminance(window)
    assert contrast(palette.color(Role.Base), window) >= 1.3


def test_system_gives_back_the_style_and_palette_the_app_started_with(qapp: QApplication) -> None:
    offscreen_default = qapp.style().name()
    qapp.setStyle(QStyleFactory.create("Windows"))  # a system style that is not Fusion
    try:
        started_window = qapp.palette().color(Role.Window).name()
        theme = Theme(qapp)  # reads the system style's name only when a forced theme replaces it
        theme.apply("dark")
        assert qapp.style().name() == "fusion"
        assert qapp.palette().color(Role.Window).name() == "#202124"
        theme.apply("light")
        theme.apply("system")
        assert qapp.style().name() == "windows"
        assert qapp.palette().color(Role.Window).name() == started_window
    finally:
        qapp.setStyle(QStyleFactory.create(offscreen_default))
