"""The app icon as PNGs, rendered from the SVG master in assets/icons by Qt's SVG renderer.

One renderer for both places that need PNGs: `backbreak --install-desktop-entry` (a pip install) and
packaging/linux/render_icons.py, which writes the hicolor PNGs committed for the Flatpak and the bundle.
"""

from __future__ import annotations

import importlib.resources

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

MASTER = "backbreak.svg"


def master_svg() -> bytes:
    """The SVG master of the app icon, as shipped in backbreak.assets."""
    # One name per joinpath: in a PyInstaller bundle the package is a MultiplexedPath, whose joinpath
    # takes a single name on Python 3.11.
    return importlib.resources.files("backbreak.assets").joinpath("icons").joinpath(MASTER).read_bytes()


def render(svg: bytes, size: int) -> QImage:
    """`svg` drawn into a transparent `size` x `size` image."""
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon master is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png(svg: bytes, size: int) -> bytes:
    """`svg` at `size` px, as PNG bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # WORKAROUND: PySide6's stubs type the format as bytes, but at run time only a str is accepted
    # ("called with wrong argument values"), as with QDBusConnection.connect's slot (session_linux.py).
    if not render(svg, size).save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("Qt could not encode the PNG")
    buffer.close()
    return bytes(data.data())
