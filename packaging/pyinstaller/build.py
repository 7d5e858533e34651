"""Build backbreak's one-folder bundle with PyInstaller, from a wheel of this tree.

    python packaging/pyinstaller/build.py [--wheel WHEEL] [--out DIR] [--tarball]

1. A wheel of the tree (unless --wheel names one): the bundle holds what users install, not the
   editable source tree.
2. A fresh venv in DIR/venv with that wheel and its `bundle` extra (PyInstaller and its hooks, pinned
   in pyproject.toml; build tools never reach the app's own dependencies).
3. PyInstaller with packaging/pyinstaller/backbreak.spec, into DIR/dist/backbreak.
4. Prints the unpacked size; --tarball also packs DIR/backbreak-<version>-linux-<machine>.tar.gz.

The same function builds the bundle that tests/desktop/test_bundle.py starts on the headless desktop.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _run(argv: list[str | Path], cwd: Path) -> None:
    subprocess.run([str(arg) for arg in argv], cwd=cwd, check=True)


def size_of(folder: Path) -> int:
    """Bytes of every file below `folder`, as unpacked (symbolic links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(out: Path, wheel: Path | None = None, python: str = sys.executable) -> Path:
    """The bundle's folder (out/dist/backbreak), built from `wheel` or from a wheel of the tree."""
    out.mkdir(parents=True, exist_ok=True)
    if wheel is None:
        _run([python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out / "wheel", ROOT], out)
        (wheel,) = (out / "wheel").glob("backbreak-*.whl")
    venv = out / "venv"
    _run([python, "-m", "venv", venv], out)
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", f"{wheel}[bundle]"], out)
    spec = HERE / "backbreak.spec"
    _run(
        [venv / "bin" / "pyinstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", out / "dist",
         "--workpath", out / "work", spec],
        out,
    )  # fmt: skip
    return out / "dist" / "backbreak"


def tarball(bundle: Path, version: str) -> Path:
    """The bundle's folder packed as backbreak-<version>-linux-<machine>.tar.gz beside dist/."""
    target = bundle.parents[1] / f"backbreak-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(bundle, arcname="backbreak")
    return target


def main() -> int:
    """Build, print where and how big."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help="a built backbreak wheel (default: build one of this tree)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bundle", help="working folder")
    parser.add_argument("--tarball", action="store_true", help="also pack the folder as a .tar.gz")
    args = parser.parse_args()
    bundle = build(args.out.resolve(), args.wheel)
    print(f"bundle: {bundle} ({size_of(bundle) / 1e6:.0f} MB unpacked)")
    if args.tarball:
        version = subprocess.run(
            [bundle / "backbreak", "--version"], capture_output=True, text=True, check=True
        ).stdout.split()[-1]
        packed = tarball(bundle, version)
        print(f"tarball: {packed} ({packed.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
