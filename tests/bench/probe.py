"""Run a measuring probe in a private desktop and read the figures it prints as its last line of JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.desktop.conftest import app_env
from tests.desktop.session import Desktop

ROOT = Path(__file__).resolve().parents[2]


def run_probe(module: str) -> dict[str, Any]:
    """`python -m <module>` on Xvfb with openbox and an empty home; its last stdout line, parsed."""
    with tempfile.TemporaryDirectory() as scratch, Desktop(Path(scratch) / "desktop") as desktop:
        home = Path(scratch) / "home"
        home.mkdir()
        done = subprocess.run(
            [sys.executable, "-m", module],
            cwd=ROOT,
            env=app_env(desktop, home),
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
