"""Render the hicolor icons of backbreak from the SVG master; run after changing assets/icons/backbreak.svg.

    python packaging/linux/render_icons.py

Writes packaging/linux/icons/hicolor/<size>x<size>/apps/<app id>.png for every size in
backbreak.paths.ICON_SIZES, and scalable/apps/<app id>.svg (the master itself), with the same renderer
that `backbreak --install-desktop-entry` uses (backbreak/iconrender.py, Qt's SVG renderer).
tests/qt/test_icons.py fails when the committed files no longer match the master.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
MASTER = ROOT / "assets" / "icons" / "backbreak.svg"


def targets(hicolor: Path = HICOLOR) -> dict[str, Path]:
    """Where each icon goes, by size ("16x16", ..., "scalable")."""
    from backbreak import APP_ID, paths

    files = {f"{size}x{size}": hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in paths.ICON_SIZES}
    files["scalable"] = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    return files


def main() -> int:
    """Write every icon; print each path."""
    sys.path.insert(0, str(ROOT))  # this tree's backbreak, whatever is installed
    from backbreak import iconrender

    svg = MASTER.read_bytes()
    for size, target in targets().items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(svg if size == "scalable" else iconrender.png(svg, int(size.split("x")[0])))
        print(target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
