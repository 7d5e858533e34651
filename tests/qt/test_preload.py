"""The start path loads its Qt-free modules before PySide6, so PySide6 never keeps their source.

See backbreak/preload.py. Runs in a fresh interpreter: this test process has long since imported
PySide6 and everything else.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# What the start path does, in its order, then what is in linecache: the files PySide6's import
# hook read. A module imported after all of that shows whether the hook still reads sources at all.
PROBE = """
import json, linecache, sys
import backbreak.preload
from backbreak.runtime.instance import InstanceLock
from backbreak.ui.tray import Tray  # the icon
from backbreak import app  # then the rest
read_at_start = sorted(linecache.cache)
import colorsys
print(json.dumps({"read": read_at_start, "control": colorsys.__file__ in linecache.cache}))
"""

# The heavy Qt-free packages the tray app loads; none of their source may be held. (sqlite3 and tomllib
# are imported again by our core after the icon, so the hook reads them then: under 40 KB, not listed.)
HEAVY = ("apscheduler", "asyncio", "email", "importlib/metadata", "multiprocessing")


def test_start_path_keeps_no_source_of_the_heavy_modules() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    found = json.loads(out.splitlines()[-1])
    if not found["control"]:
        pytest.skip("this PySide6 no longer reads module sources on import: backbreak/preload.py can go")
    held = [path for path in found["read"] if any(f"/{name}/" in path for name in HEAVY)]
    assert held == []
