"""The committed hicolor icons are the SVG master rendered by packaging/linux/render_icons.py, not drawn by hand."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from backbreak import iconrender, paths
from PySide6.QtGui import QImage

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
MASTER = ROOT / "assets" / "icons" / "backbreak.svg"
# Another Qt release may anti-alias an edge pixel a little differently; a changed master (another colour,
# another shape) moves the average far more than this.
MEAN_TOLERANCE = 1.0


def render_script() -> ModuleType:
    return load_script("packaging/linux/render_icons.py")


def mean_difference(a: QImage, b: QImage) -> float:
    # The converted images are kept in names: constBits() points into them, and a temporary is freed at once.
    one, two = a.convertToFormat(QImage.Format.Format_RGBA8888), b.convertToFormat(QImage.Format.Format_RGBA8888)
    first, second = one.constBits().tobytes(), two.constBits().tobytes()
    assert len(first) == len(second)
    return sum(abs(x - y) for x, y in zip(first, second, strict=True)) / len(first)


def test_the_committed_icons_are_exactly_the_sizes_the_script_writes() -> None:
    targets = render_script().targets()
    assert set(targets) == {f"{size}x{size}" for size in paths.ICON_SIZES} | {"scalable"}
    committed = {path for path in (ROOT / "packaging" / "linux" / "icons").rglob("*") if path.is_file()}
    assert committed == set(targets.values())
    assert targets["scalable"].read_bytes() == MASTER.read_bytes()


def test_each_png_matches_the_master_rendered_at_its_size() -> None:
    svg = MASTER.read_bytes()
    for size in paths.ICON_SIZES:
        committed = QImage(str(render_script().targets()[f"{size}x{size}"]))
        assert (committed.width(), committed.height()) == (size, size)
        assert mean_difference(committed, iconrender.render(svg, size)) <= MEAN_TOLERANCE, f"{size} px"


def test_the_comparison_would_notice_a_changed_master() -> None:
    changed = MASTER.read_bytes().replace(b"#2a9d8f", b"#e76f51")  # the accent, warmed
    committed = QImage(str(render_script().targets()["64x64"]))
    assert mean_difference(committed, iconrender.render(changed, 64)) > 5 * MEAN_TOLERANCE
