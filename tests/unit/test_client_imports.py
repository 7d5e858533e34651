"""The command-line client stays small: `backbreak status` starts, asks and prints in tens of milliseconds.

Every module a command imports is paid on each call (make bench prints the round trip beside a bare
`python -c pass`). These are the heavy ones the client has no use for; one of them slipping in through
a shared module (paths.py once imported logging, +7 ms) fails here rather than only in the bench.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

NOT_FOR_THE_CLIENT = (
    "PySide6",
    "shiboken6",
    "apscheduler",
    "asyncio",
    "logging",
    "sqlite3",
    "tomllib",
    "threading",
    "email",
    "backbreak.core.engine",
    "backbreak.core.routines",
)

_CLIENT = """
import json, sys
from backbreak.__main__ import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(tmp_path: Path, *argv: str) -> set[str]:
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    (tmp_path / "runtime").mkdir(mode=0o700)
    done = subprocess.run(
        [sys.executable, "-c", _CLIENT, *argv], env=env, capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert "backbreak is not running" in done.stderr  # it got as far as asking
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_status_loads_nothing_heavy(tmp_path: Path) -> None:
    loaded = _modules_after(tmp_path, "status")
    assert "backbreak.ipc" in loaded  # the probe did reach the client's path
    heavy = sorted(name for name in loaded if name.split(".")[0] in NOT_FOR_THE_CLIENT or name in NOT_FOR_THE_CLIENT)
    assert heavy == []


def test_pause_loads_nothing_heavy(tmp_path: Path) -> None:
    loaded = _modules_after(tmp_path, "pause", "20m")
    heavy = sorted(name for name in loaded if name.split(".")[0] in NOT_FOR_THE_CLIENT or name in NOT_FOR_THE_CLIENT)
    assert heavy == []
