"""backbreak as a user gets it: a wheel built from a snapshot of the source tree, installed into a fresh venv.

Desktop tests drive this copy, never the source tree or the editable install: issue #11 was a wheel
without backbreak.ui.stretch that every test missed, because every test ran the editable install.
"""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Left out of the snapshot: what .gitignore names, so the snapshot is what a fresh clone (plus the
# work in progress) holds. A stale build/ would otherwise reach the wheel: setuptools copies all of
# build/lib into it, modules deleted from the tree included.
NOT_SOURCE_AT = {".git", ".venv", "build", "dist", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis"}
NOT_SOURCE_BELOW = {"tests": {"screenshots"}}
NOT_SOURCE_ANYWHERE = ("__pycache__", "*.pyc", "*.egg-info")


@dataclass(frozen=True)
class Wheel:
    """A built wheel, the snapshot of the tree it was built from, and what the build printed."""

    path: Path
    source: Path
    log: str

    def names(self) -> set[str]:
        """The files in the wheel, as paths inside it."""
        with zipfile.ZipFile(self.path) as archive:
            return {name for name in archive.namelist() if not name.endswith("/")}


@dataclass(frozen=True)
class Installed:
    """A venv holding backbreak installed from a wheel, with its dependencies."""

    venv: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def backbreak(self) -> Path:
        """The console script, as `pip install` writes it."""
        return self.venv / "bin" / "backbreak"


def _not_source(folder: str, names: list[str]) -> set[str]:
    where = Path(folder).relative_to(ROOT).as_posix()
    skipped = {name for name in names if any(fnmatch.fnmatch(name, pattern) for pattern in NOT_SOURCE_ANYWHERE)}
    if where == ".":
        skipped |= NOT_SOURCE_AT & set(names)
    return skipped | (NOT_SOURCE_BELOW.get(where, set()) & set(names))


def _run(what: str, argv: list[str], cwd: Path) -> str:
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}):\n{output}")
    return output


def build_wheel(folder: Path) -> Wheel:
    """`pip wheel --no-deps` on a snapshot of the tree, so the build writes nothing into the repository."""
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=_not_source)
    dist = folder / "dist"
    # --verbose: the build backend's own warnings reach the log whatever pip's default verbosity.
    argv = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--verbose", "--wheel-dir", str(dist), str(source)]
    log = _run("building the wheel", argv, folder)
    (wheel,) = dist.glob("backbreak-*.whl")
    return Wheel(wheel, source, log)


def install(wheel: Wheel, folder: Path) -> Installed:
    """A fresh venv of this interpreter with the wheel and its dependencies installed."""
    venv = folder / "venv"
    # No pip inside: this interpreter's pip installs into the venv (--python), which saves ensurepip's
    # few seconds. The console script's first line still names the venv's python.
    _run("creating the venv", [sys.executable, "-m", "venv", "--without-pip", str(venv)], folder)
    installed = Installed(venv)
    argv = [sys.executable, "-m", "pip", "--python", str(installed.python), "install", "--quiet", str(wheel.path)]
    _run("installing the wheel", argv, folder)
    return installed
