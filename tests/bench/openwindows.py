"""How fast the settings and statistics windows open on a real (virtual) X display: target 150 ms."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.desktop.conftest import app_env
from tests.desktop.session import Desktop

ROOT = Path(__file__).resolve().parents[2]
TARGET_MS = 150


def main() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as scratch, Desktop(Path(scratch) / "desktop") as desktop:
        home = Path(scratch) / "home"
        home.mkdir()
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.openwindows_probe"],
            cwd=ROOT,
            env=app_env(desktop, home),
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"settings and statistics windows, request to first painted frame (Xvfb with openbox; target {TARGET_MS} ms)")
    for name, title in (("settings", "settings"), ("stats", f"statistics ({figures['history_rows']} history rows)")):
        shown = figures[name]
        print(
            f"  {title}: first open {shown['cold_ms']:.0f} ms (imports its modules then), "
            f"again median {shown['warm_median_ms']:.0f} ms, max {shown['warm_max_ms']:.0f} ms"
        )

    return dict(figures)


if __name__ == "__main__":
    main()
